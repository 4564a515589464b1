package dev.latencyedge.settings;

import java.util.List;

/**
 * Every configuration key the program reads. The names are an interface (stack files, CI, Deployments rely on
 * them); Pulumi.yaml declares each project key with its type, description and default, and a test keeps the
 * two in step.
 */
public final class ConfigKeys {

    public static final String NAMESPACE = "latency-edge";

    // Both roles (regional ALB certificates cover the public names, so regional stacks read them too).
    public static final String AWS_REGION = "aws:region";
    public static final String ROLE = key("role");
    public static final String ZONE = key("zone");
    public static final String ORIGIN_PARENT = key("originParent");
    public static final String ORIGIN_VERIFY_SECRET = key("originVerifySecret");
    public static final String ORIGIN_VERIFY_HEADER = key("originVerifyHeader");
    public static final String MAX_FAILOVER_SECONDS = key("maxFailoverSeconds");
    public static final String TAGS = key("tags");
    public static final String DOMAIN = key("domain");
    public static final String EXTRA_DOMAINS = key("extraDomains");

    // Regional stacks.
    public static final String CLUSTER_NAME = key("clusterName");
    public static final String PUBLIC_SUBNET_IDS = key("publicSubnetIds");
    public static final String HEALTH_PATH = key("healthPath");
    public static final String DRAIN = key("drain");
    public static final String HEALTH_CHECK_INTERVAL = key("healthCheckInterval");
    public static final String HEALTH_CHECK_FAILURE_THRESHOLD = key("healthCheckFailureThreshold");
    public static final String HEALTH_CHECK_REGIONS = key("healthCheckRegions");
    public static final String TARGET_PORT = key("targetPort");
    public static final String TARGET_TYPE = key("targetType");
    public static final String TARGET_SECURITY_GROUP_IDS = key("targetSecurityGroupIds");
    public static final String ALLOW_TARGET_GROUP_REPLACEMENT = key("allowTargetGroupReplacement");
    public static final String DELETION_PROTECTION = key("deletionProtection");
    public static final String ORIGIN_VERIFY_SECRET_PREVIOUS = key("originVerifySecretPrevious");
    public static final String INGRESS_SERVICE = key("ingressService");
    public static final String INGRESS_SERVICE_PORT = key("ingressServicePort");
    public static final String INGRESS_HEALTH_CHECK_PATH = key("ingressHealthCheckPath");
    public static final String HEALTH_SERVICE = key("healthService");
    public static final String HEALTH_SERVICE_PORT = key("healthServicePort");
    public static final String HEALTH_TARGET_PORT = key("healthTargetPort");
    public static final String ALARM_TOPIC_ARN = key("alarmTopicArn");

    // Global stacks.
    public static final String REGIONS = key("regions");
    public static final String ORIGIN_LABEL = key("originLabel");
    public static final String ROUTING_OVERRIDES = key("routingOverrides");
    public static final String PRICE_CLASS = key("priceClass");
    public static final String GEO_RESTRICTION = key("geoRestriction");
    public static final String WEB_ACL_ARN = key("webAclArn");
    public static final String DEFAULT_CACHE_POLICY = key("defaultCachePolicy");
    public static final String CACHE_BEHAVIORS = key("cacheBehaviors");
    public static final String ORIGIN_CONNECTION_ATTEMPTS = key("originConnectionAttempts");
    public static final String ORIGIN_CONNECTION_TIMEOUT = key("originConnectionTimeout");
    public static final String ORIGIN_READ_TIMEOUT = key("originReadTimeout");
    public static final String ORIGIN_KEEPALIVE_TIMEOUT = key("originKeepaliveTimeout");
    public static final String MAX_ORIGIN_REQUEST_SECONDS = key("maxOriginRequestSeconds");
    public static final String ORIGIN_HOST_HEADER = key("originHostHeader");
    public static final String ADDITIONAL_METRICS = key("additionalMetrics");

    /** The project keys, in the order Pulumi.yaml declares them. */
    public static final List<String> PROJECT_KEYS = List.of(
            ROLE, ZONE, ORIGIN_PARENT, ORIGIN_VERIFY_SECRET, ORIGIN_VERIFY_HEADER, MAX_FAILOVER_SECONDS, TAGS,
            DOMAIN, EXTRA_DOMAINS,
            CLUSTER_NAME, PUBLIC_SUBNET_IDS, HEALTH_PATH, DRAIN, HEALTH_CHECK_INTERVAL,
            HEALTH_CHECK_FAILURE_THRESHOLD, HEALTH_CHECK_REGIONS, TARGET_PORT, TARGET_TYPE, TARGET_SECURITY_GROUP_IDS,
            ALLOW_TARGET_GROUP_REPLACEMENT, DELETION_PROTECTION, ORIGIN_VERIFY_SECRET_PREVIOUS, INGRESS_SERVICE,
            INGRESS_SERVICE_PORT, INGRESS_HEALTH_CHECK_PATH, HEALTH_SERVICE, HEALTH_SERVICE_PORT, HEALTH_TARGET_PORT,
            ALARM_TOPIC_ARN,
            REGIONS, ORIGIN_LABEL, ROUTING_OVERRIDES, PRICE_CLASS, GEO_RESTRICTION,
            WEB_ACL_ARN, DEFAULT_CACHE_POLICY, CACHE_BEHAVIORS, ORIGIN_CONNECTION_ATTEMPTS,
            ORIGIN_CONNECTION_TIMEOUT, ORIGIN_READ_TIMEOUT, ORIGIN_KEEPALIVE_TIMEOUT, MAX_ORIGIN_REQUEST_SECONDS,
            ORIGIN_HOST_HEADER, ADDITIONAL_METRICS);

    private ConfigKeys() {
    }

    private static String key(String name) {
        return NAMESPACE + ":" + name;
    }
}
