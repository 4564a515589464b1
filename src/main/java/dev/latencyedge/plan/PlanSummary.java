package dev.latencyedge.plan;

import dev.latencyedge.fakecloud.FakeCloud;

import dev.latencyedge.edge.CdnDistribution;
import dev.latencyedge.edge.GlobalStack;
import dev.latencyedge.failover.FailoverBudget;
import dev.latencyedge.failover.HealthCheckPricing;
import dev.latencyedge.regional.RegionalOutputs;
import dev.latencyedge.settings.ConfigKeys;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.RegionalSettings;

import java.util.TreeMap;

/** What a person reads at a glance after a plan: resources, routing, health, failover budget and cost. */
public final class PlanSummary {

    /** What every resource count counts (the diff says the same). */
    public static final String COUNTED = "Resources are counted as pulumi preview counts them: the stack itself, its"
            + " components and providers included; stack references, which are only read, are not.";

    /** How a regional stack the global stack does not list yet is shown. */
    private static final String NOT_LISTED = "not yet in the latency set";

    private PlanSummary() {
    }

    public static String render(EnvironmentPlan plan) {
        var global = (GlobalSettings) plan.global().settings();
        var out = new StringBuilder();
        out.append("Offline plan of ").append(global.common().env())
                .append(" (fake cloud, account ").append(FakeCloud.ACCOUNT).append("; nothing was sent to AWS)\n")
                .append(COUNTED).append("\n");

        for (var stack : plan.stacks()) {
            var counts = new TreeMap<String, Integer>();
            stack.resources().forEach(r -> counts.merge(r.op() + " " + r.type(), 1, Integer::sum));
            var region = stack.settings().common().region();
            var reads = stack.resources().stream().filter(r -> r.op().equals("read")).count();
            out.append("\n").append(stack.stackName()).append(" (")
                    .append(stack.settings() instanceof RegionalSettings ? "region " + region : "global")
                    .append(plan.candidates().containsValue(stack) ? ", " + NOT_LISTED : "")
                    .append("): ").append(stack.resources().size() - reads).append(" resources to create")
                    .append(reads > 0 ? ", " + reads + " stack references to read" : "").append("\n");
            counts.forEach((type, n) -> out.append(String.format("  %3d  %s%n", n, type)));
        }
        protection(plan, out);

        var connection = global.cdn().origin();
        out.append("\nRouting: latency label -> serving Region -> ALB\n");
        global.routingTable().forEach((label, region) -> out.append(String.format("  %-15s -> %-15s -> %s%n",
                label, region, plan.regionals().get(region).exports().get(RegionalOutputs.ALB_DNS_NAME))));

        out.append("\nHealth checks (the latency record of each Region uses its calculated check; the check's request"
                + " reaches the application's health Service, not the ingress controller)\n");
        var budgets = new TreeMap<String, String>();
        plan.regionals().forEach((region, stack) -> {
            var settings = (RegionalSettings) stack.settings();
            var health = settings.health();
            var app = settings.target().application();
            out.append(String.format("  %-15s %s  HTTPS %s%s -> %s (%s port %d)%n", region,
                    stack.exports().get(RegionalOutputs.HEALTH_CHECK_ID),
                    stack.exports().get(RegionalOutputs.ALB_DNS_NAME), health.path(), app,
                    settings.target().type().equals("ip") ? "pod" : "node", app.targetPort()));
            out.append(String.format("  %-15s every %d s, unhealthy after %d  %s  $%s/month%n", "",
                    health.requestInterval(), health.failureThreshold(), health.drain() ? "DRAINED" : "in rotation",
                    HealthCheckPricing.monthlyUsdPerRegion(health)));
            budgets.put(region, FailoverBudget.explain(health.requestInterval(), health.failureThreshold())
                    + " to move viewers");
        });

        out.append("\nFailover budget (").append(GlobalStack.FAILOVER_BUDGET_SECONDS).append(")\n");
        budgets.forEach((region, line) -> out.append(String.format("  %-15s %s%n", region, line)));
        out.append(String.format("  each request to a dead origin waits at most %d attempts x %d s = %d s%n",
                connection.connectionAttempts(), connection.connectionTimeout(),
                FailoverBudget.failedRequestSeconds(connection.connectionAttempts(), connection.connectionTimeout())));
        out.append(String.format("  CloudFront caches the origin's %s answers for %d s%n",
                CdnDistribution.FAILOVER_ERROR_CODES.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")),
                FailoverBudget.ERROR_CACHING_MIN_TTL_SECONDS));

        if (!plan.candidates().isEmpty()) {
            var env = global.common().env();
            out.append("\nNot yet in the latency set (").append(env).append("'s stacks of Regions that ")
                    .append(ConfigKeys.REGIONS).append(" in Pulumi.").append(env)
                    .append(".yaml does not list; the edge sends them nothing until it does)\n");
            plan.candidates().forEach((region, stack) -> out.append(String.format("  %-15s %s -> %s%n", region,
                    stack.stackName(), stack.exports().get(RegionalOutputs.ALB_DNS_NAME))));
        }

        if (!plan.placeholders().isEmpty()) {
            out.append("\nSecure values: these could not be decrypted offline and were replaced by fake placeholders:\n");
            plan.placeholders().forEach((stack, undecrypted) -> out.append("  ").append(stack).append(": ")
                    .append(String.join(", ", undecrypted.keys())).append(" (").append(undecrypted.reason())
                    .append(")\n"));
        }
        return out.toString();
    }

    /** What pulumi or AWS will refuse to replace or delete, with what lifts it, and what a deletion leaves in AWS. */
    private static void protection(EnvironmentPlan plan, StringBuilder out) {
        var protectedLines = new java.util.ArrayList<String>();
        var retainedLines = new java.util.ArrayList<String>();
        for (var stack : plan.stacks()) {
            var byLift = new java.util.TreeMap<String, java.util.List<String>>();
            var retained = new java.util.ArrayList<String>();
            for (var r : stack.resources()) {
                if (r.lifecycle().protect()) {
                    var setting = ProtectionSettings.UNPROTECTED_BY.get(r.type());
                    byLift.computeIfAbsent("protect, lifted by " + (setting == null ? "removing the option"
                            : setting + ": true"), k -> new java.util.ArrayList<>()).add(r.name());
                }
                if (r.type().equals(ProtectionSettings.LOAD_BALANCER)
                        && Boolean.TRUE.equals(r.inputs().get(ProtectionSettings.DELETION_PROTECTION_INPUT))) {
                    byLift.computeIfAbsent("AWS deletion protection, lifted by "
                            + dev.latencyedge.settings.ConfigKeys.DELETION_PROTECTION + ": false",
                            k -> new java.util.ArrayList<>()).add(r.name());
                }
                if (r.lifecycle().retainOnDelete()) {
                    retained.add(r.name());
                }
            }
            byLift.forEach((lift, names) -> protectedLines.add(String.format("  %-15s %s (%s)%n", stack.stackName(),
                    String.join(", ", names), lift)));
            if (!retained.isEmpty()) {
                retainedLines.add(String.format("  %-15s %s%n", stack.stackName(), String.join(", ", retained)));
            }
        }
        if (!protectedLines.isEmpty()) {
            out.append("\nProtected: pulumi refuses to replace or delete these, or AWS to delete them\n");
            protectedLines.forEach(out::append);
        }
        if (!retainedLines.isEmpty()) {
            out.append("\nKept in AWS when deleted (retainOnDelete): deleting them only takes them out of the stack\n");
            retainedLines.forEach(out::append);
        }
    }
}
