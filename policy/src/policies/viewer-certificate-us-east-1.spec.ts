import { test } from "node:test";
import assert from "node:assert/strict";
import { certificate, distribution, messages } from "../lib/fixtures";
import { UNKNOWN } from "../lib/resources";
import { viewerCertificateInUsEast1 as policy } from "./viewer-certificate-us-east-1";

test("passes a certificate ARN in us-east-1", async () => {
    assert.deepEqual(await messages(policy, [distribution()]), []);
});

test("fails a certificate ARN in another Region, naming distribution, certificate and Region", async () => {
    const arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc";
    assert.deepEqual(await messages(policy, [distribution({ viewerCertificate: { acmCertificateArn: arn } })]), [
        `Distribution cdn-distribution: certificates must be in the us-east-1 region and the certificate you provided (${arn}) is in eu-west-1.`,
    ]);
});

test("in a preview with an unknown ARN, passes when the certificate's provider is in us-east-1", async () => {
    const viewer = certificate("viewer-certificate", "www.example.com", "us-east-1");
    assert.deepEqual(await messages(policy, [distribution({ viewerCertificate: { acmCertificateArn: UNKNOWN } }), viewer]), []);
});

test("in a preview with an unknown ARN, fails when the certificate's provider is elsewhere", async () => {
    const viewer = certificate("viewer-certificate", "www.example.com", "eu-west-1");
    assert.deepEqual(await messages(policy, [distribution({ viewerCertificate: { acmCertificateArn: UNKNOWN } }), viewer]), [
        "Distribution cdn-distribution: certificates must be in the us-east-1 region and the certificate you provided (viewer-certificate) is in eu-west-1.",
    ]);
});

test("prefers the certificate the distribution depends on over a name match", async () => {
    const depended = certificate("other", "www.example.com", "ap-south-1");
    const byName = certificate("viewer-certificate", "www.example.com", "us-east-1");
    const cdn = distribution({ viewerCertificate: { acmCertificateArn: UNKNOWN } }, {}, { viewerCertificate: [depended] });
    assert.deepEqual(await messages(policy, [cdn, byName]), [
        "Distribution cdn-distribution: certificates must be in the us-east-1 region and the certificate you provided (other) is in ap-south-1.",
    ]);
});

test("fails when the ARN is unknown and no certificate covers the aliases", async () => {
    const result = await messages(policy, [distribution({ viewerCertificate: { acmCertificateArn: UNKNOWN } })]);
    assert.equal(result.length, 1);
    assert.match(result[0], /no certificate in this stack covers www\.example\.com/);
});
