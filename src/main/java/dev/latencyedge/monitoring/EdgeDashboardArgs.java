package dev.latencyedge.monitoring;

import com.pulumi.core.Output;

import java.util.List;

/**
 * Inputs of {@link EdgeDashboard}.
 *
 * @param env               the environment
 * @param dashboardName     {@code <env>-latency-edge}
 * @param distributionId    the CloudFront distribution
 * @param regions           one panel per Region, in the order of {@code latency-edge:regions}
 * @param additionalMetrics whether to subscribe the distribution to CloudFront's additional metrics (billed) and
 *                          show its origin latency
 */
public record EdgeDashboardArgs(String env, String dashboardName, Output<String> distributionId, List<RegionPanel> regions,
                                boolean additionalMetrics) {

    public EdgeDashboardArgs {
        regions = List.copyOf(regions);
    }

    /**
     * What the dashboard shows of one Region.
     *
     * @param region                the Region code
     * @param healthCheckId         the calculated check the latency record uses (drain included)
     * @param endpointHealthCheckId the HTTPS check of the ALB, whose checkers report a percentage
     * @param albArnSuffix          the ALB's {@code LoadBalancer} dimension, {@code app/<name>/<id>}
     */
    public record RegionPanel(String region, String healthCheckId, String endpointHealthCheckId,
                              String albArnSuffix) {
    }
}
