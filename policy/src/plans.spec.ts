// The pack over the offline plans of the committed environments: clean plans report nothing, and the same
// plans tampered report exactly the violations each tampering should cause. Needs the jar (./mvnw package).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { policies } from "./policies";
import { UNKNOWN } from "./lib/resources";
import { resourcesFromPlan, runPolicies } from "./lib/runner";

const PROJECT = resolve(__dirname, "..", "..");
const JAR = join(PROJECT, "target", "latency-edge.jar");

function planOf(env: string): Record<string, any> {
    assert.ok(existsSync(JAR), `${JAR} is missing: build it with ./mvnw -B -q package -DskipTests`);
    const out = mkdtempSync(join(tmpdir(), "latency-edge-plan-"));
    execFileSync("java", ["-jar", JAR, "plan", env, "--out", out, "--no-policy"], { cwd: PROJECT, stdio: "pipe" });
    const plans: Record<string, any> = {};
    for (const stack of env === "dev" ? ["dev", "dev-us-east-1", "dev-eu-west-1"]
        : ["prod", "prod-us-east-1", "prod-eu-west-1", "prod-ap-southeast-1"]) {
        plans[stack] = JSON.parse(readFileSync(join(out, `${stack}.json`), "utf8"));
    }
    return plans;
}

const masked = { "aws-cloudfront-distribution-missing-origin-verify-header": { secretsAreMasked: true } };

async function check(plan: any) {
    return (await runPolicies(policies, resourcesFromPlan(plan), masked)).map(v => `${v.policy}: ${v.message}`);
}

function state(plan: any, name: string): any {
    return plan.steps.map((s: any) => s.newState).find((s: any) => s.urn.endsWith(`::${name}`));
}

function withOriginLabel(plan: any, label: string): any {
    const copy = structuredClone(plan);
    const distribution = state(copy, "cdn-distribution");
    const host: string = distribution.inputs.origins[0].domainName;
    const renamed = `${label}${host.slice(host.indexOf("."))}`;
    distribution.inputs.origins[0].domainName = renamed;
    // As if the stack had been configured with that label: the latency records carry it too.
    copy.steps.map((s: any) => s.newState).filter((s: any) => s.inputs.name === host)
        .forEach((s: any) => { s.inputs.name = renamed; });
    return copy;
}

const dev = planOf("dev");
const prod = planOf("prod");

test("the committed dev and prod plans report nothing", async () => {
    for (const plan of [...Object.values(dev), ...Object.values(prod)]) {
        assert.deepEqual(await check(plan), []);
    }
});

test("a viewer certificate through an eu-west-1 provider is reported, ARN unknown as in a preview", async () => {
    const plan = structuredClone(dev.dev);
    const usEast1 = state(plan, "aws-us-east-1");
    const euWest1 = structuredClone(usEast1);
    euWest1.urn = usEast1.urn.replace("aws-us-east-1", "aws-eu-west-1");
    euWest1.inputs.region = "eu-west-1";
    plan.steps.push({ op: "create", urn: euWest1.urn, newState: euWest1 });
    state(plan, "viewer-certificate").provider = `${euWest1.urn}::eu-provider-id`;
    state(plan, "cdn-distribution").inputs.viewerCertificate.acmCertificateArn = UNKNOWN;
    assert.deepEqual(await check(plan), [
        "aws-cloudfront-distribution-enforce-viewer-certificate-us-east-1: Distribution cdn-distribution: certificates "
        + "must be in the us-east-1 region and the certificate you provided (viewer-certificate) is in eu-west-1.",
    ]);
});

test("the label origin is reported as short, low in entropy and a common word", async () => {
    const host = "origin.origin.example.com";
    assert.deepEqual(await check(withOriginLabel(dev.dev, "origin")), [
        `aws-cloudfront-distribution-disallow-guessable-origin: Distribution cdn-distribution: origin ${host}: the label "origin" must be at least 16 characters of [a-z0-9], it has 6.`,
        `aws-cloudfront-distribution-disallow-guessable-origin: Distribution cdn-distribution: origin ${host}: the label carries about 28.2 bits of entropy, below 80.`,
        `aws-cloudfront-distribution-disallow-guessable-origin: Distribution cdn-distribution: origin ${host}: the label contains the common word(s) origin.`,
    ]);
});

test("the label a1b2 is reported as short and low in entropy", async () => {
    const host = "a1b2.origin.example.com";
    assert.deepEqual(await check(withOriginLabel(dev.dev, "a1b2")), [
        `aws-cloudfront-distribution-disallow-guessable-origin: Distribution cdn-distribution: origin ${host}: the label "a1b2" must be at least 16 characters of [a-z0-9], it has 4.`,
        `aws-cloudfront-distribution-disallow-guessable-origin: Distribution cdn-distribution: origin ${host}: the label carries about 16.0 bits of entropy, below 80.`,
    ]);
});

test("a certificate naming the exact origin host is reported", async () => {
    const plan = structuredClone(dev.dev);
    const host = state(plan, "cdn-distribution").inputs.origins[0].domainName;
    state(plan, "viewer-certificate").inputs.subjectAlternativeNames = [host];
    assert.deepEqual(await check(plan), [
        `aws-acm-certificate-disallow-origin-host-name: Certificate viewer-certificate names the origin host ${host}; `
        + "certificate transparency logs would publish it. Use a wildcard over its parent instead.",
    ]);
});
