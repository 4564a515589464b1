package dev.latencyedge.settings;

import java.util.List;

/**
 * The Route 53 health check of one Region.
 *
 * @param path             path on the ALB that answers 2xx/3xx while the Region can serve (no header needed)
 * @param requestInterval  10 (fast, extra cost) or 30 seconds; cannot change after creation
 * @param failureThreshold consecutive failures before the Region counts as unhealthy, 1..10
 * @param checkerRegions   at least three Route 53 health-checker Regions
 * @param drain            take the Region out of rotation without touching DNS records
 */
public record HealthCheckSettings(
        String path, int requestInterval, int failureThreshold, List<String> checkerRegions, boolean drain) {

    public static final String DEFAULT_PATH = "/healthz";
    public static final int DEFAULT_INTERVAL = 30;
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;
    public static final List<String> DEFAULT_CHECKER_REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-1");

    public HealthCheckSettings {
        checkerRegions = List.copyOf(checkerRegions);
    }
}
