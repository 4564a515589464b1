// npm run check -- <plan.json>...: runs every policy of the pack over plan files, prints each violation with
// policy, enforcement level, resource URN and message, and exits 1 when a mandatory policy is violated.
import { readFileSync } from "node:fs";
import { policies } from "./policies";
import { resourcesFromPlan, runPolicies } from "./lib/runner";

async function main(files: string[]): Promise<number> {
    if (files.length === 0) {
        console.error("usage: npm run check -- <plan.json>...");
        return 2;
    }
    let mandatory = 0;
    let total = 0;
    for (const file of files) {
        const plan = JSON.parse(readFileSync(file, "utf8"));
        // Plan files mask secrets, so a header value that shows was not passed as a secret.
        const violations = await runPolicies(policies, resourcesFromPlan(plan), {
            "aws-cloudfront-distribution-missing-origin-verify-header": { secretsAreMasked: true },
        });
        for (const v of violations) {
            console.log(`${file}: [${v.level}] ${v.policy} ${v.urn}: ${v.message}`);
        }
        total += violations.length;
        mandatory += violations.filter(v => v.level === "mandatory").length;
    }
    console.log(`${total} violation(s), ${mandatory} mandatory, over ${files.length} plan file(s) and ${policies.length} policies`);
    return mandatory > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(code => process.exit(code), error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
});
