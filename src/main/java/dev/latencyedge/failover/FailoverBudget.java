package dev.latencyedge.failover;

/**
 * How long a Region's failure hurts, computed from the actual settings.
 *
 * <p>Route 53 declares the Region unhealthy after about {@code requestInterval x failureThreshold} seconds; the
 * latency answer then changes, but resolvers keep the old one for the alias TTL (60 s, fixed for ALB targets).
 * Connections CloudFront opened to the failed Region before that keep being reused until the ALB closes them:
 * its client keep-alive is set to {@value #ALB_CLIENT_KEEP_ALIVE_SECONDS} s (the ALB default is 3600 s, the
 * lowest allowed 60 s), so the last of them is gone that much later. CloudFront would also keep serving a cached
 * 5xx for 10 s; the distribution caches 5xx answers for {@value #ERROR_CACHING_MIN_TTL_SECONDS} s instead.
 * Until viewers have moved, each request CloudFront sends to a dead origin can wait
 * {@code connectionAttempts x connectionTimeout} seconds before it fails.
 *
 * @param detectionSeconds     requestInterval x failureThreshold
 * @param dnsTtlSeconds        the alias record's TTL
 * @param keepAliveSeconds     the longest an open connection to the failed ALB lives on
 * @param moveViewersSeconds   detection + TTL + keep-alive: the window in which cache misses still reach the
 *                             dead Region
 * @param failedRequestSeconds the most one request to the dead origin costs before CloudFront gives up
 */
public record FailoverBudget(int detectionSeconds, int dnsTtlSeconds, int keepAliveSeconds, int moveViewersSeconds,
                             int failedRequestSeconds) {

    /** Alias records to an ALB take the ELB's TTL, which cannot be changed. */
    public static final int ALIAS_TTL_SECONDS = 60;
    /** The ALB's client keep-alive ({@code client_keep_alive.seconds}): AWS's minimum, 60 to 604800. */
    public static final int ALB_CLIENT_KEEP_ALIVE_SECONDS = 60;
    /** Error-caching minimum TTL of the distribution's 500, 502, 503 and 504 answers (CloudFront's default: 10). */
    public static final int ERROR_CACHING_MIN_TTL_SECONDS = 0;

    public static FailoverBudget of(int requestInterval, int failureThreshold, int connectionAttempts,
                                    int connectionTimeout) {
        return new FailoverBudget(requestInterval * failureThreshold, ALIAS_TTL_SECONDS,
                ALB_CLIENT_KEEP_ALIVE_SECONDS, moveViewersSeconds(requestInterval, failureThreshold),
                failedRequestSeconds(connectionAttempts, connectionTimeout));
    }

    public static int moveViewersSeconds(int requestInterval, int failureThreshold) {
        return requestInterval * failureThreshold + ALIAS_TTL_SECONDS + ALB_CLIENT_KEEP_ALIVE_SECONDS;
    }

    /** The arithmetic behind {@link #moveViewersSeconds}, as people read it in messages and the summary. */
    public static String explain(int requestInterval, int failureThreshold) {
        return requestInterval + " s x " + failureThreshold + " + " + ALIAS_TTL_SECONDS + " s TTL + "
                + ALB_CLIENT_KEEP_ALIVE_SECONDS + " s ALB keep-alive = "
                + moveViewersSeconds(requestInterval, failureThreshold) + " s";
    }

    public static int failedRequestSeconds(int connectionAttempts, int connectionTimeout) {
        return connectionAttempts * connectionTimeout;
    }
}
