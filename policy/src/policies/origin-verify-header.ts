import { ResourceValidationPolicy } from "@pulumi/policy";
import { customOrigins, DISTRIBUTION, isKnown, knownList, read, SECRET_MASK } from "../lib/resources";

export interface OriginVerifyHeaderConfig {
    headerName: string;
    /** Set where secrets are masked (plan files, preview JSON): a visible value there was not a secret. */
    secretsAreMasked: boolean;
}

/**
 * The CloudFront prefix list admits every distribution, anyone's: the ALBs can only tell ours by the secret
 * header, so every custom origin must send it. Judged on the distribution's inputs before it is created. Under
 * CrossGuard secrets arrive as plain values, so "the value is a secret" can only be judged where secrets are
 * masked (`secretsAreMasked`, set by `npm run check` over plan files).
 */
export const originVerifyHeader: ResourceValidationPolicy = {
    name: "aws-cloudfront-distribution-missing-origin-verify-header",
    description: "Every custom origin sends the verification header, and its value is a secret.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            headerName: { type: "string", default: "X-Origin-Verify" },
            secretsAreMasked: { type: "boolean", default: false },
        },
    },
    validateResource: (args, reportViolation) => {
        if (args.type !== DISTRIBUTION) {
            return;
        }
        const config = { headerName: "X-Origin-Verify", secretsAreMasked: false,
            ...args.getConfig<Partial<OriginVerifyHeaderConfig>>() };
        for (const { originId, origin } of customOrigins(args.props)) {
            const headers = read(() => origin.customHeaders);
            if (!isKnown(headers)) {
                continue;
            }
            const header = knownList<Record<string, any>>(() => headers ?? [])
                .find(h => String(read(() => h.name)).toLowerCase() === config.headerName.toLowerCase());
            if (header === undefined) {
                reportViolation(`Distribution ${args.name}: origin ${originId} does not send ${config.headerName}.`);
            } else if (config.secretsAreMasked && read(() => header.value) !== SECRET_MASK) {
                reportViolation(`Distribution ${args.name}: the ${config.headerName} value is in plain text; `
                    + `pass it as a secret.`);
            }
        }
    },
};
