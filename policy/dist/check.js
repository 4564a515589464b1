"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// npm run check -- <plan.json>...: runs every policy of the pack over plan files, prints each violation with
// policy, enforcement level, resource URN and message, and exits 1 when a mandatory policy is violated.
const node_fs_1 = require("node:fs");
const policies_1 = require("./policies");
const runner_1 = require("./lib/runner");
async function main(files) {
    if (files.length === 0) {
        console.error("usage: npm run check -- <plan.json>...");
        return 2;
    }
    let mandatory = 0;
    let total = 0;
    for (const file of files) {
        const plan = JSON.parse((0, node_fs_1.readFileSync)(file, "utf8"));
        // Plan files mask secrets, so a header value that shows was not passed as a secret.
        const violations = await (0, runner_1.runPolicies)(policies_1.policies, (0, runner_1.resourcesFromPlan)(plan), {
            "aws-cloudfront-distribution-missing-origin-verify-header": { secretsAreMasked: true },
        });
        for (const v of violations) {
            console.log(`${file}: [${v.level}] ${v.policy} ${v.urn}: ${v.message}`);
        }
        total += violations.length;
        mandatory += violations.filter(v => v.level === "mandatory").length;
    }
    console.log(`${total} violation(s), ${mandatory} mandatory, over ${files.length} plan file(s) and ${policies_1.policies.length} policies`);
    return mandatory > 0 ? 1 : 0;
}
main(process.argv.slice(2)).then(code => process.exit(code), error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
});
