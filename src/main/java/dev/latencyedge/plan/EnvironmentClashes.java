package dev.latencyedge.plan;

import dev.latencyedge.settings.GlobalSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * What no single environment can see: environments sharing a zone must not write the same DNS record (name, type,
 * set identifier), use the same origin label (one environment's latency record set would answer for the other's
 * origin) or serve the same public name (two distributions cannot both alias it, and CloudFront refuses a name
 * another distribution already has).
 */
public final class EnvironmentClashes {

    private EnvironmentClashes() {
    }

    /** Every clash, described with both stacks; empty when the environments can live side by side. */
    public static List<String> of(List<EnvironmentPlan> plans) {
        var clashes = new ArrayList<String>();
        var labels = new HashMap<String, String>();
        var names = new HashMap<String, String>();
        for (var plan : plans) {
            var global = (GlobalSettings) plan.global().settings();
            var stack = global.common().stackName();
            var other = labels.putIfAbsent(global.originLabel(), stack);
            if (other != null) {
                // The label may be a secret: say which key, never its value.
                clashes.add(other + " and " + stack + " use the same latency-edge:originLabel");
            }
            for (var name : global.domainNames()) {
                var owner = names.putIfAbsent(name, stack);
                if (owner != null) {
                    clashes.add(owner + " and " + stack + " both serve the public name " + name);
                }
            }
        }
        var stacks = plans.stream().flatMap(p -> p.stacks().stream()).toList();
        clashes.addAll(DnsRecordClaims.clashes(stacks));
        return List.copyOf(clashes);
    }

    public static void verify(List<EnvironmentPlan> plans) {
        var clashes = of(plans);
        if (!clashes.isEmpty()) {
            throw new PlanException("the environments clash:\n  " + String.join("\n  ", clashes));
        }
    }
}
