package dev.latencyedge.failover;

import dev.latencyedge.settings.HealthCheckSettings;

import java.math.BigDecimal;

/**
 * What a Region's health checks cost per month (Route 53 prices for AWS endpoints): $0.50 per check, and $1.00
 * for each option on it (HTTPS, string matching, fast interval, latency measurement). Each Region has one HTTPS
 * endpoint check and one calculated check on top of it.
 */
public final class HealthCheckPricing {

    public static final BigDecimal BASE_PER_CHECK = new BigDecimal("0.50");
    public static final BigDecimal PER_OPTION = new BigDecimal("1.00");

    private HealthCheckPricing() {
    }

    /** Monthly USD for one Region's checks with these settings. */
    public static BigDecimal monthlyUsdPerRegion(HealthCheckSettings health) {
        var endpoint = BASE_PER_CHECK.add(PER_OPTION); // HTTPS
        if (health.requestInterval() == 10) {
            endpoint = endpoint.add(PER_OPTION);
        }
        var calculated = BASE_PER_CHECK;
        return endpoint.add(calculated);
    }
}
