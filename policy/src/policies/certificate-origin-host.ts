import { StackValidationPolicy } from "@pulumi/policy";
import { CERTIFICATE, certificateNames, customOrigins, isUnknown, ofType, SECRET_MASK } from "../lib/resources";

/**
 * Every public certificate goes to certificate-transparency logs, so a certificate naming the origin host
 * exactly publishes the secret label. A wildcard over the parent keeps it hidden.
 */
export const noCertificateNamesOriginHost: StackValidationPolicy = {
    name: "aws-acm-certificate-disallow-origin-host-name",
    description: "No ACM certificate names the exact origin host (certificate transparency would publish it).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const hosts = new Set(customOrigins(args).map(o => o.host)
            .filter(h => !isUnknown(h) && h !== SECRET_MASK.toLowerCase()));
        for (const certificate of ofType(args, CERTIFICATE)) {
            for (const name of certificateNames(certificate)) {
                if (hosts.has(name)) {
                    reportViolation(`Certificate ${certificate.name} names the origin host ${name}; certificate `
                        + `transparency logs would publish it. Use a wildcard over its parent instead.`, certificate.urn);
                }
            }
        }
    },
};
