package dev.latencyedge.operations;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces Route 53 requests so this process stays under the API's 5 requests a second per account (Route 53
 * developer guide, "Quotas": "Number of requests ... five requests per second per AWS account"). It runs before
 * each attempt, retries included; what still gets throttled ({@code Throttling}, {@code PriorRequestNotComplete})
 * the SDK's standard retry strategy backs off from.
 */
public final class Route53RateLimiter implements ExecutionInterceptor {

    /** Below Route 53's 5 a second, leaving room for anything else the account runs. */
    public static final double DEFAULT_REQUESTS_PER_SECOND = 4;
    /** The environment variable that lowers (or, for a test server, raises) the rate. */
    public static final String RATE_VARIABLE = "LATENCY_EDGE_ROUTE53_RPS";

    /** Pauses the calling thread; a test hands a fake clock's. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextSlot = Long.MIN_VALUE;

    public Route53RateLimiter(double requestsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requests per second must be above 0, got " + requestsPerSecond);
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / requestsPerSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** At the default rate, or {@value #RATE_VARIABLE}'s when set, on the system clock. */
    public static Route53RateLimiter fromEnvironment(java.util.Map<String, String> environment) {
        var rate = DEFAULT_REQUESTS_PER_SECOND;
        var text = environment.get(RATE_VARIABLE);
        if (text != null && !text.isBlank()) {
            try {
                rate = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                rate = Double.NaN;
            }
            if (!(rate > 0)) {
                throw new OperationsException(ExitStatus.BAD_INPUT, RATE_VARIABLE
                        + ": must be a number of requests per second above 0, got '" + text + "'");
            }
        }
        return new Route53RateLimiter(rate, System::nanoTime, nanos -> TimeUnit.NANOSECONDS.sleep(nanos));
    }

    /** Waits for this request's slot: slots are {@code 1/rate} apart, whichever thread asks. */
    public void acquire() {
        long wait;
        synchronized (this) {
            var now = nanoTime.getAsLong();
            var slot = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                sleeper.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationsException(ExitStatus.AWS_ERROR, "interrupted while waiting to call Route 53", e);
            }
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        acquire();
    }
}
