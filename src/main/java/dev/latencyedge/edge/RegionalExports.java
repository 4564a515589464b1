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
        List<String> certificateNames) {

    public RegionalExports {
        originSecretFingerprints = List.copyOf(originSecretFingerprints);
        certificateNames = List.copyOf(certificateNames);
    }
}
