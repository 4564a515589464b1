"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HOST = void 0;
exports.resource = resource;
exports.distribution = distribution;
exports.certificate = certificate;
exports.latencyRecord = latencyRecord;
exports.violations = violations;
exports.messages = messages;
const runner_1 = require("./runner");
exports.HOST = "k7q2m9x4v8r3t6w1z5.origin.example.com";
function resource(type, name, props, region, propertyDependencies = {}) {
    return {
        type, name, props, urn: `urn:pulumi:prod::latency-edge::${type}::${name}`, opts: {},
        provider: region === undefined ? undefined : { type: "pulumi:providers:aws", name: `aws-${region}`,
            urn: `urn:pulumi:prod::latency-edge::pulumi:providers:aws::aws-${region}`, props: { region } },
        dependencies: [], propertyDependencies, isType: () => false, asType: () => undefined,
    };
}
function distribution(overrides = {}, origin = {}, propertyDependencies = {}) {
    return resource("aws:cloudfront/distribution:Distribution", "cdn-distribution", {
        aliases: ["www.example.com"],
        origins: [{
                originId: "latency-origin",
                domainName: exports.HOST,
                customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
                customHeaders: [{ name: "X-Origin-Verify", value: "[secret]" }],
                ...origin,
            }],
        defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" },
        viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc",
            minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" },
        ...overrides,
    }, "us-east-1", propertyDependencies);
}
function certificate(name, domainName, region, subjectAlternativeNames = []) {
    return resource("aws:acm/certificate:Certificate", name, { domainName, subjectAlternativeNames }, region);
}
function latencyRecord(label, props = {}) {
    return resource("aws:route53/record:Record", `origin-${label}`, {
        name: exports.HOST, type: "A", setIdentifier: label, latencyRoutingPolicies: [{ region: label }],
        healthCheckId: `hc-${label}`, ...props,
    }, "us-east-1");
}
async function violations(policy, resources, config = {}) {
    return (0, runner_1.runPolicies)([policy], resources, { [policy.name]: config });
}
async function messages(policy, resources, config = {}) {
    return (await violations(policy, resources, config)).map(v => v.message);
}
