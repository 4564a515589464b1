"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.httpsEverywhere = void 0;
const resources_1 = require("../lib/resources");
const VIEWER_TLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];
/** Origins over HTTPS with TLSv1.2 only; viewers redirected to HTTPS with a modern TLS floor. */
exports.httpsEverywhere = {
    name: "aws-cloudfront-distribution-enforce-https",
    description: "Custom origins are https-only with TLSv1.2 only; viewers use HTTPS with TLSv1.2_2021 or later.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== resources_1.DISTRIBUTION) {
            return;
        }
        for (const origin of (args.props.origins ?? [])) {
            const custom = origin.customOriginConfig;
            if (custom === undefined) {
                continue;
            }
            if (custom.originProtocolPolicy !== "https-only") {
                reportViolation(`Origin ${origin.originId}: originProtocolPolicy must be https-only, got ${custom.originProtocolPolicy}.`);
            }
            const protocols = custom.originSslProtocols ?? [];
            if (protocols.length !== 1 || protocols[0] !== "TLSv1.2") {
                reportViolation(`Origin ${origin.originId}: originSslProtocols must be ["TLSv1.2"], got ${JSON.stringify(protocols)}.`);
            }
        }
        const behaviors = [args.props.defaultCacheBehavior, ...(args.props.orderedCacheBehaviors ?? [])]
            .filter(b => b !== undefined);
        for (const behavior of behaviors) {
            if (!["redirect-to-https", "https-only"].includes(behavior.viewerProtocolPolicy)) {
                reportViolation(`Behaviour ${behavior.pathPattern ?? "default"}: viewerProtocolPolicy must be `
                    + `redirect-to-https or https-only, got ${behavior.viewerProtocolPolicy}.`);
            }
        }
        const minimum = args.props.viewerCertificate?.minimumProtocolVersion;
        if (!VIEWER_TLS.includes(minimum)) {
            reportViolation(`viewerCertificate.minimumProtocolVersion must be one of ${VIEWER_TLS.join(", ")}, got ${minimum}.`);
        }
    },
};
