// Through the pack's own analyzer server, with the certificate's ARN unknown as in a new stack's preview and the
// distribution's viewerCertificate depending on the CertificateValidation, which depends on the certificate:
// the dependencies and providers the engine sends with AnalyzeStack. Exact where the ARN is known (the resource
// policy); here it decides from the provider, so it refuses in a preview, not in up --skip-preview.
import { test } from "node:test";
import assert from "node:assert/strict";
import { certificate, distribution, messagesOf, UNKNOWN, usePack, validation } from "../lib/fixtures";
import { viewerCertificateProviderInUsEast1 as policy } from "./viewer-certificate-provider-us-east-1";

const pack = usePack();
const viewerCertificate = { acmCertificateArn: UNKNOWN, minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" };

function previewOfNewStack(region: string) {
    const cert = certificate("viewer-certificate", "www.example.com", region);
    const check = validation("viewer-validation", cert, region);
    const cdn = distribution({ viewerCertificate }, {}, { dependencies: [check.urn],
        propertyDependencies: { viewerCertificate: [check.urn] } });
    return [cert, check, cdn];
}

test("new stack's preview: passes a viewer certificate made through a us-east-1 provider", async () => {
    const { beforeCreation, stack } = await pack().analyzeAll(previewOfNewStack("us-east-1"));
    assert.deepEqual(messagesOf(policy.name, [...beforeCreation, ...stack]), []);
});

test("new stack's preview: refuses a viewer certificate made through an eu-west-1 provider", async () => {
    const { stack } = await pack().analyzeAll(previewOfNewStack("eu-west-1"));
    assert.deepEqual(messagesOf(policy.name, stack), [
        "Distribution cdn-distribution: certificates must be in the us-east-1 region and the certificate you provided (viewer-certificate) is in eu-west-1.",
    ]);
});

test("without dependencies, judges the certificate covering the first alias", async () => {
    const cdn = distribution({ viewerCertificate });
    const stack = await pack().analyzeStack([cdn, certificate("other", "www.example.com", "ap-south-1")]);
    assert.deepEqual(messagesOf(policy.name, stack), [
        "Distribution cdn-distribution: certificates must be in the us-east-1 region and the certificate you provided (other) is in ap-south-1.",
    ]);
});

test("refuses when the ARN is unknown and no certificate covers the aliases", async () => {
    const stack = await pack().analyzeStack([distribution({ viewerCertificate })]);
    assert.deepEqual(messagesOf(policy.name, stack), ["Distribution cdn-distribution: the viewer certificate ARN is "
        + "not known yet and no certificate in this stack covers www.example.com, so it cannot be shown to be in us-east-1."]);
});

test("update: with the ARN known it leaves the judgement to the resource policy", async () => {
    const stack = await pack().analyzeStack([distribution(), certificate("viewer-certificate", "www.example.com", "eu-west-1")]);
    assert.deepEqual(messagesOf(policy.name, stack), []);
});
