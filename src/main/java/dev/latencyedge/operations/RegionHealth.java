package dev.latencyedge.operations;

import dev.latencyedge.operations.Route53Reader.Check;
import dev.latencyedge.operations.Route53Reader.Observation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A serving Region's health as Route 53 decides it, from the latency records' health check (the Region's
 * calculated check) and its endpoint child.
 *
 * <p>Route 53's rules (developer guide, "How Amazon Route 53 determines whether a health check is healthy"): an
 * endpoint is healthy when more than 18 % of its checkers see it healthy; a calculated check is healthy when at
 * least {@code HealthThreshold} children are; {@code Inverted} flips the result, and the checkers' own observations
 * stay as they probed (AWS knowledge center, route-53-fix-unhealthy-health-checks: "Route 53 considers the health
 * check unhealthy when the health checkers mark the health check as healthy"); a disabled check counts as healthy.
 * A threshold above the number of children is always unhealthy: that is how a Region is drained.
 *
 * @param region          the serving Region
 * @param healthy         Route 53's verdict, null when it cannot be told (no observations yet)
 * @param checkersHealthy checker Regions that saw the endpoint healthy at their last observation
 * @param checkers        checker Regions reporting
 * @param drained         the calculated check's threshold is above its children
 * @param labels          latency labels this Region answers for (its own, and routing overrides)
 * @param why             the reasoning, for a person
 * @param healthCheckId   the records' check (the Region's calculated check), empty when they have none
 * @param check           that check as read, which the drill inverts; empty when the records have none
 */
public record RegionHealth(String region, Boolean healthy, int checkersHealthy, int checkers, boolean drained,
                           List<String> labels, String why, String healthCheckId, Optional<Check> check) {

    /** More than this share of checkers must see an endpoint healthy. */
    static final double HEALTHY_SHARE = 0.18;

    public RegionHealth {
        labels = List.copyOf(labels);
    }

    /** Reads the Region's checks from Route 53 and evaluates them. */
    public static RegionHealth read(Route53Reader route53, String region, List<String> labels, String healthCheckId) {
        if (healthCheckId.isEmpty()) {
            return new RegionHealth(region, true, 0, 0, false, labels,
                    "no health check on its records: Route 53 treats them as healthy", "", Optional.empty());
        }
        var check = route53.healthCheck(healthCheckId);
        if (!check.calculated()) {
            return evaluate(region, labels, null, check, route53.observations(check.id()));
        }
        if (check.children().isEmpty()) {
            return evaluate(region, labels, check, null, List.of());
        }
        var endpoint = route53.healthCheck(check.children().get(0));
        return evaluate(region, labels, check, endpoint, route53.observations(endpoint.id()));
    }

    /**
     * @param calculated   the records' calculated check, or null when the records use the endpoint check directly
     * @param endpoint     its (first) child, or the records' own endpoint check; null when it has none
     * @param observations the endpoint's checkers' last observations
     */
    static RegionHealth evaluate(String region, List<String> labels, Check calculated, Check endpoint,
                                 List<Observation> observations) {
        var healthyCheckers = (int) observations.stream().filter(Observation::healthy).count();
        var why = new StringBuilder();
        Boolean endpointHealthy = null;
        if (endpoint != null) {
            why.append("endpoint check ").append(endpoint.id()).append(": ");
            if (endpoint.disabled()) {
                endpointHealthy = true;
                why.append("disabled (counts as healthy)");
            } else if (observations.isEmpty()) {
                why.append("no checker has reported yet");
            } else {
                var seen = (double) healthyCheckers / observations.size() > HEALTHY_SHARE;
                endpointHealthy = seen != endpoint.inverted();
                why.append(healthyCheckers).append(" of ").append(observations.size())
                        .append(" checkers see it healthy");
                if (endpoint.inverted()) {
                    why.append(", INVERTED so ").append(endpointHealthy ? "healthy" : "unhealthy");
                }
                observations.stream().max(Comparator.comparing(Observation::checkedTime))
                        .ifPresent(o -> why.append(" (last: ").append(o.checkerRegion()).append(" \"")
                                .append(o.status()).append("\")"));
            }
        }
        if (calculated == null) {
            return new RegionHealth(region, endpointHealthy, healthyCheckers, observations.size(), false, labels,
                    why.toString(), endpoint == null ? "" : endpoint.id(), Optional.ofNullable(endpoint));
        }
        var children = calculated.children().size();
        var threshold = calculated.healthThreshold();
        var drained = threshold > children;
        if (why.length() > 0) {
            why.append("; ");
        }
        why.append("calculated check ").append(calculated.id()).append(": threshold ").append(threshold)
                .append(" of ").append(children).append(children == 1 ? " child" : " children");
        Boolean healthy;
        if (calculated.disabled()) {
            healthy = true;
            why.append(", disabled (counts as healthy)");
        } else if (drained) {
            healthy = calculated.inverted();
            why.append(", DRAINED (threshold above its children)");
        } else if (threshold == 0) {
            healthy = !calculated.inverted();
        } else if (endpointHealthy == null || children > 1) {
            // Only the first child is read: with more, or an unknown one, Route 53's verdict cannot be told here.
            healthy = null;
        } else {
            healthy = (endpointHealthy ? 1 : 0) >= threshold != calculated.inverted();
        }
        if (calculated.inverted()) {
            why.append(", INVERTED");
        }
        return new RegionHealth(region, healthy, healthyCheckers, observations.size(), drained, labels,
                why.toString(), calculated.id(), Optional.of(calculated));
    }
}
