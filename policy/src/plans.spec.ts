// The pack, through its own analyzer server, over the offline plans of the committed environments: clean plans
// report nothing, and the same plans tampered report exactly the violations each tampering should cause. Needs
// the jar (./mvnw package).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before } from "node:test";
import { Analyzer, isCantRun, UNKNOWN } from "./lib/analyzer";
import { PLAN_FILE_CONFIG, resourcesFromPlan } from "./lib/plan";

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

let analyzer: Analyzer;
before(async () => {
    analyzer = await Analyzer.start();
    await analyzer.configure(PLAN_FILE_CONFIG);
});
after(() => analyzer.close());

/** Every diagnostic the engine would report for the plan: each resource before its step, then the stack. */
async function check(plan: any): Promise<string[]> {
    const resources = resourcesFromPlan(plan);
    const diagnostics = [];
    for (const resource of resources.inputs) {
        diagnostics.push(...await analyzer.analyze(resource));
    }
    diagnostics.push(...await analyzer.analyzeStack(resources.outputs));
    return diagnostics.map(d => `${isCantRun(d) ? "CAN'T RUN " : ""}${d.policy}: ${d.detail}`);
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
    const cdn = state(plan, "cdn-distribution");
    cdn.inputs.viewerCertificate.acmCertificateArn = UNKNOWN;
    cdn.outputs = cdn.inputs; // a resource about to be created: its state is its inputs
    assert.deepEqual(await check(plan), [
        "aws-cloudfront-distribution-enforce-viewer-certificate-provider-us-east-1: Distribution cdn-distribution: "
        + "certificates must be in the us-east-1 region and the certificate you provided (viewer-certificate) is in eu-west-1.",
    ]);
});

test("the dev edge as a new stack's preview (computed values unknown) reports nothing and runs every policy", async () => {
    const plan = structuredClone(dev.dev);
    for (const step of plan.steps) {
        const state = step.newState;
        if (state.type === "aws:route53/record:Record" && state.inputs.type === "CNAME") {
            state.inputs.name = UNKNOWN;
            state.inputs.records = UNKNOWN;
        }
        if (state.type === "aws:acm/certificateValidation:CertificateValidation") {
            state.inputs.certificateArn = UNKNOWN;
            state.inputs.validationRecordFqdns = UNKNOWN;
            state.propertyDependencies = { certificateArn: [state.urn.replace(
                "aws:acm/certificateValidation:CertificateValidation::viewer-validation",
                "aws:acm/certificate:Certificate::viewer-certificate")] };
        }
        if (state.type === "aws:cloudfront/distribution:Distribution") {
            state.inputs.viewerCertificate.acmCertificateArn = UNKNOWN;
            const validation = plan.steps.map((s: any) => s.newState.urn).find((u: string) => u.endsWith("::viewer-validation"));
            state.propertyDependencies = { viewerCertificate: [validation] };
        }
        state.outputs = state.inputs;
    }
    assert.deepEqual(await check(plan), []);
});

/**
 * The guessable-origin reports for a host: the distribution's origin, then each latency record carrying it, the
 * TXT twin of each alias too (it names the label as plainly).
 */
function guessable(host: string, reasons: string[]): string[] {
    const policy = "aws-cloudfront-distribution-disallow-guessable-origin";
    return ["Distribution cdn-distribution: origin", "Latency record origin-eu-west-1:",
        "Latency record origin-eu-west-1-txt:", "Latency record origin-us-east-1:", "Latency record origin-us-east-1-txt:"]
        .flatMap(what => reasons.map(reason => `${policy}: ${what} ${host}: ${reason}.`));
}

test("the label origin is reported as short, low in entropy and a common word, on the distribution and the records", async () => {
    assert.deepEqual(await check(withOriginLabel(dev.dev, "origin")), guessable("origin.origin.example.com", [
        "the label \"origin\" must be at least 16 characters of [a-z0-9], it has 6",
        "the label carries about 28.2 bits of entropy, below 80",
        "the label contains the common word(s) origin",
    ]));
});

test("the label a1b2 is reported as short and low in entropy", async () => {
    assert.deepEqual(await check(withOriginLabel(dev.dev, "a1b2")), guessable("a1b2.origin.example.com", [
        "the label \"a1b2\" must be at least 16 characters of [a-z0-9], it has 4",
        "the label carries about 16.0 bits of entropy, below 80",
    ]));
});

test("a certificate naming the exact origin host is reported", async () => {
    const plan = structuredClone(dev.dev);
    const host = state(plan, "cdn-distribution").inputs.origins[0].domainName;
    state(plan, "viewer-certificate").inputs.subjectAlternativeNames = [host];
    assert.deepEqual(await check(plan), [
        `aws-acm-certificate-disallow-origin-host-name: Certificate viewer-certificate names ${host}, whose first label `
        + "looks like a secret origin label; certificate transparency logs would publish it. Use a wildcard over its "
        + "parent instead.",
    ]);
});
