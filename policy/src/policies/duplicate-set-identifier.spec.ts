// Through the pack's own analyzer server: a stack policy, as it needs every record.
import { test } from "node:test";
import assert from "node:assert/strict";
import { latencyRecord, messagesOf, resource, UNKNOWN, usePack } from "../lib/fixtures";
import { uniqueSetIdentifiers as policy } from "./duplicate-set-identifier";

const pack = usePack();

test("update: passes one set identifier per latency label", async () => {
    const stack = await pack().analyzeStack([latencyRecord("eu-west-1"), latencyRecord("us-east-1")]);
    assert.deepEqual(messagesOf(policy.name, stack), []);
});

test("refuses two latency records sharing a set identifier", async () => {
    const twin = { ...latencyRecord("eu-west-1"), name: "twin", urn: "urn:pulumi:prod::latency-edge::aws:route53/record:Record::twin" };
    const stack = await pack().analyzeStack([latencyRecord("eu-west-1"), twin]);
    assert.deepEqual(messagesOf(policy.name, stack), [
        "Latency records origin-eu-west-1 and twin share the set identifier eu-west-1 for k7q2m9x4v8r3t6w1z5.origin.example.com A.",
    ]);
});

test("new stack's preview: records with unknown names are judged at the update, without a can't-run note", async () => {
    const unknown = resource("aws:route53/record:Record", "x", { name: UNKNOWN, type: "A", setIdentifier: "eu-west-1",
        latencyRoutingPolicies: [{ region: "eu-west-1" }], healthCheckId: UNKNOWN }, "us-east-1");
    const { beforeCreation, stack } = await pack().analyzeAll([latencyRecord("eu-west-1"), unknown]);
    assert.deepEqual(messagesOf(policy.name, [...beforeCreation, ...stack]), []);
});
