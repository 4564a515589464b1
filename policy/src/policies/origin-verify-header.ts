import { StackValidationPolicy } from "@pulumi/policy";
import { customOrigins, SECRET_MASK } from "../lib/resources";

export interface OriginVerifyHeaderConfig {
    headerName: string;
    /** Set by the plan-file runner: plan files and preview JSON mask secrets, so a visible value was not one. */
    secretsAreMasked: boolean;
}

/**
 * The CloudFront prefix list admits every distribution, anyone's: the ALBs can only tell ours by the secret
 * header, so every custom origin must send it, and its value must be a secret.
 */
export const originVerifyHeader: StackValidationPolicy = {
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
            ...args.getConfig<Partial<OriginVerifyHeaderConfig>>() };
        for (const { distribution, origin } of customOrigins(args)) {
            const header = ((origin.customHeaders ?? []) as Record<string, any>[])
                .find(h => String(h.name).toLowerCase() === config.headerName.toLowerCase());
            if (header === undefined) {
                reportViolation(`Distribution ${distribution.name}: origin ${origin.originId} does not send ${config.headerName}.`,
                    distribution.urn);
            } else if (config.secretsAreMasked && header.value !== SECRET_MASK) {
                reportViolation(`Distribution ${distribution.name}: the ${config.headerName} value is in plain text; `
                    + `pass it as a secret.`, distribution.urn);
            }
        }
    },
};
