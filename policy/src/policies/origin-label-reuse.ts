import { StackValidationPolicy } from "@pulumi/policy";
import { customOrigins, DISTRIBUTION, isKnown, ofType, read, RECORD, SECRET_MASK } from "../lib/resources";

/**
 * The origin label must appear in no other DNS name of the stack, or that record gives it away. Needs the whole
 * stack, so it is a stack policy; record names that are unknown in a preview (ACM's validation records) are
 * skipped there and judged at the update, when every name is known.
 */
export const noOriginLabelReuse: StackValidationPolicy = {
    name: "aws-route53-record-disallow-origin-label-reuse",
    description: "The origin label appears in no DNS record other than the origin's own.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const names = ofType(args.resources, RECORD).map(r => read(() => r.props.name))
            .filter(isKnown).map(n => String(n).toLowerCase().replace(/\.$/, ""));
        for (const distribution of ofType(args.resources, DISTRIBUTION)) {
            for (const { host } of customOrigins(distribution.props)) {
                if (!isKnown(host) || host === SECRET_MASK.toLowerCase()) {
                    continue;
                }
                const label = host.split(".")[0];
                const reused = [...new Set(names.filter(name => name !== host && name.split(".").includes(label)))];
                if (reused.length > 0) {
                    reportViolation(`Distribution ${distribution.name}: origin ${host}: the label is also used by the `
                        + `record(s) ${reused.join(", ")}.`, distribution.urn);
                }
            }
        }
    },
};
