package dev.latencyedge.operations;

import dev.latencyedge.operations.Route53Reader.Check;
import dev.latencyedge.operations.Route53Reader.Observation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route 53's verdict on a Region (developer guide, "How Amazon Route 53 determines whether a health check is
 * healthy"; AWS knowledge center route-53-fix-unhealthy-health-checks on Inverted).
 */
class RegionHealthTest {

    private static Check endpoint(boolean inverted, boolean disabled) {
        return new Check("hc-e", 1, "HTTPS", inverted, disabled, List.of(), 0);
    }

    private static Check calculated(int threshold, boolean inverted) {
        return new Check("hc-c", 1, "CALCULATED", inverted, false, List.of("hc-e"), threshold);
    }

    private static List<Observation> seen(String... statuses) {
        return java.util.Arrays.stream(statuses).map(s -> new Observation("us-east-1", s, Instant.EPOCH)).toList();
    }

    private static RegionHealth health(Check calculated, Check endpoint, List<Observation> observations) {
        return RegionHealth.evaluate("eu-west-1", List.of("eu-west-1"), calculated, endpoint, observations);
    }

    @Test
    void anEndpointIsHealthyWhenMoreThan18PercentOfCheckersSaySo() {
        var oneOfFive = seen("Success: HTTP Status Code 200, OK", "Failure: Connection timed out.",
                "Failure: Connection timed out.", "Failure: Connection timed out.", "Failure: Connection timed out.");
        assertTrue(health(calculated(1, false), endpoint(false, false), oneOfFive).healthy(), "20 % > 18 %");
        var oneOfSix = seen("Success: HTTP Status Code 200, OK", "Failure: a", "Failure: b", "Failure: c",
                "Failure: d", "Failure: e");
        var health = health(calculated(1, false), endpoint(false, false), oneOfSix);
        assertFalse(health.healthy(), "16.7 % is not more than 18 %");
        assertEquals(1, health.checkersHealthy());
        assertEquals(6, health.checkers());
    }

    @Test
    void invertingEitherCheckFlipsTheVerdictWhileTheCheckersStillSeeSuccess() {
        var ok = seen("Success: HTTP Status Code 200, OK", "Success: HTTP Status Code 200, OK");
        assertFalse(health(calculated(1, false), endpoint(true, false), ok).healthy());
        var invertedCalculated = health(calculated(1, true), endpoint(false, false), ok);
        assertFalse(invertedCalculated.healthy());
        assertEquals(2, invertedCalculated.checkersHealthy());
        assertTrue(invertedCalculated.why().contains("INVERTED"), invertedCalculated.why());
    }

    @Test
    void aThresholdAboveTheChildrenDrainsAndADisabledCheckCountsAsHealthy() {
        var failing = seen("Failure: HTTP Status Code 503", "Failure: HTTP Status Code 503");
        var drained = health(calculated(2, false), endpoint(false, false), seen("Success: HTTP Status Code 200, OK"));
        assertFalse(drained.healthy());
        assertTrue(drained.drained());
        assertTrue(health(calculated(1, false), endpoint(false, true), failing).healthy());
        assertTrue(health(calculated(0, false), endpoint(false, false), failing).healthy(), "threshold 0");
    }

    @Test
    void anEndpointNoCheckerHasReportedOnIsUnknown() {
        assertNull(health(calculated(1, false), endpoint(false, false), List.of()).healthy());
    }
}
