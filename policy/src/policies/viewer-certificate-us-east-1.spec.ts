// Through the pack's own analyzer server. A resource policy: the engine runs it on the distribution's inputs
// before the step, in up --skip-preview too, where the certificate's ARN is known; in a new stack's preview the
// ARN is unknown and the provider policy decides (see its spec).
import { test } from "node:test";
import assert from "node:assert/strict";
import { distribution, messagesOf, UNKNOWN, usePack } from "../lib/fixtures";
import { viewerCertificateInUsEast1 as policy } from "./viewer-certificate-us-east-1";

const pack = usePack();
const arn = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/abc`;
const withArn = (value: string) => distribution({ viewerCertificate: { acmCertificateArn: value,
    minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" } });

test("update: passes a certificate ARN in us-east-1", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(withArn(arn("us-east-1")))), []);
});

test("up --skip-preview: refuses an eu-west-1 certificate before the distribution is created", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(withArn(arn("eu-west-1")))), [
        `Distribution cdn-distribution: certificates must be in the us-east-1 region and the certificate you provided (${arn("eu-west-1")}) is in eu-west-1.`,
    ]);
});

test("refuses a value that is not an ACM certificate ARN", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(withArn("my-cert"))), [
        "Distribution cdn-distribution: viewerCertificate.acmCertificateArn \"my-cert\" is not an ACM certificate ARN.",
    ]);
});

test("new stack's preview: an unknown ARN is neither a violation nor a can't-run note", async () => {
    const diagnostics = await pack().analyze(withArn(UNKNOWN));
    assert.deepEqual(diagnostics, []);
});
