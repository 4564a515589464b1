package dev.latencyedge.plan;

import dev.latencyedge.settings.AwsRegions;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.RegionalSettings;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Mermaid flowchart of an evaluated environment ({@code plan} writes it as {@code <out>/<env>.mmd}): viewers,
 * the distribution, the latency name, each latency label and the Region that serves it, each Region's health
 * check. A drained Region and its check are drawn grey and dashed; a routing override's label and edge are
 * dashed blue. The diff marks the nodes a change touches ({@link #withChanged}).
 *
 * <p>Only the plainly documented flowchart subset is used (mermaid.js.org, "Flowcharts - Basic Syntax"): node ids
 * of letters, digits and {@code _}; quoted labels, where {@code "} is written {@code #quot;} (and {@code #},
 * {@code <}, {@code >} as entity codes, so configured text cannot inject markup) and {@code <br/>} breaks a
 * line; edges {@code -->} and {@code -.->} with {@code |text|}; {@code classDef} and {@code class}.
 */
public final class EnvironmentPicture {

    /** The class the diff gives changed nodes. */
    static final String CHANGED = "changed";
    private static final Pattern NODE_DEFINITION = Pattern.compile("^ {4}([A-Za-z0-9_]+)[\\[({]", Pattern.MULTILINE);

    private EnvironmentPicture() {
    }

    public static String render(EnvironmentPlan plan) {
        var global = (GlobalSettings) plan.global().settings();
        var out = new StringBuilder("flowchart LR\n");
        var origin = global.originLabelIsSecret() ? "(secret label)." + global.common().originParent()
                : global.originHost();
        line(out, "viewers([\"Viewers\"])");
        line(out, "cdn[\"" + text("CloudFront distribution") + "<br/>"
                + String.join("<br/>", global.domainNames().stream().map(EnvironmentPicture::text).toList()) + "\"]");
        line(out, "latency{{\"" + text("Route 53 latency records") + "<br/>" + text(origin) + "\"}}");
        line(out, "viewers -->|HTTPS| cdn");
        line(out, "cdn -->|cache miss| latency");
        var drained = new LinkedHashSet<String>();
        plan.regionals().forEach((region, stack) -> {
            var settings = (RegionalSettings) stack.settings();
            var health = settings.health();
            if (health.drain()) {
                drained.add(region(region));
                drained.add(check(region));
            }
            line(out, region(region) + "[\"" + text(region + (health.drain() ? " (drained)" : "")) + "<br/>"
                    + text("ALB, EKS " + settings.clusterName()) + "\"]");
            line(out, check(region) + "[[\"" + text("health check " + region) + "<br/>" + text("HTTPS "
                    + health.path() + " every " + health.requestInterval() + " s, unhealthy after "
                    + health.failureThreshold()) + "\"]]");
            line(out, check(region) + " -.->|" + (health.drain() ? "drained" : "in rotation") + "| " + region(region));
        });
        var overrides = new LinkedHashSet<String>();
        global.routingTable().forEach((label, region) -> {
            var override = global.routingOverrides().containsKey(label);
            line(out, label(label) + "([\"" + text("nearest " + label) + (override ? "<br/>" + text("(override)") : "")
                    + "\"])");
            line(out, "latency --> " + label(label));
            line(out, label(label) + (override ? " -.->|routing override| " : " --> ") + region(region));
            if (override) {
                overrides.add(label(label));
            }
        });
        if (!drained.isEmpty()) {
            line(out, "classDef drained fill:#f6f8fa,stroke:#6a737d,stroke-dasharray:5 5,color:#6a737d");
            line(out, "class " + String.join(",", drained) + " drained");
        }
        if (!overrides.isEmpty()) {
            line(out, "classDef override stroke:#0366d6,stroke-dasharray:3 3");
            line(out, "class " + String.join(",", overrides) + " override");
        }
        return out.toString();
    }

    /**
     * The picture with the given nodes outlined as changed; ids the picture does not draw (a Region the change
     * removes) are left out, since a {@code class} line would draw them as new bare nodes.
     */
    public static String withChanged(String picture, Collection<String> nodeIds) {
        var drawn = new LinkedHashSet<String>();
        NODE_DEFINITION.matcher(picture).results().forEach(m -> drawn.add(m.group(1)));
        var changed = nodeIds.stream().filter(drawn::contains).distinct().sorted().toList();
        if (changed.isEmpty()) {
            return picture;
        }
        return picture + "    classDef " + CHANGED + " stroke:#d73a49,stroke-width:4px\n"
                + "    class " + String.join(",", changed) + " " + CHANGED + "\n";
    }

    /**
     * The node that shows a resource of an environment's plan, if any: in a regional stack its health checks (and
     * their alarm) are the Region's check, everything else the Region; in the global stack a latency record is its
     * label, the latency component the latency name, the distribution and viewer certificate the distribution.
     */
    public static Optional<String> nodeOf(String env, String stack, String type, String name) {
        if (stack.equals(env)) {
            if (name.equals("origin")) {
                return Optional.of("latency");
            }
            if (name.startsWith("origin-")) {
                var rest = name.substring("origin-".length());
                return AwsRegions.CODES.stream().filter(c -> rest.equals(c) || rest.startsWith(c + "-"))
                        .max(Comparator.comparingInt(String::length)).map(EnvironmentPicture::label);
            }
            return name.startsWith("cdn") || name.startsWith("viewer") ? Optional.of("cdn") : Optional.empty();
        }
        var prefix = env + "-";
        if (!stack.startsWith(prefix) || !AwsRegions.CODES.contains(stack.substring(prefix.length()))) {
            return Optional.empty();
        }
        var region = stack.substring(prefix.length());
        var isCheck = type.startsWith("aws:route53/healthCheck:") || type.startsWith("aws:cloudwatch/metricAlarm:")
                || type.equals("latency-edge:regional:RegionalHealthCheck");
        return Optional.of(isCheck ? check(region) : region(region));
    }

    private static String region(String region) {
        return "region_" + id(region);
    }

    private static String check(String region) {
        return "check_" + id(region);
    }

    private static String label(String label) {
        return "label_" + id(label);
    }

    /** Region codes hold {@code -}, which a node id may not. */
    private static String id(String code) {
        return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** Text inside a quoted label, with Mermaid's entity codes for what would end or mark it up. */
    static String text(String raw) {
        return raw.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }

    private static void line(StringBuilder out, String line) {
        out.append("    ").append(line).append('\n');
    }
}
