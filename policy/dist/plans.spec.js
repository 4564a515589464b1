"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
// The pack over the offline plans of the committed environments: clean plans report nothing, and the same
// plans tampered report exactly the violations each tampering should cause. Needs the jar (./mvnw package).
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const policies_1 = require("./policies");
const resources_1 = require("./lib/resources");
const runner_1 = require("./lib/runner");
const PROJECT = (0, node_path_1.resolve)(__dirname, "..", "..");
const JAR = (0, node_path_1.join)(PROJECT, "target", "latency-edge.jar");
function planOf(env) {
    strict_1.default.ok((0, node_fs_1.existsSync)(JAR), `${JAR} is missing: build it with ./mvnw -B -q package -DskipTests`);
    const out = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), "latency-edge-plan-"));
    (0, node_child_process_1.execFileSync)("java", ["-jar", JAR, "plan", env, "--out", out, "--no-policy"], { cwd: PROJECT, stdio: "pipe" });
    const plans = {};
    for (const stack of env === "dev" ? ["dev", "dev-us-east-1", "dev-eu-west-1"]
        : ["prod", "prod-us-east-1", "prod-eu-west-1", "prod-ap-southeast-1"]) {
        plans[stack] = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(out, `${stack}.json`), "utf8"));
    }
    return plans;
}
const masked = { "aws-cloudfront-distribution-missing-origin-verify-header": { secretsAreMasked: true } };
async function check(plan) {
    return (await (0, runner_1.runPolicies)(policies_1.policies, (0, runner_1.resourcesFromPlan)(plan), masked)).map(v => `${v.policy}: ${v.message}`);
}
function state(plan, name) {
    return plan.steps.map((s) => s.newState).find((s) => s.urn.endsWith(`::${name}`));
}
function withOriginLabel(plan, label) {
    const copy = structuredClone(plan);
    const distribution = state(copy, "cdn-distribution");
    const host = distribution.inputs.origins[0].domainName;
    const renamed = `${label}${host.slice(host.indexOf("."))}`;
    distribution.inputs.origins[0].domainName = renamed;
    // As if the stack had been configured with that label: the latency records carry it too.
    copy.steps.map((s) => s.newState).filter((s) => s.inputs.name === host)
        .forEach((s) => { s.inputs.name = renamed; });
    return copy;
}
const dev = planOf("dev");
const prod = planOf("prod");
(0, node_test_1.test)("the committed dev and prod plans report nothing", async () => {
    for (const plan of [...Object.values(dev), ...Object.values(prod)]) {
        strict_1.default.deepEqual(await check(plan), []);
    }
});
(0, node_test_1.test)("a viewer certificate through an eu-west-1 provider is reported, ARN unknown as in a preview", async () => {
    const plan = structuredClone(dev.dev);
    const usEast1 = state(plan, "aws-us-east-1");
    const euWest1 = structuredClone(usEast1);
    euWest1.urn = usEast1.urn.replace("aws-us-east-1", "aws-eu-west-1");
    euWest1.inputs.region = "eu-west-1";
    plan.steps.push({ op: "create", urn: euWest1.urn, newState: euWest1 });
    state(plan, "viewer-certificate").provider = `${euWest1.urn}::eu-provider-id`;
    state(plan, "cdn-distribution").inputs.viewerCertificate.acmCertificateArn = resources_1.UNKNOWN;
    strict_1.default.deepEqual(await check(plan), [
        "aws-cloudfront-distribution-enforce-viewer-certificate-us-east-1: Distribution cdn-distribution: certificates "
            + "must be in the us-east-1 region and the certificate you provided (viewer-certificate) is in eu-west-1.",
    ]);
});
(0, node_test_1.test)("the label origin is reported as short, low in entropy and a common word", async () => {
    const host = "origin.origin.example.com";
    strict_1.default.deepEqual(await check(withOriginLabel(dev.dev, "origin")), [
        `aws-cloudfront-distribution-disallow-guessable-origin: Distribution cdn-distribution: origin ${host}: the label "origin" must be at least 16 characters of [a-z0-9], it has 6.`,
        `aws-cloudfront-distribution-disallow-guessable-origin: Distribution cdn-distribution: origin ${host}: the label carries about 28.2 bits of entropy, below 80.`,
        `aws-cloudfront-distribution-disallow-guessable-origin: Distribution cdn-distribution: origin ${host}: the label contains the common word(s) origin.`,
    ]);
});
(0, node_test_1.test)("the label a1b2 is reported as short and low in entropy", async () => {
    const host = "a1b2.origin.example.com";
    strict_1.default.deepEqual(await check(withOriginLabel(dev.dev, "a1b2")), [
        `aws-cloudfront-distribution-disallow-guessable-origin: Distribution cdn-distribution: origin ${host}: the label "a1b2" must be at least 16 characters of [a-z0-9], it has 4.`,
        `aws-cloudfront-distribution-disallow-guessable-origin: Distribution cdn-distribution: origin ${host}: the label carries about 16.0 bits of entropy, below 80.`,
    ]);
});
(0, node_test_1.test)("a certificate naming the exact origin host is reported", async () => {
    const plan = structuredClone(dev.dev);
    const host = state(plan, "cdn-distribution").inputs.origins[0].domainName;
    state(plan, "viewer-certificate").inputs.subjectAlternativeNames = [host];
    strict_1.default.deepEqual(await check(plan), [
        `aws-acm-certificate-disallow-origin-host-name: Certificate viewer-certificate names the origin host ${host}; `
            + "certificate transparency logs would publish it. Use a wildcard over its parent instead.",
    ]);
});
