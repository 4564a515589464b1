// Through the pack's own analyzer server. A resource policy on distributions and latency records, so a guessable
// name is refused before either exists, in up --skip-preview too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { distribution, latencyRecord, messagesOf, UNKNOWN, usePack } from "../lib/fixtures";
import { unguessableOrigin as policy } from "./guessable-origin";

const pack = usePack();

test("update: passes a long random label", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(distribution())), []);
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(latencyRecord("eu-west-1"))), []);
});

test("up --skip-preview: refuses the distribution with a guessable origin before it is created", async () => {
    const host = "origin.origin.example.com";
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(distribution({}, { domainName: host }))), [
        `Distribution cdn-distribution: origin ${host}: the label "origin" must be at least 16 characters of [a-z0-9], it has 6.`,
        `Distribution cdn-distribution: origin ${host}: the label carries about 28.2 bits of entropy, below 80.`,
        `Distribution cdn-distribution: origin ${host}: the label contains the common word(s) origin.`,
    ]);
});

test("up --skip-preview: refuses the latency record with a guessable name before DNS publishes it", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(latencyRecord("eu-west-1", { name: "a1b2.origin.example.com" }))), [
        "Latency record origin-eu-west-1: a1b2.origin.example.com: the label \"a1b2\" must be at least 16 characters of [a-z0-9], it has 4.",
        "Latency record origin-eu-west-1: a1b2.origin.example.com: the label carries about 16.0 bits of entropy, below 80.",
    ]);
});

test("words of the parent and configured words count", async () => {
    const host = "k7q2m9x4v8shopr3t6w1z5.origin.example.com";
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(distribution({}, { domainName: host }))), []);
});

test("new stack's preview: an unknown origin name is judged at the update, without a can't-run note", async () => {
    const { beforeCreation, stack } = await pack().analyzeAll([distribution({}, { domainName: UNKNOWN }),
        latencyRecord("eu-west-1", { name: UNKNOWN })]);
    assert.deepEqual(messagesOf(policy.name, [...beforeCreation, ...stack]), []);
});
