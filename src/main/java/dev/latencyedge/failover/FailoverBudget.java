package dev.latencyedge.failover;

/**
 * How long a Region's failure hurts, computed from the actual settings.
 *
 * <p>Route 53 declares the Region unhealthy after about {@code requestInterval x failureThreshold} seconds; the
 * latency answer then changes, but resolvers keep the old one for the alias TTL (60 s, fixed for ALB targets).
 * Until viewers have moved, each request CloudFront sends to the dead origin can wait
 * {@code connectionAttempts x connectionTimeout} seconds before it fails.
 *
 * @param detectionSeconds     requestInterval x failureThreshold
 * @param dnsTtlSeconds        the alias record's TTL
 * @param moveViewersSeconds   detection + TTL: the window in which cache misses still reach the dead Region
 * @param failedRequestSeconds the most one request to the dead origin costs before CloudFront gives up
 */
public record FailoverBudget(int detectionSeconds, int dnsTtlSeconds, int moveViewersSeconds,
                             int failedRequestSeconds) {

    /** Alias records to an ALB take the ELB's TTL, which cannot be changed. */
    public static final int ALIAS_TTL_SECONDS = 60;

    public static FailoverBudget of(int requestInterval, int failureThreshold, int connectionAttempts,
                                    int connectionTimeout) {
        var detection = requestInterval * failureThreshold;
        return new FailoverBudget(detection, ALIAS_TTL_SECONDS, moveViewersSeconds(requestInterval, failureThreshold),
                failedRequestSeconds(connectionAttempts, connectionTimeout));
    }

    public static int moveViewersSeconds(int requestInterval, int failureThreshold) {
        return requestInterval * failureThreshold + ALIAS_TTL_SECONDS;
    }

    public static int failedRequestSeconds(int connectionAttempts, int connectionTimeout) {
        return connectionAttempts * connectionTimeout;
    }
}
