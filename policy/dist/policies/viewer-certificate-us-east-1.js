"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.viewerCertificateInUsEast1 = void 0;
const resources_1 = require("../lib/resources");
/**
 * CloudFront only accepts viewer certificates from ACM in us-east-1. The Region comes from the ARN when it is
 * known; in a preview, where the ARN of a new certificate is unknown, from the certificate the distribution
 * depends on (or, failing that, the stack's certificate covering its first alias) and its provider's Region.
 */
exports.viewerCertificateInUsEast1 = {
    name: "aws-cloudfront-distribution-enforce-viewer-certificate-us-east-1",
    description: "A CloudFront distribution's viewer certificate must be an ACM certificate in us-east-1.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const distribution of (0, resources_1.ofType)(args, resources_1.DISTRIBUTION)) {
            const arn = distribution.props.viewerCertificate?.acmCertificateArn;
            if (arn === undefined && distribution.props.viewerCertificate?.cloudfrontDefaultCertificate) {
                continue;
            }
            const known = (0, resources_1.arnRegion)(arn);
            if (known !== undefined) {
                if (known !== "us-east-1") {
                    reportViolation(`Distribution ${distribution.name}: certificates must be in the us-east-1 region `
                        + `and the certificate you provided (${arn}) is in ${known}.`, distribution.urn);
                }
                continue;
            }
            if (!(0, resources_1.isUnknown)(arn)) {
                reportViolation(`Distribution ${distribution.name}: viewerCertificate.acmCertificateArn "${arn}" is `
                    + `not an ACM certificate ARN.`, distribution.urn);
                continue;
            }
            const certificate = certificateBehind(distribution, args.resources);
            if (certificate === undefined) {
                reportViolation(`Distribution ${distribution.name}: the viewer certificate ARN is not known yet and no `
                    + `certificate in this stack covers ${firstAlias(distribution)}, so it cannot be shown to be in `
                    + `us-east-1.`, distribution.urn);
                continue;
            }
            const region = (0, resources_1.providerRegion)(certificate);
            if (region !== "us-east-1") {
                reportViolation(`Distribution ${distribution.name}: certificates must be in the us-east-1 region and `
                    + `the certificate you provided (${certificate.name}) is in ${region ?? "the stack's default Region"}.`, distribution.urn);
            }
        }
    },
};
function firstAlias(distribution) {
    return String((distribution.props.aliases ?? [])[0] ?? "its aliases");
}
function certificateBehind(distribution, resources) {
    const dependencies = distribution.propertyDependencies?.viewerCertificate ?? [];
    const direct = dependencies.find(r => r.type === resources_1.CERTIFICATE);
    if (direct !== undefined) {
        return direct;
    }
    const alias = firstAlias(distribution).toLowerCase();
    return resources.filter(r => r.type === resources_1.CERTIFICATE)
        .find(c => (0, resources_1.certificateNames)(c).some(name => (0, resources_1.covers)(name, alias)));
}
