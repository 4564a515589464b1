import { StackValidationPolicy } from "@pulumi/policy";
import { isKnown, latencyRecordName, ofType, read, RECORD } from "../lib/resources";

/**
 * Route 53 keeps one latency record per name, type and set identifier; a second one fails the update. Needs every
 * record, so it is a stack policy; records whose name or set identifier is unknown in a preview are judged at the
 * update.
 */
export const uniqueSetIdentifiers: StackValidationPolicy = {
    name: "aws-route53-record-disallow-duplicate-set-identifier",
    description: "Latency records' set identifiers are unique per name and type.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const seen = new Map<string, string>();
        for (const record of ofType(args.resources, RECORD)) {
            const name = latencyRecordName(record.type, record.props);
            const type = read(() => record.props.type);
            const setIdentifier = read(() => record.props.setIdentifier);
            if (name === undefined || !isKnown(name) || !isKnown(type) || !isKnown(setIdentifier)) {
                continue;
            }
            const key = `${name} ${type} ${setIdentifier}`;
            const first = seen.get(key);
            if (first !== undefined) {
                reportViolation(`Latency records ${first} and ${record.name} share the set identifier ${setIdentifier} `
                    + `for ${name} ${type}.`, record.urn);
            }
            seen.set(key, first ?? record.name);
        }
    },
};
