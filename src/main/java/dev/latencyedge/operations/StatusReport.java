package dev.latencyedge.operations;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What status found, and its two renderings. The JSON shape is fixed (issue 21): {@code {"environment",
 * "latencyName", "regions": {"<region>": {"healthy", "checkersHealthy", "checkers", "drained", "labels", "why"}},
 * "vantages": {"<name or ip>": {"answeredBy", "label", "clientIp"}}, "metrics": {...}}}.
 *
 * @param metrics empty when metrics were not asked for (the drill)
 */
public record StatusReport(String environment, String latencyName, String zone, Map<String, RegionHealth> regions,
                           Map<String, Vantage> vantages, Optional<Map<String, Object>> metrics) {

    /** Route 53's answer to one vantage point: the serving Region and label its TXT record names. */
    public record Vantage(String clientIp, Optional<String> answeredBy, Optional<String> label, String responseCode) {
    }

    public StatusReport {
        regions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        vantages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vantages));
    }

    /** Serving Regions that Route 53 sees healthy and that answer for at least one label. */
    public List<String> healthyServing() {
        return regions.values().stream().filter(r -> Boolean.TRUE.equals(r.healthy()) && !r.labels().isEmpty())
                .map(RegionHealth::region).toList();
    }

    /** Vantage points Route 53 answers with this Region. */
    public List<String> servedBy(String region) {
        return vantages.entrySet().stream().filter(e -> e.getValue().answeredBy().filter(region::equals).isPresent())
                .map(Map.Entry::getKey).toList();
    }

    public String json() {
        var root = new LinkedHashMap<String, Object>();
        root.put("environment", environment);
        root.put("latencyName", latencyName);
        var regionsJson = new LinkedHashMap<String, Object>();
        regions.forEach((region, health) -> {
            var r = new LinkedHashMap<String, Object>();
            r.put("healthy", health.healthy());
            r.put("checkersHealthy", health.checkersHealthy());
            r.put("checkers", health.checkers());
            r.put("drained", health.drained());
            r.put("labels", health.labels());
            r.put("why", health.why());
            regionsJson.put(region, r);
        });
        root.put("regions", regionsJson);
        var vantagesJson = new LinkedHashMap<String, Object>();
        vantages.forEach((name, vantage) -> {
            var v = new LinkedHashMap<String, Object>();
            v.put("answeredBy", vantage.answeredBy().orElse(null));
            v.put("label", vantage.label().orElse(null));
            v.put("clientIp", vantage.clientIp());
            vantagesJson.put(name, v);
        });
        root.put("vantages", vantagesJson);
        root.put("metrics", metrics.orElse(Map.of()));
        return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    public String text() {
        var out = new StringBuilder();
        out.append("Environment ").append(environment).append(": latency name ").append(latencyName)
                .append(" in zone ").append(zone).append(" (read from Route 53)\n");
        out.append("\nRegions (Route 53's verdict on each Region's health check)\n");
        regions.forEach((region, health) -> {
            var verdict = health.healthy() == null ? "UNKNOWN" : health.healthy() ? "healthy" : "UNHEALTHY";
            out.append(String.format("  %-15s %-9s %d/%d checkers%s  labels: %s%n", region, verdict,
                    health.checkersHealthy(), health.checkers(), health.drained() ? "  DRAINED" : "",
                    health.labels().isEmpty() ? "none" : String.join(", ", health.labels())));
            out.append("  ").append(" ".repeat(15)).append(' ').append(health.why()).append('\n');
        });
        out.append("\nVantage points (TestDNSAnswer, TXT, EDNS0 client subnet): Route 53 answers with\n");
        vantages.forEach((name, vantage) -> out.append(String.format("  %-15s %-16s -> %s%n", name,
                vantage.clientIp(), vantage.answeredBy().map(r -> r + " (label " + vantage.label().orElse("?") + ")")
                        .orElse("no latency-edge TXT answer (" + vantage.responseCode() + ")"))));
        metrics.ifPresent(m -> {
            out.append("\nMetrics (CloudWatch, ").append(m.get("window")).append(")\n");
            out.append("  CloudFront: ").append(describe(m.get("cloudfront"))).append('\n');
            if (m.get("regions") instanceof Map<?, ?> albs) {
                albs.forEach((region, alb) -> out.append(String.format("  %-15s ALB: %s%n", region, describe(alb))));
            }
            out.append("  Route 53 HealthCheckStatus (1 healthy, 0 not): ").append(describe(m.get("healthCheckStatus")))
                    .append('\n');
        });
        return out.toString();
    }

    private static String describe(Object part) {
        if (part instanceof Map<?, ?> map) {
            var pieces = new java.util.ArrayList<String>();
            map.forEach((k, v) -> pieces.add(k + " " + (v == null ? "no data" : v)));
            return String.join(", ", pieces);
        }
        return String.valueOf(part);
    }
}
