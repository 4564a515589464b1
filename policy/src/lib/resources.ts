// Helpers shared by the policies. They read resources the way CrossGuard hands them over (type, props, urn,
// provider, property dependencies), which is also what the plan-file runner builds from plan steps.
import { PolicyResource, StackValidationArgs } from "@pulumi/policy";

/** What `pulumi preview --json` writes where a value is not known until the update runs. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** What the offline plan (and preview JSON) writes in place of a secret value. */
export const SECRET_MASK = "[secret]";

export const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
export const CERTIFICATE = "aws:acm/certificate:Certificate";
export const CERTIFICATE_VALIDATION = "aws:acm/certificateValidation:CertificateValidation";
export const RECORD = "aws:route53/record:Record";

export function isUnknown(value: unknown): boolean {
    return value === undefined || value === UNKNOWN;
}

export function ofType(args: StackValidationArgs, type: string): PolicyResource[] {
    return args.resources.filter(r => r.type === type);
}

export interface CustomOrigin {
    distribution: PolicyResource;
    origin: Record<string, any>;
    host: string;
}

/** Every custom (non-S3) origin of every distribution, with its host when known. */
export function customOrigins(args: StackValidationArgs): CustomOrigin[] {
    return ofType(args, DISTRIBUTION).flatMap(distribution =>
        ((distribution.props.origins ?? []) as Record<string, any>[])
            .filter(origin => origin.customOriginConfig !== undefined)
            .map(origin => ({ distribution, origin, host: String(origin.domainName ?? "").toLowerCase() })));
}

/** The Region in an ARN (`arn:aws:acm:<region>:...`), or undefined when the value is not a known ARN. */
export function arnRegion(arn: unknown): string | undefined {
    if (typeof arn !== "string" || isUnknown(arn)) {
        return undefined;
    }
    const parts = arn.split(":");
    return parts.length >= 6 && parts[0] === "arn" ? parts[3] : undefined;
}

/** The Region a resource is created in: its provider's `region` setting, when it has one. */
export function providerRegion(resource: PolicyResource): string | undefined {
    const region = resource.provider?.props?.region;
    return typeof region === "string" && !isUnknown(region) ? region : undefined;
}

/** Does a certificate name (possibly a wildcard) cover a host name? */
export function covers(certificateName: string, host: string): boolean {
    const name = certificateName.toLowerCase();
    if (name.startsWith("*.")) {
        const parent = name.slice(2);
        const dot = host.indexOf(".");
        return dot > 0 && host.slice(dot + 1) === parent;
    }
    return name === host;
}

export function certificateNames(certificate: PolicyResource): string[] {
    const names = [certificate.props.domainName, ...(certificate.props.subjectAlternativeNames ?? [])];
    return names.filter((n): n is string => typeof n === "string" && !isUnknown(n)).map(n => n.toLowerCase());
}
