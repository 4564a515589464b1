import { ResourceValidationPolicy } from "@pulumi/policy";
import { isKnown, latencyRecordName, read } from "../lib/resources";

/**
 * A latency record without a health check keeps receiving traffic after its Region dies. Judged on each record's
 * inputs before it is created; a health check id that is unknown in a preview comes from a check of the same stack,
 * so it is present.
 */
export const latencyRecordsHealthChecked: ResourceValidationPolicy = {
    name: "aws-route53-record-missing-latency-health-check",
    description: "Every latency record has a health check id.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (latencyRecordName(args.type, args.props) === undefined) {
            return;
        }
        const healthCheckId = read(() => args.props.healthCheckId);
        if (isKnown(healthCheckId) && (healthCheckId === undefined || healthCheckId === "")) {
            const setIdentifier = read(() => args.props.setIdentifier);
            reportViolation(`Latency record ${args.name} (${isKnown(setIdentifier) ? setIdentifier : "?"}) has no `
                + `health check id.`);
        }
    },
};
