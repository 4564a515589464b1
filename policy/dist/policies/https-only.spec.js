"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fixtures_1 = require("../lib/fixtures");
const https_only_1 = require("./https-only");
(0, node_test_1.test)("passes https-only TLSv1.2 origins and redirected TLSv1.2_2021 viewers", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(https_only_1.httpsEverywhere, [(0, fixtures_1.distribution)()]), []);
});
(0, node_test_1.test)("fails an origin reached over HTTP or old TLS", async () => {
    const cdn = (0, fixtures_1.distribution)({}, { customOriginConfig: { originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1.1", "TLSv1.2"] } });
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(https_only_1.httpsEverywhere, [cdn]), [
        "Origin latency-origin: originProtocolPolicy must be https-only, got match-viewer.",
        "Origin latency-origin: originSslProtocols must be [\"TLSv1.2\"], got [\"TLSv1.1\",\"TLSv1.2\"].",
    ]);
});
(0, node_test_1.test)("fails viewers allowed on HTTP and an old TLS floor", async () => {
    const cdn = (0, fixtures_1.distribution)({ defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" },
        viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/a", minimumProtocolVersion: "TLSv1" } });
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(https_only_1.httpsEverywhere, [cdn]), [
        "Behaviour default: viewerProtocolPolicy must be redirect-to-https or https-only, got allow-all.",
        "viewerCertificate.minimumProtocolVersion must be one of TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025, got TLSv1.",
    ]);
});
