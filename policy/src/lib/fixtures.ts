// Small factories for policy specs: resources as the engine describes them to the pack's analyzer server, a
// compliant baseline changed one field at a time, and the pack started once per spec file.
import { after, before } from "node:test";
import { Analyzer, Diagnostic, EngineResource, isCantRun, ProviderRef, UNKNOWN } from "./analyzer";

export { UNKNOWN };
export const HOST = "k7q2m9x4v8r3t6w1z5.origin.example.com";
const STACK = "prod";

export function urn(type: string, name: string): string {
    return `urn:pulumi:${STACK}::latency-edge::${type}::${name}`;
}

export function provider(region: string): ProviderRef {
    return { type: "pulumi:providers:aws", name: `aws-${region}`, urn: urn("pulumi:providers:aws", `aws-${region}`),
        props: { region } };
}

export function resource(type: string, name: string, props: Record<string, unknown>, region?: string,
                         extra: Partial<EngineResource> = {}): EngineResource {
    return { type, name, urn: urn(type, name), props, provider: region === undefined ? undefined : provider(region),
        ...extra };
}

export function distribution(overrides: Record<string, unknown> = {}, origin: Record<string, unknown> = {},
                             extra: Partial<EngineResource> = {}): EngineResource {
    return resource("aws:cloudfront/distribution:Distribution", "cdn-distribution", {
        aliases: ["www.example.com"],
        origins: [{
            originId: "latency-origin",
            domainName: HOST,
            customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
            customHeaders: [{ name: "X-Origin-Verify", value: "0123456789abcdef0123456789abcdef" }],
            ...origin,
        }],
        defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" },
        viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc",
            minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" },
        ...overrides,
    }, "us-east-1", extra);
}

export function certificate(name: string, domainName: string, region: string,
                            subjectAlternativeNames: string[] = []): EngineResource {
    return resource("aws:acm/certificate:Certificate", name, { domainName, subjectAlternativeNames,
        validationMethod: "DNS" }, region);
}

/** The validation the program puts between a certificate and the distribution, depending on the certificate. */
export function validation(name: string, of: EngineResource, region: string): EngineResource {
    return resource("aws:acm/certificateValidation:CertificateValidation", name,
        { certificateArn: UNKNOWN, validationRecordFqdns: UNKNOWN }, region,
        { dependencies: [of.urn], propertyDependencies: { certificateArn: [of.urn] } });
}

export function latencyRecord(label: string, props: Record<string, unknown> = {}): EngineResource {
    return resource("aws:route53/record:Record", `origin-${label}`, {
        name: HOST, type: "A", setIdentifier: label, latencyRoutingPolicies: [{ region: label }],
        healthCheckId: `hc-${label}`, ...props,
    }, "us-east-1");
}

/** The pack's analyzer server for one spec file, started before its tests and stopped after them. */
export function usePack(config: Record<string, Record<string, unknown>> = {}): () => Analyzer {
    let analyzer: Analyzer | undefined;
    before(async () => {
        analyzer = await Analyzer.start();
        await analyzer.configure(config);
    });
    after(() => analyzer?.close());
    return () => analyzer!;
}

/** The messages one policy reported, after checking nothing reported "can't run" (a failure, not an outcome). */
export function messagesOf(policy: string, diagnostics: Diagnostic[]): string[] {
    const cantRun = diagnostics.filter(isCantRun);
    if (cantRun.length > 0) {
        throw new Error(`a policy could not run: ${cantRun.map(d => d.message).join("; ")}`);
    }
    return diagnostics.filter(d => d.policy === policy).map(d => {
        if (d.level !== "mandatory") {
            throw new Error(`${d.policy} reported at ${d.level}: ${d.message}`);
        }
        return d.detail;
    });
}
