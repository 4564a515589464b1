package dev.latencyedge.operations;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route 53 allows 5 requests a second per account (developer guide, "Quotas"): this process sends at most 4. */
class Route53RateLimiterTest {

    private long now;
    private final List<Long> sent = new ArrayList<>();

    @Test
    void requestsAreSpacedAQuarterSecondApartByDefault() {
        var limiter = new Route53RateLimiter(Route53RateLimiter.DEFAULT_REQUESTS_PER_SECOND, () -> now,
                nanos -> now += nanos);
        for (int i = 0; i < 9; i++) {
            limiter.acquire();
            sent.add(now);
        }
        for (int i = 1; i < sent.size(); i++) {
            assertEquals(250_000_000L, sent.get(i) - sent.get(i - 1));
        }
        // Any one-second window holds at most 4 (the 5th comes a full second after the 1st).
        assertEquals(1_000_000_000L, sent.get(4) - sent.get(0));
    }

    @Test
    void timeAlreadySpentElsewhereIsNotWaitedAgain() {
        var limiter = new Route53RateLimiter(4, () -> now, nanos -> now += nanos);
        limiter.acquire();
        now += 2_000_000_000L;
        var before = now;
        limiter.acquire();
        assertEquals(before, now);
    }

    @Test
    void theRateVariableIsCheckedOnOneLine() {
        var error = assertThrows(OperationsException.class,
                () -> Route53RateLimiter.fromEnvironment(Map.of(Route53RateLimiter.RATE_VARIABLE, "fast")));
        assertEquals(ExitStatus.BAD_INPUT, error.exitStatus());
        assertTrue(error.getMessage().contains("LATENCY_EDGE_ROUTE53_RPS: must be a number"), error.getMessage());
    }

    /** Through the SDK: every request, each retry too, goes through the limiter before it reaches Route 53. */
    @Test
    void theSdkClientWaitsForEachSlotRetriesIncluded() throws Exception {
        try (var aws = new FakeAws(Instant::now); var sdk = AwsTestSupport.pointSdkAt(aws);
             var clients = new AwsClients(new Route53RateLimiter(20, System::nanoTime,
                     java.util.concurrent.TimeUnit.NANOSECONDS::sleep))) {
            aws.serve(AwsTestSupport.DEV_NAME, Map.of("eu-west-1", "eu-west-1"), Map.of());
            aws.failNext("GetHealthCheck", "Throttling");
            var reader = new Route53Reader(clients.route53());
            for (int i = 0; i < 5; i++) {
                reader.healthCheck("hc-rotation-eu-west-1");
            }
            var requests = aws.requests("/healthcheck/");
            assertEquals(6, requests.size(), "five answered, one throttled and retried");
            // Slots are 50 ms apart when sent; arrival jitters a little, so windows are checked, not single gaps.
            for (int i = 0; i + 3 < requests.size(); i++) {
                var spanMillis = (requests.get(i + 3).nanoTime() - requests.get(i).nanoTime()) / 1_000_000;
                assertTrue(spanMillis >= 120, "requests " + i + " to " + (i + 3) + " within " + spanMillis + " ms");
            }
        }
    }
}
