import { test } from "node:test";
import assert from "node:assert/strict";
import { distribution, latencyRecord, messages, resource } from "../lib/fixtures";
import { unguessableOrigin as policy } from "./guessable-origin";

const withHost = (domainName: string) => distribution({}, { domainName });

test("passes a long random label over a parent", async () => {
    assert.deepEqual(await messages(policy, [distribution(), latencyRecord("eu-west-1")]), []);
});

test("fails the label origin", async () => {
    assert.deepEqual(await messages(policy, [withHost("origin.example.com")]), [
        "Distribution cdn-distribution: origin origin.example.com: the label \"origin\" must be at least 16 characters of [a-z0-9], it has 6.",
        "Distribution cdn-distribution: origin origin.example.com: the label carries about 28.2 bits of entropy, below 80.",
        "Distribution cdn-distribution: origin origin.example.com: the label contains the common word(s) origin.",
    ]);
});

test("fails a short label", async () => {
    const result = await messages(policy, [withHost("a1b2.origin.example.com")]);
    assert.equal(result[0], "Distribution cdn-distribution: origin a1b2.origin.example.com: the label \"a1b2\" must be at least 16 characters of [a-z0-9], it has 4.");
});

test("fails a long label that hides a word or a Region", async () => {
    assert.deepEqual(await messages(policy, [withHost("x7k2prodq9m4v8r3t6.origin.example.com")]), [
        "Distribution cdn-distribution: origin x7k2prodq9m4v8r3t6.origin.example.com: the label contains the common word(s) prod.",
    ]);
    assert.deepEqual(await messages(policy, [withHost("euwest1q9m4v8r3t6z.origin.example.com")]), [
        "Distribution cdn-distribution: origin euwest1q9m4v8r3t6z.origin.example.com: the label contains the common word(s) euwest.",
    ]);
});

test("fails a long label with little entropy", async () => {
    assert.deepEqual(await messages(policy, [withHost("1111111111222222222.origin.example.com")]), [
        "Distribution cdn-distribution: origin 1111111111222222222.origin.example.com: the label carries about 6.6 bits of entropy, below 80.",
    ]);
});

test("fails a label reused by another record", async () => {
    const other = resource("aws:route53/record:Record", "other", { name: "k7q2m9x4v8r3t6w1z5.example.com", type: "CNAME" });
    assert.deepEqual(await messages(policy, [distribution(), other]), [
        "Distribution cdn-distribution: origin k7q2m9x4v8r3t6w1z5.origin.example.com: the label is also used by the record(s) k7q2m9x4v8r3t6w1z5.example.com.",
    ]);
});

test("minimums are configurable", async () => {
    assert.deepEqual(await messages(policy, [distribution()], { minLabelLength: 20 }), [
        "Distribution cdn-distribution: origin k7q2m9x4v8r3t6w1z5.origin.example.com: the label \"k7q2m9x4v8r3t6w1z5\" must be at least 20 characters of [a-z0-9], it has 18.",
    ]);
});

test("a masked (secret) host is left to the real preview", async () => {
    assert.deepEqual(await messages(policy, [withHost("[secret]")]), []);
});
