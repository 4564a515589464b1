import { ResourceValidationPolicy } from "@pulumi/policy";
import { DEFAULT_ORIGIN_LABEL_CONFIG, guessableReasons, ORIGIN_LABEL_CONFIG_SCHEMA, OriginLabelConfig } from "../lib/origin-label";
import { customOrigins, DISTRIBUTION, isKnown, latencyRecordName, SECRET_MASK } from "../lib/resources";

export type GuessableOriginConfig = OriginLabelConfig;

/**
 * The origin host `<label>.<parent>` is the only thing standing between the ALBs' latency name and a scanner
 * that would hit it directly (the secret header still guards the ALBs, but an unknown name is not probed).
 * Judged on each distribution's custom origins and on each latency record's name, before either is created:
 * the records publish the name in DNS the moment they exist. A name that is unknown in a preview is judged at
 * the update, when the engine knows every input; a masked secret label is judged by CrossGuard, which sees it.
 */
export const unguessableOrigin: ResourceValidationPolicy = {
    name: "aws-cloudfront-distribution-disallow-guessable-origin",
    description: "Every custom origin host and latency record name is <label>.<parent> with a long, random, word-free label.",
    enforcementLevel: "mandatory",
    configSchema: ORIGIN_LABEL_CONFIG_SCHEMA,
    validateResource: (args, reportViolation) => {
        const config = { ...DEFAULT_ORIGIN_LABEL_CONFIG, ...args.getConfig<Partial<GuessableOriginConfig>>() };
        const hosts: { what: string; host: string }[] = [];
        if (args.type === DISTRIBUTION) {
            for (const origin of customOrigins(args.props)) {
                if (isKnown(origin.host)) {
                    hosts.push({ what: `Distribution ${args.name}: origin`, host: origin.host });
                }
            }
        }
        const record = latencyRecordName(args.type, args.props);
        if (record !== undefined && isKnown(record)) {
            hosts.push({ what: `Latency record ${args.name}:`, host: record });
        }
        for (const { what, host } of hosts) {
            if (host === SECRET_MASK.toLowerCase()) {
                continue;
            }
            for (const reason of guessableReasons(host, config)) {
                reportViolation(`${what} ${host}: ${reason}.`);
            }
        }
    },
};
