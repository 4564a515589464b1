// Small factories for policy specs: a compliant baseline stack, changed one field at a time.
import { PolicyResource } from "@pulumi/policy";
import { PackPolicy, runPolicies, Violation } from "./runner";

export const HOST = "k7q2m9x4v8r3t6w1z5.origin.example.com";

export function resource(type: string, name: string, props: Record<string, any>, region?: string,
                         propertyDependencies: Record<string, PolicyResource[]> = {}): PolicyResource {
    return {
        type, name, props, urn: `urn:pulumi:prod::latency-edge::${type}::${name}`, opts: {},
        provider: region === undefined ? undefined : { type: "pulumi:providers:aws", name: `aws-${region}`,
            urn: `urn:pulumi:prod::latency-edge::pulumi:providers:aws::aws-${region}`, props: { region } },
        dependencies: [], propertyDependencies, isType: () => false, asType: () => undefined,
    } as unknown as PolicyResource;
}

export function distribution(overrides: Record<string, any> = {}, origin: Record<string, any> = {},
                             propertyDependencies: Record<string, PolicyResource[]> = {}): PolicyResource {
    return resource("aws:cloudfront/distribution:Distribution", "cdn-distribution", {
        aliases: ["www.example.com"],
        origins: [{
            originId: "latency-origin",
            domainName: HOST,
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

export function certificate(name: string, domainName: string, region: string,
                            subjectAlternativeNames: string[] = []): PolicyResource {
    return resource("aws:acm/certificate:Certificate", name, { domainName, subjectAlternativeNames }, region);
}

export function latencyRecord(label: string, props: Record<string, any> = {}): PolicyResource {
    return resource("aws:route53/record:Record", `origin-${label}`, {
        name: HOST, type: "A", setIdentifier: label, latencyRoutingPolicies: [{ region: label }],
        healthCheckId: `hc-${label}`, ...props,
    }, "us-east-1");
}

export async function violations(policy: PackPolicy, resources: PolicyResource[],
                                 config: Record<string, unknown> = {}): Promise<Violation[]> {
    return runPolicies([policy], resources, { [policy.name]: config });
}

export async function messages(policy: PackPolicy, resources: PolicyResource[],
                               config: Record<string, unknown> = {}): Promise<string[]> {
    return (await violations(policy, resources, config)).map(v => v.message);
}
