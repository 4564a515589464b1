package dev.latencyedge.edge;

import java.util.List;

/**
 * What one regional stack exported, as plain values: stack references are read (and checked) before the edge
 * registers anything.
 */
public record RegionalExports(
        String stackName,
        String region,
        String albArn,
        String albDnsName,
        String albZoneId,
        String healthCheckId,
        String targetGroupArn,
        List<String> originSecretFingerprints,
        int healthCheckRequestInterval,
        int healthCheckFailureThreshold,
        boolean drained,
        List<String> certificateNames,
        String endpointHealthCheckId) {

    public RegionalExports {
        originSecretFingerprints = List.copyOf(originSecretFingerprints);
        certificateNames = List.copyOf(certificateNames);
    }

    /**
     * The ALB's CloudWatch dimension {@code LoadBalancer}: "the final portion of the load balancer ARN",
     * {@code app/<name>/<id>} (Elastic Load Balancing user guide, "CloudWatch metrics for your Application Load
     * Balancer", Metric dimensions), which the ARN already holds, so the Region need not export it again.
     */
    public String albArnSuffix() {
        var marker = ":loadbalancer/";
        var at = albArn.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("regional stack " + stackName + ": albArn " + albArn
                    + " is not a load balancer ARN");
        }
        return albArn.substring(at + marker.length());
    }
}
