// Through the pack's own analyzer server: a resource policy on each latency record's inputs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { latencyRecord, messagesOf, UNKNOWN, usePack } from "../lib/fixtures";
import { latencyRecordsHealthChecked as policy } from "./latency-health-checks";

const pack = usePack();

test("update: passes a latency record with its health check", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(latencyRecord("eu-west-1"))), []);
});

test("up --skip-preview: refuses a latency record without a health check before it is created", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(latencyRecord("eu-west-1", { healthCheckId: "" }))), [
        "Latency record origin-eu-west-1 (eu-west-1) has no health check id.",
    ]);
});

test("new stack's preview: a health check created in the same stack is unknown, present and no can't-run note", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(latencyRecord("eu-west-1", { healthCheckId: UNKNOWN }))), []);
});
