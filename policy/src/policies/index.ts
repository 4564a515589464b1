import { PackPolicy } from "../lib/runner";
import { noCertificateNamesOriginHost } from "./certificate-origin-host";
import { unguessableOrigin } from "./guessable-origin";
import { httpsEverywhere } from "./https-only";
import { latencyRecordsHealthChecked } from "./latency-health-checks";
import { originVerifyHeader } from "./origin-verify-header";
import { viewerCertificateInUsEast1 } from "./viewer-certificate-us-east-1";
import { noWorldIngress } from "./world-ingress";

/** Every policy of the pack, mandatory ones first. */
export const policies: PackPolicy[] = [
    viewerCertificateInUsEast1,
    unguessableOrigin,
    noCertificateNamesOriginHost,
    httpsEverywhere,
    latencyRecordsHealthChecked,
    noWorldIngress,
    originVerifyHeader,
];
