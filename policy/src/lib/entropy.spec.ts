import { test } from "node:test";
import assert from "node:assert/strict";
import { alphabetSize, effectiveLength, entropyBits } from "./entropy";

test("a random 16-character [a-z0-9] label carries more than 80 bits", () => {
    assert.equal(alphabetSize("k7q2m9x4v8r3t6w1"), 36);
    assert.ok(entropyBits("k7q2m9x4v8r3t6w1") > 80);
});

test("a 20-character hex label carries exactly 80 bits", () => {
    assert.equal(entropyBits("0123456789abcdef0123"), 80);
});

test("repeated characters count once", () => {
    assert.equal(effectiveLength("aaaaaaaaaaaaaaaa"), 1);
    assert.ok(entropyBits("aaaaaaaaaaaaaaaa") < 5);
});

test("digits only are worth log2(10) bits each", () => {
    assert.equal(alphabetSize("1234567890123456"), 10);
    assert.ok(entropyBits("1234567890123456") < 80);
});
