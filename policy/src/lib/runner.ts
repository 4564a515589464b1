// Runs the pack's policies over plan files (the offline plan's, or `pulumi preview --json` output) the way the
// CrossGuard analyzer would over a preview: each step's new state becomes a policy resource.
import { EnforcementLevel, PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

export type PackPolicy = ResourceValidationPolicy | StackValidationPolicy;

export interface Violation {
    policy: string;
    level: EnforcementLevel;
    urn: string;
    message: string;
}

interface Step {
    urn: string;
    newState?: { urn: string; type: string; parent?: string; provider?: string; inputs?: Record<string, any>;
        outputs?: Record<string, any> };
}

function nameOf(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/** The resources of one plan file, with their providers resolved from the provider steps. */
export function resourcesFromPlan(plan: { steps: Step[] }): PolicyResource[] {
    const states = plan.steps.map(s => s.newState).filter((s): s is NonNullable<Step["newState"]> => s !== undefined);
    const byUrn = new Map(states.map(s => [s.urn, s]));
    return states.map(state => {
        const providerUrn = state.provider ? state.provider.slice(0, state.provider.lastIndexOf("::")) : "";
        const provider = byUrn.get(providerUrn);
        return {
            type: state.type,
            urn: state.urn,
            name: nameOf(state.urn),
            props: state.inputs ?? state.outputs ?? {},
            opts: {},
            provider: provider === undefined ? undefined
                : { type: provider.type, urn: provider.urn, name: nameOf(provider.urn), props: provider.inputs ?? {} },
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
        } as unknown as PolicyResource;
    });
}

/** Every violation the policies report over one stack's resources. */
export async function runPolicies(policies: PackPolicy[], resources: PolicyResource[],
                                  config: Record<string, Record<string, unknown>> = {}): Promise<Violation[]> {
    const violations: Violation[] = [];
    for (const policy of policies) {
        const level = policy.enforcementLevel ?? "advisory";
        if (level === "disabled") {
            continue;
        }
        const getConfig = <T>() => (config[policy.name] ?? {}) as T;
        const report = (fallbackUrn: string) => (message: string, urn?: string) =>
            violations.push({ policy: policy.name, level, urn: urn ?? fallbackUrn, message });
        if ("validateStack" in policy && policy.validateStack) {
            await policy.validateStack({ resources, getConfig } as any, report(""));
        }
        if ("validateResource" in policy && policy.validateResource) {
            const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
            for (const resource of resources) {
                for (const validate of validations) {
                    await validate({ ...resource, getConfig } as any, report(resource.urn));
                }
            }
        }
    }
    return violations;
}
