// Through the pack's own analyzer server: a resource policy, judged before the distribution's step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { distribution, messagesOf, UNKNOWN, usePack } from "../lib/fixtures";
import { httpsEverywhere as policy } from "./https-only";

const pack = usePack();

test("update: passes https-only origins with TLSv1.2 and redirected viewers", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(distribution())), []);
});

test("up --skip-preview: refuses plain HTTP to the origin, old TLS and HTTP viewers before creation", async () => {
    const cdn = distribution({ defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" },
        viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", minimumProtocolVersion: "TLSv1" } },
    { customOriginConfig: { originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1", "TLSv1.2"] } });
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(cdn)), [
        "Origin latency-origin: originProtocolPolicy must be https-only, got match-viewer.",
        "Origin latency-origin: originSslProtocols must be [\"TLSv1.2\"], got [\"TLSv1\",\"TLSv1.2\"].",
        "Behaviour default: viewerProtocolPolicy must be redirect-to-https or https-only, got allow-all.",
        "viewerCertificate.minimumProtocolVersion must be one of TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025, got TLSv1.",
    ]);
});

test("new stack's preview: unknown fields are judged at the update, without a can't-run note", async () => {
    const cdn = distribution({ viewerCertificate: UNKNOWN }, { customOriginConfig: { originProtocolPolicy: UNKNOWN,
        originSslProtocols: UNKNOWN } });
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(cdn)), []);
});
