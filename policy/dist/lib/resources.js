"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RECORD = exports.CERTIFICATE_VALIDATION = exports.CERTIFICATE = exports.DISTRIBUTION = exports.SECRET_MASK = exports.UNKNOWN = void 0;
exports.isUnknown = isUnknown;
exports.ofType = ofType;
exports.customOrigins = customOrigins;
exports.arnRegion = arnRegion;
exports.providerRegion = providerRegion;
exports.covers = covers;
exports.certificateNames = certificateNames;
/** What `pulumi preview --json` writes where a value is not known until the update runs. */
exports.UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** What the offline plan (and preview JSON) writes in place of a secret value. */
exports.SECRET_MASK = "[secret]";
exports.DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
exports.CERTIFICATE = "aws:acm/certificate:Certificate";
exports.CERTIFICATE_VALIDATION = "aws:acm/certificateValidation:CertificateValidation";
exports.RECORD = "aws:route53/record:Record";
function isUnknown(value) {
    return value === undefined || value === exports.UNKNOWN;
}
function ofType(args, type) {
    return args.resources.filter(r => r.type === type);
}
/** Every custom (non-S3) origin of every distribution, with its host when known. */
function customOrigins(args) {
    return ofType(args, exports.DISTRIBUTION).flatMap(distribution => (distribution.props.origins ?? [])
        .filter(origin => origin.customOriginConfig !== undefined)
        .map(origin => ({ distribution, origin, host: String(origin.domainName ?? "").toLowerCase() })));
}
/** The Region in an ARN (`arn:aws:acm:<region>:...`), or undefined when the value is not a known ARN. */
function arnRegion(arn) {
    if (typeof arn !== "string" || isUnknown(arn)) {
        return undefined;
    }
    const parts = arn.split(":");
    return parts.length >= 6 && parts[0] === "arn" ? parts[3] : undefined;
}
/** The Region a resource is created in: its provider's `region` setting, when it has one. */
function providerRegion(resource) {
    const region = resource.provider?.props?.region;
    return typeof region === "string" && !isUnknown(region) ? region : undefined;
}
/** Does a certificate name (possibly a wildcard) cover a host name? */
function covers(certificateName, host) {
    const name = certificateName.toLowerCase();
    if (name.startsWith("*.")) {
        const parent = name.slice(2);
        const dot = host.indexOf(".");
        return dot > 0 && host.slice(dot + 1) === parent;
    }
    return name === host;
}
function certificateNames(certificate) {
    const names = [certificate.props.domainName, ...(certificate.props.subjectAlternativeNames ?? [])];
    return names.filter((n) => typeof n === "string" && !isUnknown(n)).map(n => n.toLowerCase());
}
