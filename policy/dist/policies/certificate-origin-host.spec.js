"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fixtures_1 = require("../lib/fixtures");
const certificate_origin_host_1 = require("./certificate-origin-host");
(0, node_test_1.test)("passes a wildcard over the origin parent", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(certificate_origin_host_1.noCertificateNamesOriginHost, [(0, fixtures_1.distribution)(), (0, fixtures_1.certificate)("eu", "*.origin.example.com", "eu-west-1")]), []);
});
(0, node_test_1.test)("fails a certificate naming the exact origin host", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(certificate_origin_host_1.noCertificateNamesOriginHost, [(0, fixtures_1.distribution)(), (0, fixtures_1.certificate)("eu", fixtures_1.HOST, "eu-west-1")]), [
        `Certificate eu names the origin host ${fixtures_1.HOST}; certificate transparency logs would publish it. Use a wildcard over its parent instead.`,
    ]);
});
(0, node_test_1.test)("fails an alternative name that is the origin host", async () => {
    const result = await (0, fixtures_1.messages)(certificate_origin_host_1.noCertificateNamesOriginHost, [(0, fixtures_1.distribution)(), (0, fixtures_1.certificate)("viewer", "www.example.com", "us-east-1", [fixtures_1.HOST])]);
    strict_1.default.equal(result.length, 1);
});
