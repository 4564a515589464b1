"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fixtures_1 = require("../lib/fixtures");
const world_ingress_1 = require("./world-ingress");
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
(0, node_test_1.test)("passes rules from prefix lists and security groups", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(world_ingress_1.noWorldIngress, [(0, fixtures_1.resource)(RULE, "cf", { prefixListId: "pl-1", fromPort: 443, toPort: 443 })]), []);
});
(0, node_test_1.test)("fails a rule open to 0.0.0.0/0 or ::/0", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(world_ingress_1.noWorldIngress, [(0, fixtures_1.resource)(RULE, "open", { cidrIpv4: "0.0.0.0/0" }),
        (0, fixtures_1.resource)(RULE, "open6", { cidrIpv6: "::/0" })]), ["Ingress rule open admits 0.0.0.0/0.", "Ingress rule open6 admits ::/0."]);
});
(0, node_test_1.test)("fails an inline ingress block open to the world", async () => {
    const group = (0, fixtures_1.resource)("aws:ec2/securityGroup:SecurityGroup", "alb", { ingress: [{ cidrBlocks: ["0.0.0.0/0"] }] });
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(world_ingress_1.noWorldIngress, [group]), ["Security group alb admits 0.0.0.0/0."]);
});
