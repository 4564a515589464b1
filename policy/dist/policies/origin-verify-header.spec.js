"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fixtures_1 = require("../lib/fixtures");
const origin_verify_header_1 = require("./origin-verify-header");
(0, node_test_1.test)("passes an origin sending the header with a masked (secret) value", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(origin_verify_header_1.originVerifyHeader, [(0, fixtures_1.distribution)()], { secretsAreMasked: true }), []);
});
(0, node_test_1.test)("fails an origin without the header", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(origin_verify_header_1.originVerifyHeader, [(0, fixtures_1.distribution)({}, { customHeaders: [] })]), [
        "Distribution cdn-distribution: origin latency-origin does not send X-Origin-Verify.",
    ]);
});
(0, node_test_1.test)("fails a header value visible in a plan, where secrets are masked", async () => {
    const cdn = (0, fixtures_1.distribution)({}, { customHeaders: [{ name: "X-Origin-Verify", value: "plain-text-value" }] });
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(origin_verify_header_1.originVerifyHeader, [cdn], { secretsAreMasked: true }), [
        "Distribution cdn-distribution: the X-Origin-Verify value is in plain text; pass it as a secret.",
    ]);
});
