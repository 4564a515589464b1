import { test } from "node:test";
import assert from "node:assert/strict";
import { latencyRecord, messages } from "../lib/fixtures";
import { latencyRecordsHealthChecked as policy } from "./latency-health-checks";

test("passes latency records with health checks and distinct set identifiers", async () => {
    assert.deepEqual(await messages(policy, [latencyRecord("eu-west-1"), latencyRecord("us-east-1")]), []);
});

test("fails a latency record without a health check", async () => {
    assert.deepEqual(await messages(policy, [latencyRecord("eu-west-1", { healthCheckId: undefined })]), [
        "Latency record origin-eu-west-1 (eu-west-1) has no health check id.",
    ]);
});

test("fails two latency records sharing a set identifier", async () => {
    const twin = { ...latencyRecord("eu-west-1"), name: "origin-twin" };
    const result = await messages(policy, [latencyRecord("eu-west-1"), twin as any]);
    assert.equal(result.length, 1);
    assert.match(result[0], /share the set identifier eu-west-1/);
});
