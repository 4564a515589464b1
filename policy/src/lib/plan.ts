// Plan files (the offline plan's, or `pulumi preview --json` output) turned into what the engine sends an
// analyzer: each step's new state becomes a resource with its provider, parent and dependencies.
import { EngineResource } from "./analyzer";

interface State {
    urn: string;
    type: string;
    parent?: string;
    provider?: string;
    inputs?: Record<string, any>;
    outputs?: Record<string, any>;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface PlanResources {
    /** Each resource's inputs, as Analyze sees them before its step. */
    inputs: EngineResource[];
    /** Each resource's state after the steps, as AnalyzeStack sees them. */
    outputs: EngineResource[];
}

function nameOf(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

export function resourcesFromPlan(plan: { steps: { newState?: State }[] }): PlanResources {
    const states = plan.steps.map(s => s.newState).filter((s): s is State => s !== undefined)
        .filter(s => s.type !== "pulumi:pulumi:Stack");
    const byUrn = new Map(states.map(s => [s.urn, s]));
    const build = (pick: (s: State) => Record<string, any>) => states.map(state => {
        const providerUrn = state.provider ? state.provider.slice(0, state.provider.lastIndexOf("::")) : "";
        const provider = byUrn.get(providerUrn);
        const resource: EngineResource = {
            type: state.type,
            name: nameOf(state.urn),
            urn: state.urn,
            props: pick(state),
            parent: state.parent || undefined,
            dependencies: state.dependencies,
            propertyDependencies: state.propertyDependencies,
        };
        if (provider !== undefined) {
            resource.provider = { type: provider.type, name: nameOf(provider.urn), urn: provider.urn,
                props: provider.inputs ?? {} };
        }
        return resource;
    });
    return { inputs: build(s => s.inputs ?? {}), outputs: build(s => s.outputs ?? s.inputs ?? {}) };
}

/** Plan files mask secrets, so a verification header value that shows was not passed as a secret. */
export const PLAN_FILE_CONFIG = {
    "aws-cloudfront-distribution-missing-origin-verify-header": { secretsAreMasked: true },
};
