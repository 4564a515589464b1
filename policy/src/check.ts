// npm run check -- <plan.json>...: the pack over plan files through its own analyzer server, exactly as the
// engine would run it: every resource analyzed as before its step, then the stack. Prints each diagnostic with
// policy, level, resource URN and message; exits 1 when a mandatory policy is violated or a policy could not run.
import { readFileSync } from "node:fs";
import { Analyzer, isCantRun } from "./lib/analyzer";
import { PLAN_FILE_CONFIG, resourcesFromPlan } from "./lib/plan";

async function main(files: string[]): Promise<number> {
    if (files.length === 0) {
        console.error("usage: npm run check -- <plan.json>...");
        return 2;
    }
    const analyzer = await Analyzer.start();
    try {
        await analyzer.configure(PLAN_FILE_CONFIG);
        const policies = (await analyzer.policyNames()).length;
        let failing = 0;
        let total = 0;
        for (const file of files) {
            const resources = resourcesFromPlan(JSON.parse(readFileSync(file, "utf8")));
            const diagnostics = [];
            for (const resource of resources.inputs) {
                diagnostics.push(...await analyzer.analyze(resource));
            }
            diagnostics.push(...await analyzer.analyzeStack(resources.outputs));
            for (const d of diagnostics) {
                console.log(`${file}: [${d.level}] ${d.policy} ${d.urn}: ${d.detail}`);
            }
            total += diagnostics.length;
            failing += diagnostics.filter(d => d.level === "mandatory" || isCantRun(d)).length;
        }
        console.log(`${total} violation(s), ${failing} mandatory or unable to run, over ${files.length} plan file(s) `
            + `and ${policies} policies`);
        return failing > 0 ? 1 : 0;
    } finally {
        analyzer.close();
    }
}

main(process.argv.slice(2)).then(code => process.exit(code), error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
});
