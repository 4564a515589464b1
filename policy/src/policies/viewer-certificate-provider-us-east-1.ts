import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import {
    CERTIFICATE, CERTIFICATE_VALIDATION, certificateNames, covers, DISTRIBUTION, isKnown, knownList, ofType,
    providerRegion, read,
} from "../lib/resources";

/**
 * In a preview of a new stack the viewer certificate's ARN is unknown, so the certificate is judged by what is
 * known: the certificate the distribution's viewerCertificate depends on (directly, or through the
 * CertificateValidation whose ARN it uses) and the Region of the provider it is created through. Falls back to
 * the stack's certificate covering the distribution's first alias. Where the ARN is known,
 * `aws-cloudfront-distribution-enforce-viewer-certificate-us-east-1` decides exactly and this policy says nothing.
 * A stack policy runs after every step, so it refuses in a preview (which fails the preview), not in
 * `up --skip-preview`; there the resource policy sees the known ARN before the distribution is created.
 */
export const viewerCertificateProviderInUsEast1: StackValidationPolicy = {
    name: "aws-cloudfront-distribution-enforce-viewer-certificate-provider-us-east-1",
    description: "The certificate a distribution's viewer certificate depends on is created through a us-east-1 provider.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const distribution of ofType(args.resources, DISTRIBUTION)) {
            const arn = read(() => distribution.props.viewerCertificate?.acmCertificateArn);
            if (isKnown(arn)) {
                continue;
            }
            const alias = String(knownList(() => distribution.props.aliases)[0] ?? "its aliases").toLowerCase();
            const certificate = certificateBehind(distribution, args.resources, alias);
            if (certificate === undefined) {
                reportViolation(`Distribution ${distribution.name}: the viewer certificate ARN is not known yet and no `
                    + `certificate in this stack covers ${alias}, so it cannot be shown to be in us-east-1.`,
                    distribution.urn);
                continue;
            }
            const region = providerRegion(certificate);
            if (region !== "us-east-1") {
                reportViolation(`Distribution ${distribution.name}: certificates must be in the us-east-1 region and `
                    + `the certificate you provided (${certificate.name}) is in ${region ?? "the stack's default Region"}.`,
                    distribution.urn);
            }
        }
    },
};

function certificateBehind(distribution: PolicyResource, resources: PolicyResource[],
                           alias: string): PolicyResource | undefined {
    for (const dependency of distribution.propertyDependencies?.viewerCertificate ?? []) {
        if (dependency.type === CERTIFICATE) {
            return dependency;
        }
        if (dependency.type === CERTIFICATE_VALIDATION) {
            const certificate = (dependency.propertyDependencies?.certificateArn ?? []).find(d => d.type === CERTIFICATE);
            if (certificate !== undefined) {
                return certificate;
            }
        }
    }
    return ofType(resources, CERTIFICATE).find(c => certificateNames(c.props).some(name => covers(name, alias)));
}
