"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.originVerifyHeader = void 0;
const resources_1 = require("../lib/resources");
/**
 * The CloudFront prefix list admits every distribution, anyone's: the ALBs can only tell ours by the secret
 * header, so every custom origin must send it, and its value must be a secret.
 */
exports.originVerifyHeader = {
    name: "aws-cloudfront-distribution-missing-origin-verify-header",
    description: "Every custom origin sends the verification header, and its value is a secret.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            headerName: { type: "string", default: "X-Origin-Verify" },
            secretsAreMasked: { type: "boolean", default: false },
        },
    },
    validateStack: (args, reportViolation) => {
        const config = { headerName: "X-Origin-Verify", secretsAreMasked: false,
            ...args.getConfig() };
        for (const { distribution, origin } of (0, resources_1.customOrigins)(args)) {
            const header = (origin.customHeaders ?? [])
                .find(h => String(h.name).toLowerCase() === config.headerName.toLowerCase());
            if (header === undefined) {
                reportViolation(`Distribution ${distribution.name}: origin ${origin.originId} does not send ${config.headerName}.`, distribution.urn);
            }
            else if (config.secretsAreMasked && header.value !== resources_1.SECRET_MASK) {
                reportViolation(`Distribution ${distribution.name}: the ${config.headerName} value is in plain text; `
                    + `pass it as a secret.`, distribution.urn);
            }
        }
    },
};
