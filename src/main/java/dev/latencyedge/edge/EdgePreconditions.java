package dev.latencyedge.edge;

import dev.latencyedge.failover.FailoverBudget;
import dev.latencyedge.settings.ConfigException;
import dev.latencyedge.settings.GlobalSettings;

import java.util.ArrayList;
import java.util.Map;

import static dev.latencyedge.settings.ConfigKeys.*;

/**
 * Checks the global stack's settings against what the Regions exported, before the edge registers anything:
 * a secret some ALB would refuse means 403s from that Region, a Region whose certificate misses a public name
 * means 502s from it (CloudFront forwards the viewer's Host and checks the origin certificate against it), and a
 * Region whose health check is too slow breaks the environment's failover budget.
 */
public final class EdgePreconditions {

    static final String LOCATION = "checked against the regional stacks' outputs";

    private EdgePreconditions() {
    }

    public static void verify(GlobalSettings settings, Map<String, RegionalExports> byRegion) {
        var problems = new ArrayList<ConfigException.Problem>();
        var fingerprint = settings.common().originVerifySecret().fingerprint();
        var maxFailover = settings.common().maxFailoverSeconds();
        for (var entry : byRegion.entrySet()) {
            var region = entry.getKey();
            var exports = entry.getValue();
            if (!exports.region().equals(region)) {
                problems.add(new ConfigException.Problem(REGIONS, "stack " + exports.stackName()
                        + " exports region " + exports.region() + ", expected " + region));
            }
            if (!exports.originSecretFingerprints().contains(fingerprint)) {
                problems.add(new ConfigException.Problem(ORIGIN_VERIFY_SECRET, "is not accepted by Region " + region
                        + " (stack " + exports.stackName() + "): its ALB would answer CloudFront with 403."
                        + " Set the same value there (or as " + ORIGIN_VERIFY_SECRET_PREVIOUS
                        + " while rotating) and update that stack first"));
            }
            var uncovered = settings.domainNames().stream()
                    .filter(name -> exports.certificateNames().stream().noneMatch(c -> covers(c, name))).toList();
            if (!uncovered.isEmpty()) {
                problems.add(new ConfigException.Problem(uncovered.contains(settings.domain()) ? DOMAIN : EXTRA_DOMAINS,
                        String.join(", ", uncovered) + " not covered by the ALB certificate of Region " + region
                                + " (stack " + exports.stackName() + ", " + exports.certificateNames() + "):"
                                + " CloudFront would answer 502. Set the same " + DOMAIN + " and " + EXTRA_DOMAINS
                                + " there and update that stack first"));
            }
            var seconds = FailoverBudget.moveViewersSeconds(exports.healthCheckRequestInterval(),
                    exports.healthCheckFailureThreshold());
            maxFailover.filter(max -> seconds > max).ifPresent(max -> problems.add(new ConfigException.Problem(
                    MAX_FAILOVER_SECONDS, "Region " + region + " needs " + FailoverBudget.explain(
                    exports.healthCheckRequestInterval(), exports.healthCheckFailureThreshold())
                    + " to move viewers, over the maximum " + max)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(settings.common().stackName(), LOCATION, problems);
        }
    }

    /** Whether a certificate name covers a host: exactly, or as a wildcard over its parent (one label only). */
    static boolean covers(String certificateName, String host) {
        if (certificateName.startsWith("*.")) {
            var dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(certificateName.substring(2));
        }
        return certificateName.equals(host);
    }
}
