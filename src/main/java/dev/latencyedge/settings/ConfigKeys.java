package dev.latencyedge.settings;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every configuration key the program reads, and which roles read it: the one table the settings, the check of
 * unread keys, Pulumi.yaml and the README's configuration table are held to (a test keeps {@link SettingsLoader}
 * reading exactly these). The names are an interface (stack files, CI, Deployments rely on them).
 */
public final class ConfigKeys {

    public static final String NAMESPACE = "latency-edge";

    private static final Set<Role> BOTH = Collections.unmodifiableSet(EnumSet.allOf(Role.class));
    private static final Set<Role> REGION = Collections.unmodifiableSet(EnumSet.of(Role.REGION));
    private static final Set<Role> GLOBAL = Collections.unmodifiableSet(EnumSet.of(Role.GLOBAL));
    /** Key -> the roles that read it, in the order Pulumi.yaml declares them; filled by the declarations below. */
    private static final Map<String, Set<Role>> READ_BY = new LinkedHashMap<>();

    /** The aws package's key; every other aws: key belongs to the provider. */
    public static final String AWS_REGION = "aws:region";

    // Both roles (regional ALB certificates cover the public names, so regional stacks read them too).
    public static final String ROLE = key("role", BOTH);
    public static final String ZONE = key("zone", BOTH);
    public static final String ORIGIN_PARENT = key("originParent", BOTH);
    public static final String ORIGIN_VERIFY_SECRET = key("originVerifySecret", BOTH);
    public static final String ORIGIN_VERIFY_HEADER = key("originVerifyHeader", BOTH);
    public static final String MAX_FAILOVER_SECONDS = key("maxFailoverSeconds", BOTH);
    public static final String TAGS = key("tags", BOTH);
    public static final String DOMAIN = key("domain", BOTH);
    public static final String EXTRA_DOMAINS = key("extraDomains", BOTH);

    // Regional stacks.
    public static final String CLUSTER_NAME = key("clusterName", REGION);
    public static final String PUBLIC_SUBNET_IDS = key("publicSubnetIds", REGION);
    public static final String HEALTH_PATH = key("healthPath", REGION);
    public static final String DRAIN = key("drain", REGION);
    public static final String HEALTH_CHECK_INTERVAL = key("healthCheckInterval", REGION);
    public static final String HEALTH_CHECK_FAILURE_THRESHOLD = key("healthCheckFailureThreshold", REGION);
    public static final String HEALTH_CHECK_REGIONS = key("healthCheckRegions", REGION);
    public static final String TARGET_PORT = key("targetPort", REGION);
    public static final String TARGET_TYPE = key("targetType", REGION);
    public static final String TARGET_SECURITY_GROUP_IDS = key("targetSecurityGroupIds", REGION);
    public static final String ALLOW_TARGET_GROUP_REPLACEMENT = key("allowTargetGroupReplacement", REGION);
    public static final String DELETION_PROTECTION = key("deletionProtection", REGION);
    public static final String ORIGIN_VERIFY_SECRET_PREVIOUS = key("originVerifySecretPrevious", REGION);
    public static final String INGRESS_SERVICE = key("ingressService", REGION);
    public static final String INGRESS_SERVICE_PORT = key("ingressServicePort", REGION);
    public static final String INGRESS_HEALTH_CHECK_PATH = key("ingressHealthCheckPath", REGION);
    public static final String HEALTH_SERVICE = key("healthService", REGION);
    public static final String HEALTH_SERVICE_PORT = key("healthServicePort", REGION);
    public static final String HEALTH_TARGET_PORT = key("healthTargetPort", REGION);
    public static final String ALARM_TOPIC_ARN = key("alarmTopicArn", REGION);

    // Global stacks.
    public static final String REGIONS = key("regions", GLOBAL);
    public static final String ORIGIN_LABEL = key("originLabel", GLOBAL);
    public static final String ROUTING_OVERRIDES = key("routingOverrides", GLOBAL);
    public static final String PRICE_CLASS = key("priceClass", GLOBAL);
    public static final String GEO_RESTRICTION = key("geoRestriction", GLOBAL);
    public static final String WEB_ACL_ARN = key("webAclArn", GLOBAL);
    public static final String DEFAULT_CACHE_POLICY = key("defaultCachePolicy", GLOBAL);
    public static final String CACHE_BEHAVIORS = key("cacheBehaviors", GLOBAL);
    public static final String ORIGIN_CONNECTION_ATTEMPTS = key("originConnectionAttempts", GLOBAL);
    public static final String ORIGIN_CONNECTION_TIMEOUT = key("originConnectionTimeout", GLOBAL);
    public static final String ORIGIN_READ_TIMEOUT = key("originReadTimeout", GLOBAL);
    public static final String ORIGIN_KEEPALIVE_TIMEOUT = key("originKeepaliveTimeout", GLOBAL);
    public static final String MAX_ORIGIN_REQUEST_SECONDS = key("maxOriginRequestSeconds", GLOBAL);
    public static final String ORIGIN_HOST_HEADER = key("originHostHeader", GLOBAL);
    public static final String ADDITIONAL_METRICS = key("additionalMetrics", GLOBAL);

    /** The project keys, in the order Pulumi.yaml declares them. */
    public static final List<String> PROJECT_KEYS = List.copyOf(READ_BY.keySet());

    private ConfigKeys() {
    }

    /** The keys of our namespace a stack of the role reads. */
    public static Set<String> readBy(Role role) {
        var keys = new java.util.LinkedHashSet<String>();
        READ_BY.forEach((key, roles) -> {
            if (roles.contains(role)) {
                keys.add(key);
            }
        });
        return Collections.unmodifiableSet(keys);
    }

    /** The role that alone reads the key, if only one does. */
    public static Optional<Role> onlyReadBy(String key) {
        var roles = READ_BY.getOrDefault(key, Set.of());
        return roles.size() == 1 ? Optional.of(roles.iterator().next()) : Optional.empty();
    }

    private static String key(String name, Set<Role> roles) {
        var key = NAMESPACE + ":" + name;
        READ_BY.put(key, roles);
        return key;
    }
}
