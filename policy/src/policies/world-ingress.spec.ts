import { test } from "node:test";
import assert from "node:assert/strict";
import { messages, resource } from "../lib/fixtures";
import { noWorldIngress as policy } from "./world-ingress";

const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

test("passes rules from prefix lists and security groups", async () => {
    assert.deepEqual(await messages(policy, [resource(RULE, "cf", { prefixListId: "pl-1", fromPort: 443, toPort: 443 })]), []);
});

test("fails a rule open to 0.0.0.0/0 or ::/0", async () => {
    assert.deepEqual(await messages(policy, [resource(RULE, "open", { cidrIpv4: "0.0.0.0/0" }),
        resource(RULE, "open6", { cidrIpv6: "::/0" })]), ["Ingress rule open admits 0.0.0.0/0.", "Ingress rule open6 admits ::/0."]);
});

test("fails an inline ingress block open to the world", async () => {
    const group = resource("aws:ec2/securityGroup:SecurityGroup", "alb", { ingress: [{ cidrBlocks: ["0.0.0.0/0"] }] });
    assert.deepEqual(await messages(policy, [group]), ["Security group alb admits 0.0.0.0/0."]);
});
