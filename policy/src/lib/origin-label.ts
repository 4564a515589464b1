// What makes an origin host `<label>.<parent>` unguessable, shared by the policies that judge origin names and
// the certificates that must never carry one.
import { entropyBits } from "./entropy";

export interface OriginLabelConfig {
    minLabelLength: number;
    minEntropyBits: number;
    extraWords: string[];
}

export const DEFAULT_ORIGIN_LABEL_CONFIG: OriginLabelConfig = { minLabelLength: 16, minEntropyBits: 80, extraWords: [] };

/** The configuration schema both policies take, with the same defaults. */
export const ORIGIN_LABEL_CONFIG_SCHEMA = {
    properties: {
        minLabelLength: { type: "integer" as const, default: DEFAULT_ORIGIN_LABEL_CONFIG.minLabelLength },
        minEntropyBits: { type: "number" as const, default: DEFAULT_ORIGIN_LABEL_CONFIG.minEntropyBits },
        extraWords: { type: "array" as const, items: { type: "string" as const }, default: [] },
    },
};

/** Words a scanner tries first. Region codes are matched without their dashes as well. */
export const COMMON_WORDS = ["origin", "api", "app", "www", "alb", "elb", "lb", "backend", "internal", "prod",
    "production", "dev", "stage", "staging", "test", "edge", "cdn", "admin", "web", "static", "assets", "cache",
    "ingress", "eks", "cluster", "aws", "cloudfront", "latency", "region", "secret", "hidden", "private"];
const REGION_WORDS = ["useast", "uswest", "euwest", "eucentral", "eunorth", "eusouth", "apsoutheast",
    "apnortheast", "apsouth", "apeast", "saeast", "cacentral", "mesouth", "mecentral", "afsouth", "ilcentral"];

/** Why `host` is a guessable origin name; empty when its label is long, random and word-free. */
export function guessableReasons(host: string, config: OriginLabelConfig): string[] {
    const labels = host.split(".");
    const label = labels[0];
    const parentLabels = labels.slice(1);
    if (parentLabels.length < 2) {
        return ["is not <label>.<parent>"];
    }
    const reasons: string[] = [];
    if (label.length < config.minLabelLength || !/^[a-z0-9]+$/.test(label)) {
        reasons.push(`the label "${label}" must be at least ${config.minLabelLength} characters of [a-z0-9], it has `
            + `${label.length}`);
    }
    const bits = entropyBits(label);
    if (bits < config.minEntropyBits) {
        reasons.push(`the label carries about ${bits.toFixed(1)} bits of entropy, below ${config.minEntropyBits}`);
    }
    const words = [...COMMON_WORDS, ...REGION_WORDS, ...config.extraWords, ...parentLabels]
        .map(w => w.toLowerCase().replace(/[^a-z0-9]/g, "")).filter(w => w.length >= 2);
    const found = [...new Set(words.filter(word => label.includes(word)))].sort();
    if (found.length > 0) {
        reasons.push(`the label contains the common word(s) ${found.join(", ")}`);
    }
    return reasons;
}

/**
 * Whether a host's first label has the shape every acceptable origin label has (long enough, [a-z0-9], enough
 * entropy), so a certificate naming it exactly would publish what may be the secret origin.
 */
export function looksLikeOriginLabel(host: string, config: OriginLabelConfig): boolean {
    const label = host.split(".")[0];
    return host.split(".").length >= 3 && label.length >= config.minLabelLength && /^[a-z0-9]+$/.test(label)
        && entropyBits(label) >= config.minEntropyBits;
}
