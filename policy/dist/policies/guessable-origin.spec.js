"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fixtures_1 = require("../lib/fixtures");
const guessable_origin_1 = require("./guessable-origin");
const withHost = (domainName) => (0, fixtures_1.distribution)({}, { domainName });
(0, node_test_1.test)("passes a long random label over a parent", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(guessable_origin_1.unguessableOrigin, [(0, fixtures_1.distribution)(), (0, fixtures_1.latencyRecord)("eu-west-1")]), []);
});
(0, node_test_1.test)("fails the label origin", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(guessable_origin_1.unguessableOrigin, [withHost("origin.example.com")]), [
        "Distribution cdn-distribution: origin origin.example.com: the label \"origin\" must be at least 16 characters of [a-z0-9], it has 6.",
        "Distribution cdn-distribution: origin origin.example.com: the label carries about 28.2 bits of entropy, below 80.",
        "Distribution cdn-distribution: origin origin.example.com: the label contains the common word(s) origin.",
    ]);
});
(0, node_test_1.test)("fails a short label", async () => {
    const result = await (0, fixtures_1.messages)(guessable_origin_1.unguessableOrigin, [withHost("a1b2.origin.example.com")]);
    strict_1.default.equal(result[0], "Distribution cdn-distribution: origin a1b2.origin.example.com: the label \"a1b2\" must be at least 16 characters of [a-z0-9], it has 4.");
});
(0, node_test_1.test)("fails a long label that hides a word or a Region", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(guessable_origin_1.unguessableOrigin, [withHost("x7k2prodq9m4v8r3t6.origin.example.com")]), [
        "Distribution cdn-distribution: origin x7k2prodq9m4v8r3t6.origin.example.com: the label contains the common word(s) prod.",
    ]);
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(guessable_origin_1.unguessableOrigin, [withHost("euwest1q9m4v8r3t6z.origin.example.com")]), [
        "Distribution cdn-distribution: origin euwest1q9m4v8r3t6z.origin.example.com: the label contains the common word(s) euwest.",
    ]);
});
(0, node_test_1.test)("fails a long label with little entropy", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(guessable_origin_1.unguessableOrigin, [withHost("1111111111222222222.origin.example.com")]), [
        "Distribution cdn-distribution: origin 1111111111222222222.origin.example.com: the label carries about 6.6 bits of entropy, below 80.",
    ]);
});
(0, node_test_1.test)("fails a label reused by another record", async () => {
    const other = (0, fixtures_1.resource)("aws:route53/record:Record", "other", { name: "k7q2m9x4v8r3t6w1z5.example.com", type: "CNAME" });
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(guessable_origin_1.unguessableOrigin, [(0, fixtures_1.distribution)(), other]), [
        "Distribution cdn-distribution: origin k7q2m9x4v8r3t6w1z5.origin.example.com: the label is also used by the record(s) k7q2m9x4v8r3t6w1z5.example.com.",
    ]);
});
(0, node_test_1.test)("minimums are configurable", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(guessable_origin_1.unguessableOrigin, [(0, fixtures_1.distribution)()], { minLabelLength: 20 }), [
        "Distribution cdn-distribution: origin k7q2m9x4v8r3t6w1z5.origin.example.com: the label \"k7q2m9x4v8r3t6w1z5\" must be at least 20 characters of [a-z0-9], it has 18.",
    ]);
});
(0, node_test_1.test)("a masked (secret) host is left to the real preview", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(guessable_origin_1.unguessableOrigin, [withHost("[secret]")]), []);
});
