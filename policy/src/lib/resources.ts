// Helpers shared by the policies. Under CrossGuard every resource's properties are wrapped in a proxy that throws
// UnknownValueError when a policy touches a value the engine does not know yet (a preview), and the runtime then
// turns the whole policy into an advisory "can't run policy ... during preview" note (@pulumi/policy proxy.js,
// server.js). `read` catches exactly that error, so a policy can decide from what is known and say so.
import { PolicyResource } from "@pulumi/policy";

// The runtime's own class: the server and this module load the same proxy.js.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { UnknownValueError } = require("@pulumi/policy/proxy") as { UnknownValueError: new (...args: any[]) => Error };

/** A value the engine does not know yet. */
export const UNKNOWN_VALUE: unique symbol = Symbol("unknown");
export type Maybe<T> = T | typeof UNKNOWN_VALUE;

/** What the offline plan (and preview JSON) writes in place of a secret value. */
export const SECRET_MASK = "[secret]";
/** How `pulumi preview --json` writes an unknown string; plan files carry it where a preview did. */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
export const CERTIFICATE = "aws:acm/certificate:Certificate";
export const CERTIFICATE_VALIDATION = "aws:acm/certificateValidation:CertificateValidation";
export const RECORD = "aws:route53/record:Record";

/** Reads through the proxy; an unknown value comes back as UNKNOWN_VALUE instead of aborting the policy. */
export function read<T>(get: () => T): Maybe<T> {
    try {
        const value = get();
        return value === UNKNOWN_SENTINEL ? UNKNOWN_VALUE : value;
    } catch (e) {
        if (e instanceof UnknownValueError) {
            return UNKNOWN_VALUE;
        }
        throw e;
    }
}

export function isKnown<T>(value: Maybe<T>): value is T {
    return value !== UNKNOWN_VALUE;
}

/** A list property, each element read separately: unknown elements are left out, an unknown list is empty. */
export function knownList<T>(get: () => T[] | undefined): T[] {
    const list = read(get);
    if (!isKnown(list) || list === undefined) {
        return [];
    }
    const out: T[] = [];
    for (let i = 0; i < list.length; i++) {
        const item = read(() => list[i]);
        if (isKnown(item)) {
            out.push(item);
        }
    }
    return out;
}

export function ofType(resources: PolicyResource[], type: string): PolicyResource[] {
    return resources.filter(r => r.type === type);
}

/** The Region in an ARN (`arn:aws:acm:<region>:...`), or undefined when the value is not an ARN. */
export function arnRegion(arn: unknown): string | undefined {
    if (typeof arn !== "string") {
        return undefined;
    }
    const parts = arn.split(":");
    return parts.length >= 6 && parts[0] === "arn" ? parts[3] : undefined;
}

/** The Region a resource is created in: its provider's `region` setting, when it has a known one. */
export function providerRegion(resource: { provider?: { props: Record<string, any> } }): string | undefined {
    const region = read(() => resource.provider?.props?.region);
    return isKnown(region) && typeof region === "string" ? region : undefined;
}

/** Does a certificate name (possibly a wildcard over one label) cover a host name? */
export function covers(certificateName: string, host: string): boolean {
    const name = certificateName.toLowerCase();
    if (name.startsWith("*.")) {
        const dot = host.indexOf(".");
        return dot > 0 && host.slice(dot + 1) === name.slice(2);
    }
    return name === host;
}

/** A certificate's known names, lower case. */
export function certificateNames(props: Record<string, any>): string[] {
    const first = read(() => props.domainName);
    const names = [isKnown(first) ? first : undefined, ...knownList(() => props.subjectAlternativeNames)];
    return names.filter((n): n is string => typeof n === "string").map(n => n.toLowerCase());
}

export interface CustomOrigin {
    originId: string;
    /** The origin's host, lower case, or UNKNOWN_VALUE in a preview. */
    host: Maybe<string>;
    origin: Record<string, any>;
}

/** Every custom (non-S3) origin of a distribution's properties. */
export function customOrigins(props: Record<string, any>): CustomOrigin[] {
    return knownList<Record<string, any>>(() => props.origins)
        .filter(origin => isKnown(read(() => origin.customOriginConfig)) && origin.customOriginConfig !== undefined)
        .map(origin => {
            const host = read(() => origin.domainName);
            return {
                originId: String(read(() => origin.originId)),
                host: isKnown(host) ? String(host ?? "").toLowerCase() : UNKNOWN_VALUE,
                origin,
            };
        });
}

/** A latency record's name (lower case, no trailing dot), when the resource is one and its name is known. */
export function latencyRecordName(type: string, props: Record<string, any>): Maybe<string> | undefined {
    if (type !== RECORD || knownList(() => props.latencyRoutingPolicies).length === 0) {
        return undefined;
    }
    const name = read(() => props.name);
    return isKnown(name) ? String(name).toLowerCase().replace(/\.$/, "") : UNKNOWN_VALUE;
}
