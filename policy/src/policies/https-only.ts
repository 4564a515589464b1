import { ResourceValidationPolicy } from "@pulumi/policy";
import { customOrigins, DISTRIBUTION, isKnown, knownList, read } from "../lib/resources";

const VIEWER_TLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

/**
 * Origins over HTTPS with TLSv1.2 only; viewers redirected to HTTPS with a modern TLS floor. Every field it reads
 * is plain configuration, known in a preview; a field that is not known there is judged at the update.
 */
export const httpsEverywhere: ResourceValidationPolicy = {
    name: "aws-cloudfront-distribution-enforce-https",
    description: "Custom origins are https-only with TLSv1.2 only; viewers use HTTPS with TLSv1.2_2021 or later.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== DISTRIBUTION) {
            return;
        }
        for (const { originId, origin } of customOrigins(args.props)) {
            const policy = read(() => origin.customOriginConfig.originProtocolPolicy);
            if (isKnown(policy) && policy !== "https-only") {
                reportViolation(`Origin ${originId}: originProtocolPolicy must be https-only, got ${policy}.`);
            }
            const protocols = read(() => origin.customOriginConfig.originSslProtocols);
            if (isKnown(protocols)) {
                const list = knownList<string>(() => protocols ?? []);
                if (list.length !== 1 || list[0] !== "TLSv1.2") {
                    reportViolation(`Origin ${originId}: originSslProtocols must be ["TLSv1.2"], got ${JSON.stringify(list)}.`);
                }
            }
        }
        const defaultBehavior = read(() => args.props.defaultCacheBehavior);
        const behaviors = [...(isKnown(defaultBehavior) && defaultBehavior !== undefined ? [defaultBehavior] : []),
            ...knownList<Record<string, any>>(() => args.props.orderedCacheBehaviors)];
        for (const behavior of behaviors) {
            const viewerPolicy = read(() => behavior.viewerProtocolPolicy);
            if (isKnown(viewerPolicy) && !["redirect-to-https", "https-only"].includes(viewerPolicy)) {
                const pattern = read(() => behavior.pathPattern);
                reportViolation(`Behaviour ${isKnown(pattern) && pattern !== undefined ? pattern : "default"}: `
                    + `viewerProtocolPolicy must be redirect-to-https or https-only, got ${viewerPolicy}.`);
            }
        }
        const minimum = read(() => args.props.viewerCertificate?.minimumProtocolVersion);
        if (isKnown(minimum) && !VIEWER_TLS.includes(minimum)) {
            reportViolation(`viewerCertificate.minimumProtocolVersion must be one of ${VIEWER_TLS.join(", ")}, got ${minimum}.`);
        }
    },
};
