"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const entropy_1 = require("./entropy");
(0, node_test_1.test)("a random 16-character [a-z0-9] label carries more than 80 bits", () => {
    strict_1.default.equal((0, entropy_1.alphabetSize)("k7q2m9x4v8r3t6w1"), 36);
    strict_1.default.ok((0, entropy_1.entropyBits)("k7q2m9x4v8r3t6w1") > 80);
});
(0, node_test_1.test)("a 20-character hex label carries exactly 80 bits", () => {
    strict_1.default.equal((0, entropy_1.entropyBits)("0123456789abcdef0123"), 80);
});
(0, node_test_1.test)("repeated characters count once", () => {
    strict_1.default.equal((0, entropy_1.effectiveLength)("aaaaaaaaaaaaaaaa"), 1);
    strict_1.default.ok((0, entropy_1.entropyBits)("aaaaaaaaaaaaaaaa") < 5);
});
(0, node_test_1.test)("digits only are worth log2(10) bits each", () => {
    strict_1.default.equal((0, entropy_1.alphabetSize)("1234567890123456"), 10);
    strict_1.default.ok((0, entropy_1.entropyBits)("1234567890123456") < 80);
});
