// Through the pack's own analyzer server: a resource policy on each rule and group.
import { test } from "node:test";
import assert from "node:assert/strict";
import { messagesOf, resource, UNKNOWN, usePack } from "../lib/fixtures";
import { noWorldIngress as policy } from "./world-ingress";

const pack = usePack();
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

test("update: passes rules from prefix lists and security groups", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(resource(RULE, "cf", { prefixListId: "pl-1",
        fromPort: 443, toPort: 443 }))), []);
});

test("up --skip-preview: refuses a rule open to 0.0.0.0/0 or ::/0 before it is created", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(resource(RULE, "open", { cidrIpv4: "0.0.0.0/0" }))),
        ["Ingress rule open admits 0.0.0.0/0."]);
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(resource(RULE, "open6", { cidrIpv6: "::/0" }))),
        ["Ingress rule open6 admits ::/0."]);
});

test("refuses an inline ingress block open to the world", async () => {
    const group = resource("aws:ec2/securityGroup:SecurityGroup", "alb", { ingress: [{ cidrBlocks: ["0.0.0.0/0"] }] });
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(group)), ["Security group alb admits 0.0.0.0/0."]);
});

test("new stack's preview: a group id unknown until the group exists is no can't-run note", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(resource(RULE, "cf", { securityGroupId: UNKNOWN,
        prefixListId: UNKNOWN, cidrIpv4: UNKNOWN }))), []);
});
