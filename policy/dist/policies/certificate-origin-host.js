"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noCertificateNamesOriginHost = void 0;
const resources_1 = require("../lib/resources");
/**
 * Every public certificate goes to certificate-transparency logs, so a certificate naming the origin host
 * exactly publishes the secret label. A wildcard over the parent keeps it hidden.
 */
exports.noCertificateNamesOriginHost = {
    name: "aws-acm-certificate-disallow-origin-host-name",
    description: "No ACM certificate names the exact origin host (certificate transparency would publish it).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const hosts = new Set((0, resources_1.customOrigins)(args).map(o => o.host)
            .filter(h => !(0, resources_1.isUnknown)(h) && h !== resources_1.SECRET_MASK.toLowerCase()));
        for (const certificate of (0, resources_1.ofType)(args, resources_1.CERTIFICATE)) {
            for (const name of (0, resources_1.certificateNames)(certificate)) {
                if (hosts.has(name)) {
                    reportViolation(`Certificate ${certificate.name} names the origin host ${name}; certificate `
                        + `transparency logs would publish it. Use a wildcard over its parent instead.`, certificate.urn);
                }
            }
        }
    },
};
