import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { noCertificateNamesOriginHost } from "./certificate-origin-host";
import { uniqueSetIdentifiers } from "./duplicate-set-identifier";
import { unguessableOrigin } from "./guessable-origin";
import { httpsEverywhere } from "./https-only";
import { latencyRecordsHealthChecked } from "./latency-health-checks";
import { noOriginLabelReuse } from "./origin-label-reuse";
import { originVerifyHeader } from "./origin-verify-header";
import { viewerCertificateProviderInUsEast1 } from "./viewer-certificate-provider-us-east-1";
import { viewerCertificateInUsEast1 } from "./viewer-certificate-us-east-1";
import { noWorldIngress } from "./world-ingress";

export type PackPolicy = ResourceValidationPolicy | StackValidationPolicy;

/**
 * Every policy of the pack. Resource policies run on each resource's inputs before its step, in
 * `up --skip-preview` too, so every rule that must stop a resource before it exists is one; stack policies judge
 * what needs the whole stack, from what is known in a preview.
 */
export const policies: PackPolicy[] = [
    viewerCertificateInUsEast1,
    viewerCertificateProviderInUsEast1,
    unguessableOrigin,
    noOriginLabelReuse,
    noCertificateNamesOriginHost,
    httpsEverywhere,
    latencyRecordsHealthChecked,
    uniqueSetIdentifiers,
    noWorldIngress,
    originVerifyHeader,
];
