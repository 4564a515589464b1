package dev.latencyedge.regional;

import java.util.List;

/**
 * Names of a regional stack's exports. The first seven are a fixed interface the global stack (and people's
 * tooling) read; the rest let the global stack compute the failover budget from the Region's real settings.
 */
public final class RegionalOutputs {

    public static final String REGION = "region";
    public static final String ALB_ARN = "albArn";
    public static final String ALB_DNS_NAME = "albDnsName";
    public static final String ALB_ZONE_ID = "albZoneId";
    public static final String HEALTH_CHECK_ID = "healthCheckId";
    public static final String TARGET_GROUP_ARN = "targetGroupArn";
    public static final String ORIGIN_SECRET_FINGERPRINTS = "originSecretFingerprints";
    public static final String ENDPOINT_HEALTH_CHECK_ID = "endpointHealthCheckId";
    public static final String HEALTH_TARGET_GROUP_ARN = "healthTargetGroupArn";
    public static final String CERTIFICATE_NAMES = "certificateNames";
    public static final String TARGET_GROUP_BINDING = "targetGroupBinding";
    public static final String HEALTH_CHECK_REQUEST_INTERVAL = "healthCheckRequestInterval";
    public static final String HEALTH_CHECK_FAILURE_THRESHOLD = "healthCheckFailureThreshold";
    public static final String DRAINED = "drained";

    /** What the global stack needs from every Region. */
    public static final List<String> REQUIRED_BY_EDGE = List.of(REGION, ALB_ARN, ALB_DNS_NAME, ALB_ZONE_ID,
            HEALTH_CHECK_ID, TARGET_GROUP_ARN, ORIGIN_SECRET_FINGERPRINTS, HEALTH_CHECK_REQUEST_INTERVAL,
            HEALTH_CHECK_FAILURE_THRESHOLD, DRAINED, CERTIFICATE_NAMES, ENDPOINT_HEALTH_CHECK_ID);

    private RegionalOutputs() {
    }
}
