"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resourcesFromPlan = resourcesFromPlan;
exports.runPolicies = runPolicies;
function nameOf(urn) {
    return urn.slice(urn.lastIndexOf("::") + 2);
}
/** The resources of one plan file, with their providers resolved from the provider steps. */
function resourcesFromPlan(plan) {
    const states = plan.steps.map(s => s.newState).filter((s) => s !== undefined);
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
        };
    });
}
/** Every violation the policies report over one stack's resources. */
async function runPolicies(policies, resources, config = {}) {
    const violations = [];
    for (const policy of policies) {
        const level = policy.enforcementLevel ?? "advisory";
        if (level === "disabled") {
            continue;
        }
        const getConfig = () => (config[policy.name] ?? {});
        const report = (fallbackUrn) => (message, urn) => violations.push({ policy: policy.name, level, urn: urn ?? fallbackUrn, message });
        if ("validateStack" in policy && policy.validateStack) {
            await policy.validateStack({ resources, getConfig }, report(""));
        }
        if ("validateResource" in policy && policy.validateResource) {
            const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
            for (const resource of resources) {
                for (const validate of validations) {
                    await validate({ ...resource, getConfig }, report(resource.urn));
                }
            }
        }
    }
    return violations;
}
