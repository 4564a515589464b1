package dev.latencyedge.plan;

import dev.latencyedge.settings.StackSettings;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stack evaluated in-process: its resources in a stable order, and its exports.
 *
 * @param settings          the settings it was evaluated with
 * @param resources         every resource, the stack first, then sorted by URN
 * @param exports           the stack's outputs, plain values
 * @param secretExportNames which exports are secrets
 */
public record EvaluatedStack(StackSettings settings, List<PlannedResource> resources, Map<String, Object> exports,
                             Set<String> secretExportNames) {

    public String stackName() {
        return settings.common().stackName();
    }
}
