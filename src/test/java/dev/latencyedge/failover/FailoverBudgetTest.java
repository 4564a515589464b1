package dev.latencyedge.failover;

import dev.latencyedge.stackfiles.StackFile;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.HealthCheckSettings;
import dev.latencyedge.settings.RegionalSettings;
import dev.latencyedge.settings.SettingsLoader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailoverBudgetTest {

    // The ALB keeps client connections for 3600 s by default, so CloudFront could stay on a failed Region's open
    // connections; the ALB's client keep-alive is set to AWS's minimum of 60 s, and that is part of the budget.
    @Test
    void detectionPlusTheAliasTtlPlusTheAlbKeepAliveAndAttemptsTimesTimeout() {
        assertEquals(new FailoverBudget(20, 60, 60, 140, 10), FailoverBudget.of(10, 2, 2, 5));
        assertEquals(new FailoverBudget(90, 60, 60, 210, 30), FailoverBudget.of(30, 3, 3, 10));
        assertEquals("10 s x 2 + 60 s TTL + 60 s ALB keep-alive = 140 s", FailoverBudget.explain(10, 2));
    }

    @Test
    void defaultsMoveViewersIn210SecondsAndCostTenSecondsPerDeadOriginRequest() {
        assertEquals(210, FailoverBudget.moveViewersSeconds(HealthCheckSettings.DEFAULT_INTERVAL,
                HealthCheckSettings.DEFAULT_FAILURE_THRESHOLD));
        assertEquals(10, FailoverBudget.failedRequestSeconds(2, 5));
    }

    @Test
    void healthChecksCostThreeDollarsFastAndTwoDollarsStandardPerRegionPerMonth() {
        var fast = new HealthCheckSettings("/healthz", 10, 2, List.of("us-east-1", "eu-west-1", "ap-southeast-1"), false);
        var standard = new HealthCheckSettings("/healthz", 30, 3, List.of("us-east-1", "eu-west-1", "ap-southeast-1"), false);
        assertEquals(new BigDecimal("3.00"), HealthCheckPricing.monthlyUsdPerRegion(fast));
        assertEquals(new BigDecimal("2.00"), HealthCheckPricing.monthlyUsdPerRegion(standard));
    }

    @Test
    void committedProdMeetsItsBudgetAndDevUsesCheaperChecks() {
        for (var region : List.of("us-east-1", "eu-west-1", "ap-southeast-1")) {
            var health = ((RegionalSettings) SettingsLoader.load(StackFile.read(Path.of("."), "prod-" + region))).health();
            assertEquals(10, health.requestInterval());
            assertTrue(FailoverBudget.moveViewersSeconds(health.requestInterval(), health.failureThreshold()) <= 150);
        }
        var prod = (GlobalSettings) SettingsLoader.load(StackFile.read(Path.of("."), "prod"));
        assertTrue(FailoverBudget.failedRequestSeconds(prod.cdn().origin().connectionAttempts(),
                prod.cdn().origin().connectionTimeout()) <= 10);
        var dev = ((RegionalSettings) SettingsLoader.load(StackFile.read(Path.of("."), "dev-eu-west-1"))).health();
        assertEquals(30, dev.requestInterval());
    }
}
