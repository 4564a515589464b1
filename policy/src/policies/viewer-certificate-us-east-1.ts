import { ResourceValidationPolicy } from "@pulumi/policy";
import { arnRegion, DISTRIBUTION, isKnown, read } from "../lib/resources";

/**
 * CloudFront only accepts viewer certificates from ACM in us-east-1. A resource policy, so the engine runs it on
 * the distribution's inputs before creating or updating it, in `up --skip-preview` too, where the certificate's
 * ARN is always known. In a new stack's preview the ARN is unknown: this policy then decides nothing and
 * `aws-cloudfront-distribution-enforce-viewer-certificate-provider-us-east-1` judges the certificate by the
 * provider it is created through.
 */
export const viewerCertificateInUsEast1: ResourceValidationPolicy = {
    name: "aws-cloudfront-distribution-enforce-viewer-certificate-us-east-1",
    description: "A CloudFront distribution's viewer certificate must be an ACM certificate in us-east-1.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== DISTRIBUTION) {
            return;
        }
        const arn = read(() => args.props.viewerCertificate?.acmCertificateArn);
        if (!isKnown(arn)) {
            return; // a preview of a new certificate: judged by its provider, see above
        }
        if (arn === undefined && read(() => args.props.viewerCertificate?.cloudfrontDefaultCertificate) === true) {
            return;
        }
        const region = arnRegion(arn);
        if (region === undefined) {
            reportViolation(`Distribution ${args.name}: viewerCertificate.acmCertificateArn "${arn}" is not an ACM `
                + `certificate ARN.`);
        } else if (region !== "us-east-1") {
            reportViolation(`Distribution ${args.name}: certificates must be in the us-east-1 region and the `
                + `certificate you provided (${arn}) is in ${region}.`);
        }
    },
};
