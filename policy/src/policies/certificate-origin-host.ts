import { ResourceValidationPolicy } from "@pulumi/policy";
import { DEFAULT_ORIGIN_LABEL_CONFIG, looksLikeOriginLabel, ORIGIN_LABEL_CONFIG_SCHEMA, OriginLabelConfig } from "../lib/origin-label";
import { CERTIFICATE, certificateNames, covers } from "../lib/resources";

/**
 * Every public certificate goes to certificate-transparency logs the moment ACM issues it, so a certificate
 * naming the origin host exactly publishes the secret label for good. A resource policy, judged on the
 * certificate's own inputs before ACM is asked, in `up --skip-preview` too: it refuses any exact name whose
 * first label has the shape every acceptable origin label has (the thresholds of
 * aws-cloudfront-distribution-disallow-guessable-origin; keep the two configured alike), and any exact name a
 * wildcard on the same certificate already covers (listing it only publishes it).
 */
export const noCertificateNamesOriginHost: ResourceValidationPolicy = {
    name: "aws-acm-certificate-disallow-origin-host-name",
    description: "No ACM certificate names a host shaped like a secret origin label (certificate transparency would publish it).",
    enforcementLevel: "mandatory",
    configSchema: ORIGIN_LABEL_CONFIG_SCHEMA,
    validateResource: (args, reportViolation) => {
        if (args.type !== CERTIFICATE) {
            return;
        }
        const config = { ...DEFAULT_ORIGIN_LABEL_CONFIG, ...args.getConfig<Partial<OriginLabelConfig>>() };
        const names = certificateNames(args.props);
        const wildcards = names.filter(n => n.startsWith("*."));
        for (const name of names.filter(n => !n.startsWith("*."))) {
            if (looksLikeOriginLabel(name, config)) {
                reportViolation(`Certificate ${args.name} names ${name}, whose first label looks like a secret origin `
                    + `label; certificate transparency logs would publish it. Use a wildcard over its parent instead.`);
            } else if (wildcards.some(w => covers(w, name))) {
                reportViolation(`Certificate ${args.name} names ${name}, which its wildcard already covers; listing it `
                    + `only publishes it in certificate transparency logs.`);
            }
        }
    },
};
