"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.latencyRecordsHealthChecked = void 0;
const resources_1 = require("../lib/resources");
/**
 * A latency record without a health check keeps receiving traffic after its Region dies; two latency records
 * with one set identifier for the same name and type cannot both exist.
 */
exports.latencyRecordsHealthChecked = {
    name: "aws-route53-record-missing-latency-health-check",
    description: "Every latency record has a health check id; set identifiers are unique per name and type.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const seen = new Map();
        for (const record of (0, resources_1.ofType)(args, resources_1.RECORD)) {
            if ((record.props.latencyRoutingPolicies ?? []).length === 0) {
                continue;
            }
            if (record.props.healthCheckId === undefined || record.props.healthCheckId === "") {
                reportViolation(`Latency record ${record.name} (${record.props.setIdentifier}) has no health check id.`, record.urn);
            }
            const key = `${record.props.name} ${record.props.type} ${record.props.setIdentifier}`;
            if (!(0, resources_1.isUnknown)(record.props.name) && seen.has(key)) {
                reportViolation(`Latency records ${seen.get(key)} and ${record.name} share the set identifier `
                    + `${record.props.setIdentifier} for ${record.props.name} ${record.props.type}.`, record.urn);
            }
            seen.set(key, record.name);
        }
    },
};
