"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fixtures_1 = require("../lib/fixtures");
const resources_1 = require("../lib/resources");
const viewer_certificate_us_east_1_1 = require("./viewer-certificate-us-east-1");
(0, node_test_1.test)("passes a certificate ARN in us-east-1", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(viewer_certificate_us_east_1_1.viewerCertificateInUsEast1, [(0, fixtures_1.distribution)()]), []);
});
(0, node_test_1.test)("fails a certificate ARN in another Region, naming distribution, certificate and Region", async () => {
    const arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc";
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(viewer_certificate_us_east_1_1.viewerCertificateInUsEast1, [(0, fixtures_1.distribution)({ viewerCertificate: { acmCertificateArn: arn } })]), [
        `Distribution cdn-distribution: certificates must be in the us-east-1 region and the certificate you provided (${arn}) is in eu-west-1.`,
    ]);
});
(0, node_test_1.test)("in a preview with an unknown ARN, passes when the certificate's provider is in us-east-1", async () => {
    const viewer = (0, fixtures_1.certificate)("viewer-certificate", "www.example.com", "us-east-1");
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(viewer_certificate_us_east_1_1.viewerCertificateInUsEast1, [(0, fixtures_1.distribution)({ viewerCertificate: { acmCertificateArn: resources_1.UNKNOWN } }), viewer]), []);
});
(0, node_test_1.test)("in a preview with an unknown ARN, fails when the certificate's provider is elsewhere", async () => {
    const viewer = (0, fixtures_1.certificate)("viewer-certificate", "www.example.com", "eu-west-1");
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(viewer_certificate_us_east_1_1.viewerCertificateInUsEast1, [(0, fixtures_1.distribution)({ viewerCertificate: { acmCertificateArn: resources_1.UNKNOWN } }), viewer]), [
        "Distribution cdn-distribution: certificates must be in the us-east-1 region and the certificate you provided (viewer-certificate) is in eu-west-1.",
    ]);
});
(0, node_test_1.test)("prefers the certificate the distribution depends on over a name match", async () => {
    const depended = (0, fixtures_1.certificate)("other", "www.example.com", "ap-south-1");
    const byName = (0, fixtures_1.certificate)("viewer-certificate", "www.example.com", "us-east-1");
    const cdn = (0, fixtures_1.distribution)({ viewerCertificate: { acmCertificateArn: resources_1.UNKNOWN } }, {}, { viewerCertificate: [depended] });
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(viewer_certificate_us_east_1_1.viewerCertificateInUsEast1, [cdn, byName]), [
        "Distribution cdn-distribution: certificates must be in the us-east-1 region and the certificate you provided (other) is in ap-south-1.",
    ]);
});
(0, node_test_1.test)("fails when the ARN is unknown and no certificate covers the aliases", async () => {
    const result = await (0, fixtures_1.messages)(viewer_certificate_us_east_1_1.viewerCertificateInUsEast1, [(0, fixtures_1.distribution)({ viewerCertificate: { acmCertificateArn: resources_1.UNKNOWN } })]);
    strict_1.default.equal(result.length, 1);
    strict_1.default.match(result[0], /no certificate in this stack covers www\.example\.com/);
});
