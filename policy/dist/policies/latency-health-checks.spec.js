"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fixtures_1 = require("../lib/fixtures");
const latency_health_checks_1 = require("./latency-health-checks");
(0, node_test_1.test)("passes latency records with health checks and distinct set identifiers", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(latency_health_checks_1.latencyRecordsHealthChecked, [(0, fixtures_1.latencyRecord)("eu-west-1"), (0, fixtures_1.latencyRecord)("us-east-1")]), []);
});
(0, node_test_1.test)("fails a latency record without a health check", async () => {
    strict_1.default.deepEqual(await (0, fixtures_1.messages)(latency_health_checks_1.latencyRecordsHealthChecked, [(0, fixtures_1.latencyRecord)("eu-west-1", { healthCheckId: undefined })]), [
        "Latency record origin-eu-west-1 (eu-west-1) has no health check id.",
    ]);
});
(0, node_test_1.test)("fails two latency records sharing a set identifier", async () => {
    const twin = { ...(0, fixtures_1.latencyRecord)("eu-west-1"), name: "origin-twin" };
    const result = await (0, fixtures_1.messages)(latency_health_checks_1.latencyRecordsHealthChecked, [(0, fixtures_1.latencyRecord)("eu-west-1"), twin]);
    strict_1.default.equal(result.length, 1);
    strict_1.default.match(result[0], /share the set identifier eu-west-1/);
});
