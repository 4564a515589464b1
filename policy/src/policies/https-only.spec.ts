import { test } from "node:test";
import assert from "node:assert/strict";
import { distribution, messages } from "../lib/fixtures";
import { httpsEverywhere as policy } from "./https-only";

test("passes https-only TLSv1.2 origins and redirected TLSv1.2_2021 viewers", async () => {
    assert.deepEqual(await messages(policy, [distribution()]), []);
});

test("fails an origin reached over HTTP or old TLS", async () => {
    const cdn = distribution({}, { customOriginConfig: { originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1.1", "TLSv1.2"] } });
    assert.deepEqual(await messages(policy, [cdn]), [
        "Origin latency-origin: originProtocolPolicy must be https-only, got match-viewer.",
        "Origin latency-origin: originSslProtocols must be [\"TLSv1.2\"], got [\"TLSv1.1\",\"TLSv1.2\"].",
    ]);
});

test("fails viewers allowed on HTTP and an old TLS floor", async () => {
    const cdn = distribution({ defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" },
        viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/a", minimumProtocolVersion: "TLSv1" } });
    assert.deepEqual(await messages(policy, [cdn]), [
        "Behaviour default: viewerProtocolPolicy must be redirect-to-https or https-only, got allow-all.",
        "viewerCertificate.minimumProtocolVersion must be one of TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025, got TLSv1.",
    ]);
});
