// npm run check -- <plan.json>...: the pack over plan files through its own analyzer server, exactly as the
// engine would run it: every resource analyzed as before its step, then the stack. Prints each diagnostic with
// policy, level, resource URN and message. Exits 1 when a mandatory policy is violated; 2 when the check could
// not run (bad usage, an unreadable file, the analyzer failing, or a policy that could not run), so that no
// verdict is not mistaken for a violation. Relative paths are the caller's: npm runs scripts inside the pack,
// and tells them where it was started in INIT_CWD, so `npm --prefix policy run check -- plan/*.json` works from
// the repository root. A plan folder's manifest (plan/manifest.json, which plan/*.json matches) is skipped.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Analyzer, isCantRun } from "./lib/analyzer";
import { PLAN_FILE_CONFIG, resourcesFromPlan } from "./lib/plan";

const MANIFEST_FORMAT = "latency-edge-plan-manifest/";

async function main(args: string[]): Promise<number> {
    if (args.length === 0) {
        console.error("usage: npm run check -- <plan.json>...");
        return 2;
    }
    const base = process.env.INIT_CWD ?? process.cwd();
    const plans = args.map(file => ({ file, json: JSON.parse(readFileSync(resolve(base, file), "utf8")) }))
        .filter(plan => !String(plan.json.format ?? "").startsWith(MANIFEST_FORMAT));
    const analyzer = await Analyzer.start();
    try {
        await analyzer.configure(PLAN_FILE_CONFIG);
        const policies = (await analyzer.policyNames()).length;
        let mandatory = 0;
        let cantRun = 0;
        let total = 0;
        for (const { file, json } of plans) {
            const resources = resourcesFromPlan(json);
            const diagnostics = [];
            for (const resource of resources.inputs) {
                diagnostics.push(...await analyzer.analyze(resource));
            }
            diagnostics.push(...await analyzer.analyzeStack(resources.outputs));
            for (const d of diagnostics) {
                console.log(`${file}: [${d.level}] ${d.policy} ${d.urn}: ${d.detail}`);
            }
            total += diagnostics.length;
            cantRun += diagnostics.filter(isCantRun).length;
            mandatory += diagnostics.filter(d => d.level === "mandatory" && !isCantRun(d)).length;
        }
        console.log(`${total} violation(s), ${mandatory + cantRun} mandatory or unable to run, over ${plans.length} `
            + `plan file(s) and ${policies} policies`);
        return mandatory > 0 ? 1 : cantRun > 0 ? 2 : 0;
    } finally {
        analyzer.close();
    }
}

main(process.argv.slice(2)).then(code => process.exit(code), error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
});
