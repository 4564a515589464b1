// Through the pack's own analyzer server. Needs every record, so a stack policy; record names unknown in a
// preview (ACM's validation records) are skipped there instead of stopping the policy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { distribution, HOST, latencyRecord, messagesOf, resource, UNKNOWN, usePack } from "../lib/fixtures";
import { noOriginLabelReuse as policy } from "./origin-label-reuse";

const pack = usePack();
const cname = (name: string, recordName: string) => resource("aws:route53/record:Record", name,
    { name: recordName, type: "CNAME", records: ["x"] }, "us-east-1");

test("update: passes a label used only by the origin's latency records", async () => {
    const stack = await pack().analyzeStack([distribution(), latencyRecord("eu-west-1"), cname("www", "www.example.com")]);
    assert.deepEqual(messagesOf(policy.name, stack), []);
});

test("refuses a label another record also carries", async () => {
    const label = HOST.split(".")[0];
    const stack = await pack().analyzeStack([distribution(), cname("leak", `${label}.example.com`)]);
    assert.deepEqual(messagesOf(policy.name, stack), [
        `Distribution cdn-distribution: origin ${HOST}: the label is also used by the record(s) ${label}.example.com.`,
    ]);
});

test("new stack's preview: unknown validation record names are skipped without a can't-run note", async () => {
    const { beforeCreation, stack } = await pack().analyzeAll([distribution(), latencyRecord("eu-west-1"),
        cname("viewer-validation-www.example.com", UNKNOWN)]);
    assert.deepEqual(messagesOf(policy.name, [...beforeCreation, ...stack]), []);
});
