import { StackValidationPolicy } from "@pulumi/policy";
import { isUnknown, ofType, RECORD } from "../lib/resources";

/**
 * A latency record without a health check keeps receiving traffic after its Region dies; two latency records
 * with one set identifier for the same name and type cannot both exist.
 */
export const latencyRecordsHealthChecked: StackValidationPolicy = {
    name: "aws-route53-record-missing-latency-health-check",
    description: "Every latency record has a health check id; set identifiers are unique per name and type.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const seen = new Map<string, string>();
        for (const record of ofType(args, RECORD)) {
            if ((record.props.latencyRoutingPolicies ?? []).length === 0) {
                continue;
            }
            if (record.props.healthCheckId === undefined || record.props.healthCheckId === "") {
                reportViolation(`Latency record ${record.name} (${record.props.setIdentifier}) has no health check id.`,
                    record.urn);
            }
            const key = `${record.props.name} ${record.props.type} ${record.props.setIdentifier}`;
            if (!isUnknown(record.props.name) && seen.has(key)) {
                reportViolation(`Latency records ${seen.get(key)} and ${record.name} share the set identifier `
                    + `${record.props.setIdentifier} for ${record.props.name} ${record.props.type}.`, record.urn);
            }
            seen.set(key, record.name);
        }
    },
};
