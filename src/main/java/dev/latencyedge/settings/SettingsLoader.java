package dev.latencyedge.settings;

import com.google.gson.JsonElement;
import dev.latencyedge.failover.FailoverBudget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static dev.latencyedge.settings.ConfigKeys.*;

/**
 * Reads a stack's configuration once, at the program's edge, into immutable settings. Every rule AWS would
 * enforce later (or that keeps the design safe) is checked here, before any resource is registered, and every
 * problem of the stack is reported at once.
 */
public final class SettingsLoader {

    static final Pattern DNS_NAME_FORMAT = Pattern.compile(
            "^(?=.{1,253}$)(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");
    static final Pattern ORIGIN_LABEL_FORMAT = Pattern.compile("^[a-z0-9]{16,63}$");
    /** Header-safe characters; '*' and '?' are excluded because ALB header conditions treat them as wildcards. */
    static final Pattern SECRET_FORMAT = Pattern.compile("^[A-Za-z0-9+/=._~-]{32,128}$");
    static final Pattern HEADER_NAME_FORMAT = Pattern.compile("^[A-Za-z0-9-]{1,40}$");
    /** An ALB path-pattern value is at most 128 characters; '*' and '?' would be wildcards. */
    static final Pattern HEALTH_PATH_FORMAT = Pattern.compile("^/[A-Za-z0-9/._~%-]{0,127}$");
    /** A target group's health-check path: up to 1024 characters. */
    static final Pattern TARGET_HEALTH_PATH_FORMAT = Pattern.compile("^/[A-Za-z0-9/._~%-]{0,1023}$");
    /** Kubernetes namespaces and Service names are DNS-1123 labels. */
    static final Pattern KUBERNETES_NAME_FORMAT = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    static final Pattern SECURITY_GROUP_ID_FORMAT = Pattern.compile("^sg-[0-9a-f]{8,17}$");
    static final Pattern COUNTRY_FORMAT = Pattern.compile("^[A-Z]{2}$");
    static final Pattern WEB_ACL_ARN_FORMAT = Pattern.compile("^arn:aws:wafv2:us-east-1:[0-9]{12}:global/webacl/[^/]+/[^/]+$");
    static final Pattern SNS_ARN_FORMAT = Pattern.compile("^arn:aws:sns:us-east-1:[0-9]{12}:[A-Za-z0-9_-]{1,256}$");
    static final Pattern SUBNET_ID_FORMAT = Pattern.compile("^subnet-[0-9a-f]{8,17}$");
    static final Set<String> PRICE_CLASSES = Set.of("PriceClass_All", "PriceClass_200", "PriceClass_100");
    static final Set<String> GEO_TYPES = Set.of("none", "whitelist", "blacklist");
    static final Set<String> TARGET_TYPES = Set.of("ip", "instance");
    /**
     * Headers CloudFront would accept but this design must not overwrite: the viewer's credentials, and the
     * header the CloudFront Function fills with the viewer's host when the origin's Host is kept.
     */
    static final Set<String> DESIGN_RESERVED_HEADERS = Set.of("authorization", "x-forwarded-host");
    /** Tag keys the providers set on everything; a user tag must not overwrite them. */
    static final Set<String> PROGRAM_TAG_KEYS = Set.of("latency-edge:env", "latency-edge:stack", "Name");

    private SettingsLoader() {
    }

    /** Reads and validates; throws {@link ConfigException} naming every problem. */
    public static StackSettings load(ConfigSource source) {
        var r = new ConfigReader(source);
        var roleValue = r.required(ROLE, "(region or global)");
        var role = Role.parse(roleValue);
        UnreadKeys.problems(source.stackKeys(), role).forEach(p -> r.fail(p.key(), p.reason()));
        if (role.isEmpty()) {
            if (!roleValue.isEmpty()) {
                r.fail(ROLE, "must be \"region\" or \"global\", got \"" + roleValue + "\"");
            }
            r.finish();
        }
        var common = common(r, role.orElseThrow());
        StackSettings settings = role.get() == Role.REGION ? regional(r, common) : global(r, common);
        r.finish();
        return settings;
    }

    private static CommonSettings common(ConfigReader r, Role role) {
        var stack = r.stackName();
        var region = r.required(AWS_REGION, "(the Region this stack's resources live in)");
        if (!region.isEmpty() && !AwsRegions.CODES.contains(region)) {
            r.fail(AWS_REGION, "is not a known AWS Region code: \"" + region + "\"");
        }
        var env = stack;
        // A missing Region is reported once, not again as a stack name that does not end in it.
        if (role == Role.REGION && !region.isEmpty()) {
            var suffix = "-" + region;
            if (!stack.endsWith(suffix) || stack.length() == suffix.length()) {
                r.fail(AWS_REGION, "regional stacks are named <env>-<region>, but stack " + stack
                        + " does not end in -" + region);
            } else {
                env = stack.substring(0, stack.length() - suffix.length());
            }
        }
        var zone = r.required(ZONE, "(the public hosted zone, e.g. example.com)");
        var zoneValid = dnsName(r, ZONE, zone);
        var explicitParent = r.optional(ORIGIN_PARENT);
        var originParent = explicitParent.orElse("origin." + zone);
        // A parent derived from a missing zone is not checked: the zone's own problem says it all.
        var parentKnown = explicitParent.isPresent() || !zone.isEmpty();
        var parentValid = parentKnown && zoneValid && dnsName(r, ORIGIN_PARENT, originParent);
        if (parentValid && !zone.isEmpty() && !within(originParent, zone)) {
            r.fail(ORIGIN_PARENT, "must be inside the zone " + zone + ", got " + originParent);
        }
        var header = r.string(ORIGIN_VERIFY_HEADER, "X-Origin-Verify");
        if (!HEADER_NAME_FORMAT.matcher(header).matches()) {
            r.fail(ORIGIN_VERIFY_HEADER, "must be 1 to 40 letters, digits or '-' (ALB header conditions), got \""
                    + header + "\"");
        } else {
            headerProblem(header).ifPresent(reason -> r.fail(ORIGIN_VERIFY_HEADER, reason));
        }
        var secret = validSecret(r, ORIGIN_VERIFY_SECRET, r.secret(ORIGIN_VERIFY_SECRET));
        if (secret.isEmpty() && !r.hasProblemFor(ORIGIN_VERIFY_SECRET)) {
            r.fail(ORIGIN_VERIFY_SECRET, "is required: set it with pulumi config set --secret "
                    + ORIGIN_VERIFY_SECRET + " \"$(openssl rand -base64 48)\"");
        }
        var maxFailover = r.optionalLimit(MAX_FAILOVER_SECONDS, 3600);
        if (parentValid && ("*." + originParent).length() > AwsLimits.ACM_MAX_FIRST_NAME) {
            r.fail(ORIGIN_PARENT, "the ALB certificate's name *." + originParent + " would be "
                    + ("*." + originParent).length() + " characters; ACM allows at most " + AwsLimits.ACM_MAX_FIRST_NAME
                    + " for a certificate's first name");
        }
        var names = domainNames(r, zone, originParent);
        return new CommonSettings(stack, env, region, zone, originParent, header,
                secret.orElse(new Secret("")), names, maxFailover, tags(r));
    }

    /** Whether CloudFront (or this design) refuses the header as the verification header; why, if so. */
    static Optional<String> headerProblem(String header) {
        if (AwsLimits.cloudFrontRefusesHeader(header)) {
            return Optional.of("CloudFront cannot add " + header + " to origin requests (it is on CloudFront's list of"
                    + " headers a distribution may not set)");
        }
        if (DESIGN_RESERVED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
            return Optional.of(header + " carries the viewer's own value, which the verification header would"
                    + " overwrite; choose another name");
        }
        return Optional.empty();
    }

    /**
     * The public names, read by both roles: the global stack serves them, and every regional ALB certificate
     * covers them because CloudFront forwards the viewer's Host and checks the origin certificate against it.
     */
    private static List<String> domainNames(ConfigReader r, String zone, String originParent) {
        var domain = r.required(DOMAIN, "(the public name CloudFront serves; regional ALB certificates cover it too)");
        var extras = r.stringList(EXTRA_DOMAINS);
        var names = new ArrayList<String>();
        names.add(domain);
        names.addAll(extras);
        var distinct = new HashSet<String>();
        for (int i = 0; i < names.size(); i++) {
            var name = names.get(i);
            var key = i == 0 ? DOMAIN : EXTRA_DOMAINS;
            if (name.isEmpty() || !dnsName(r, key, name)) {
                continue;
            }
            if (!zone.isEmpty() && !within(name, zone)) {
                r.fail(key, name + " is outside the zone " + zone + "; CloudFront's alias records go in that zone");
            }
            if (within(name, originParent)) {
                r.fail(key, name + " is under the origin parent " + originParent
                        + ", which belongs to the regional ALBs");
            }
            if (!distinct.add(name)) {
                r.fail(EXTRA_DOMAINS, "lists " + name + " twice");
            }
        }
        if (domain.length() > AwsLimits.ACM_MAX_FIRST_NAME) {
            r.fail(DOMAIN, domain + " is " + domain.length() + " characters; it is the viewer certificate's first"
                    + " name, and ACM allows at most " + AwsLimits.ACM_MAX_FIRST_NAME + " there (put longer names in "
                    + EXTRA_DOMAINS + ")");
        }
        // The regional certificates carry *.<originParent> besides every public name.
        if (names.size() + 1 > AwsLimits.ACM_MAX_NAMES) {
            r.fail(EXTRA_DOMAINS, names.size() + " public names plus *." + originParent + " on each regional"
                    + " certificate exceed ACM's default quota of " + AwsLimits.ACM_MAX_NAMES + " names per certificate");
        }
        return names;
    }

    /** User tags, checked as AWS checks them once the providers add the program's own. */
    private static Map<String, String> tags(ConfigReader r) {
        var tags = r.stringMap(TAGS);
        tags.keySet().stream().filter(PROGRAM_TAG_KEYS::contains).forEach(k ->
                r.fail(TAGS, "tag key \"" + k + "\" is set by the program itself"));
        if (tags.size() + PROGRAM_TAG_KEYS.size() > TagRules.MAX_TAGS) {
            r.fail(TAGS, tags.size() + " tags plus the program's " + PROGRAM_TAG_KEYS.size() + " exceed AWS's "
                    + TagRules.MAX_TAGS + " per resource");
        }
        // Each tag on its own: the count is checked above, with the program's tags included.
        tags.forEach((k, v) -> TagRules.problems(k, v).forEach(p -> r.fail(TAGS, p)));
        return tags;
    }

    private static RegionalSettings regional(ConfigReader r, CommonSettings common) {
        var cluster = r.required(CLUSTER_NAME, "for a regional stack (the existing EKS cluster)");
        var subnets = r.stringList(PUBLIC_SUBNET_IDS);
        subnets.stream().filter(s -> !SUBNET_ID_FORMAT.matcher(s).matches()).forEach(s ->
                r.fail(PUBLIC_SUBNET_IDS, "\"" + s + "\" is not a subnet id"));
        if (subnets.size() == 1) {
            r.fail(PUBLIC_SUBNET_IDS, "an ALB needs subnets in at least two Availability Zones, got one");
        }
        var health = health(r);
        common.maxFailoverSeconds().ifPresent(max -> {
            var seconds = FailoverBudget.moveViewersSeconds(health.requestInterval(), health.failureThreshold());
            if (seconds > max) {
                r.fail(HEALTH_CHECK_FAILURE_THRESHOLD, "viewers would need "
                        + FailoverBudget.explain(health.requestInterval(), health.failureThreshold())
                        + " to leave a failed Region, over " + MAX_FAILOVER_SECONDS + " = " + max);
            }
        });
        var target = targets(r);
        var previous = validSecret(r, ORIGIN_VERIFY_SECRET_PREVIOUS, r.secret(ORIGIN_VERIFY_SECRET_PREVIOUS));
        var topic = r.optional(ALARM_TOPIC_ARN);
        topic.filter(t -> !SNS_ARN_FORMAT.matcher(t).matches()).ifPresent(t -> r.fail(ALARM_TOPIC_ARN,
                "must be an SNS topic ARN in us-east-1, where the health-check metric and its alarm live, got " + t));
        return new RegionalSettings(common, cluster, subnets, health, target,
                r.bool(DELETION_PROTECTION, true), previous, topic);
    }

    private static TargetSettings targets(ConfigReader r) {
        var type = r.oneOf(TARGET_TYPE, TargetSettings.DEFAULT_TYPE, TARGET_TYPES);
        var ingress = boundService(r, type, INGRESS_SERVICE, r.string(INGRESS_SERVICE,
                TargetSettings.DEFAULT_INGRESS_SERVICE), INGRESS_SERVICE_PORT, TARGET_PORT);
        var application = boundService(r, type, HEALTH_SERVICE, r.required(HEALTH_SERVICE,
                "for a regional stack: <namespace>/<service> of the application's health Service, which the"
                        + " Route 53 check reaches so that a Region whose application fails leaves rotation"),
                HEALTH_SERVICE_PORT, HEALTH_TARGET_PORT);
        var ingressHealthPath = r.string(INGRESS_HEALTH_CHECK_PATH, TargetSettings.DEFAULT_INGRESS_HEALTH_CHECK_PATH);
        if (!TARGET_HEALTH_PATH_FORMAT.matcher(ingressHealthPath).matches()) {
            r.fail(INGRESS_HEALTH_CHECK_PATH, "must start with '/' and hold at most 1024 letters, digits or"
                    + " / . _ ~ % -, got \"" + ingressHealthPath + "\"");
        }
        var groups = r.stringList(TARGET_SECURITY_GROUP_IDS);
        groups.stream().filter(g -> !SECURITY_GROUP_ID_FORMAT.matcher(g).matches()).forEach(g ->
                r.fail(TARGET_SECURITY_GROUP_IDS, "\"" + g + "\" is not a security group id"));
        if (new HashSet<>(groups).size() != groups.size()) {
            r.fail(TARGET_SECURITY_GROUP_IDS, "lists a group twice: " + groups);
        }
        return new TargetSettings(type, ingress, ingressHealthPath, application, groups,
                r.bool(ALLOW_TARGET_GROUP_REPLACEMENT, false));
    }

    /**
     * A Service bound to a target group. Its two ports are different things: the Service port is what a
     * TargetGroupBinding's serviceRef.port names; the pod port (ip) or node port (instance) is what the target
     * group and the security-group rules use (AWS Load Balancer Controller, TargetGroupBinding reference).
     */
    private static TargetSettings.BoundService boundService(ConfigReader r, String type, String serviceKey,
                                                            String service, String servicePortKey,
                                                            String targetPortKey) {
        var parts = service.split("/", -1);
        var namespace = "default";
        var name = "unset";
        if (!service.isEmpty()) {
            if (parts.length != 2 || !KUBERNETES_NAME_FORMAT.matcher(parts[0]).matches()
                    || !KUBERNETES_NAME_FORMAT.matcher(parts[1]).matches()) {
                r.fail(serviceKey, "must be <namespace>/<service>, each a lower-case DNS label, got \"" + service
                        + "\"");
            } else {
                namespace = parts[0];
                name = parts[1];
            }
        }
        var servicePort = r.integer(servicePortKey, TargetSettings.DEFAULT_PORT, 1, 65535);
        var targetPort = r.integer(targetPortKey, TargetSettings.DEFAULT_PORT, 1, 65535);
        if (type.equals("instance") && (targetPort < AwsLimits.NODE_PORT_MIN || targetPort > AwsLimits.NODE_PORT_MAX)) {
            r.fail(targetPortKey, "with target type instance this is the Service's node port, which EKS serves from "
                    + AwsLimits.NODE_PORT_MIN + "-" + AwsLimits.NODE_PORT_MAX + "; got " + targetPort);
        }
        return new TargetSettings.BoundService(namespace, name, servicePort, targetPort);
    }

    private static HealthCheckSettings health(ConfigReader r) {
        var path = r.string(HEALTH_PATH, HealthCheckSettings.DEFAULT_PATH);
        if (!path.startsWith("/")) {
            r.fail(HEALTH_PATH, "must start with '/', got \"" + path + "\"");
        } else if (!HEALTH_PATH_FORMAT.matcher(path).matches()) {
            r.fail(HEALTH_PATH, "may hold only letters, digits and / . _ ~ % - (no wildcards) and at most 128"
                    + " characters (ALB path-pattern values), got \"" + path + "\"");
        }
        var interval = r.integer(HEALTH_CHECK_INTERVAL, HealthCheckSettings.DEFAULT_INTERVAL, 10, 30);
        if (!AwsLimits.HEALTH_CHECK_INTERVALS.contains(interval)) {
            r.fail(HEALTH_CHECK_INTERVAL, "must be 10 or 30 (Route 53 request intervals), got " + interval);
        }
        var threshold = r.integer(HEALTH_CHECK_FAILURE_THRESHOLD, HealthCheckSettings.DEFAULT_FAILURE_THRESHOLD,
                1, 10);
        var checkers = r.stringList(HEALTH_CHECK_REGIONS);
        if (checkers.isEmpty()) {
            checkers = HealthCheckSettings.DEFAULT_CHECKER_REGIONS;
        }
        checkers.stream().filter(c -> !AwsRegions.HEALTH_CHECKER_REGIONS.contains(c)).forEach(c ->
                r.fail(HEALTH_CHECK_REGIONS, "Route 53 has no health checkers in " + c + "; choose from "
                        + AwsRegions.HEALTH_CHECKER_REGIONS));
        var distinct = new HashSet<>(checkers);
        if (distinct.size() != checkers.size()) {
            r.fail(HEALTH_CHECK_REGIONS, "lists a Region twice: " + checkers);
        }
        if (distinct.size() < AwsLimits.HEALTH_CHECKER_REGIONS_MIN) {
            r.fail(HEALTH_CHECK_REGIONS, "needs at least " + AwsLimits.HEALTH_CHECKER_REGIONS_MIN
                    + " checker Regions, got " + distinct.size());
        }
        return new HealthCheckSettings(path, interval, threshold, checkers, r.bool(DRAIN, false));
    }

    private static GlobalSettings global(ConfigReader r, CommonSettings common) {
        var regions = r.stringList(REGIONS);
        if (regions.isEmpty() && !r.hasProblemFor(REGIONS)) {
            r.fail(REGIONS, "is required for a global stack: the Regions that have a stack <env>-<region>");
        }
        var seen = new HashSet<String>();
        for (var region : regions) {
            if (!AwsRegions.CODES.contains(region)) {
                r.fail(REGIONS, "\"" + region + "\" is not a known AWS Region code");
            }
            if (!seen.add(region)) {
                r.fail(REGIONS, "lists " + region + " twice");
            }
        }
        var label = r.required(ORIGIN_LABEL, "for a global stack (the unguessable origin label)");
        if (!label.isEmpty() && !ORIGIN_LABEL_FORMAT.matcher(label).matches()) {
            r.fail(ORIGIN_LABEL, "must be 16 to 63 characters of [a-z0-9] so the origin host cannot be guessed, got "
                    + (r.isSecret(ORIGIN_LABEL) ? label.length() + " secret characters" : "\"" + label + "\""));
        }
        var overrides = new TreeMap<>(r.stringMap(ROUTING_OVERRIDES));
        overrides.forEach((labelRegion, serving) -> {
            if (!AwsRegions.CODES.contains(labelRegion)) {
                r.fail(ROUTING_OVERRIDES, "\"" + labelRegion + "\" is not a known AWS Region code");
            } else if (regions.contains(labelRegion)) {
                r.fail(ROUTING_OVERRIDES, labelRegion + " has a stack of its own; an override is for a Region label"
                        + " without one");
            }
            if (!regions.contains(serving)) {
                r.fail(ROUTING_OVERRIDES, labelRegion + " -> " + serving + ": " + serving
                        + " is not in " + REGIONS + " " + regions + ", so no stack serves it");
            }
        });
        var dashboard = GlobalSettings.dashboardName(common.env());
        if (dashboard.length() > AwsLimits.DASHBOARD_NAME || !dashboard.matches(AwsLimits.DASHBOARD_NAME_CHARACTERS)) {
            r.fail(ROLE, "a global stack's CloudWatch dashboard is named <stack>-latency-edge, and CloudWatch refuses "
                    + dashboard + " (at most " + AwsLimits.DASHBOARD_NAME + " characters of A-Z a-z 0-9 - _): rename"
                    + " the stack");
        }
        var cdn = cdn(r);
        var maxRequest = r.optionalLimit(MAX_ORIGIN_REQUEST_SECONDS, 30);
        maxRequest.ifPresent(max -> {
            var seconds = FailoverBudget.failedRequestSeconds(cdn.origin().connectionAttempts(),
                    cdn.origin().connectionTimeout());
            if (seconds > max) {
                r.fail(ORIGIN_CONNECTION_ATTEMPTS, "a request to a dead origin could wait "
                        + cdn.origin().connectionAttempts() + " attempts x " + cdn.origin().connectionTimeout()
                        + " s = " + seconds + " s, over " + MAX_ORIGIN_REQUEST_SECONDS + " = " + max);
            }
        });
        return new GlobalSettings(common, regions, label, r.isSecret(ORIGIN_LABEL), overrides, cdn, maxRequest);
    }

    private static CdnSettings cdn(ConfigReader r) {
        var hostValue = r.string(ORIGIN_HOST_HEADER, OriginHostHeader.VIEWER.configValue());
        var host = OriginHostHeader.byConfigValue(hostValue).orElseGet(() -> {
            r.fail(ORIGIN_HOST_HEADER, "must be viewer (forward the viewer's Host, the default) or origin (keep the"
                    + " origin name, for host-less Ingresses), got \"" + hostValue + "\"");
            return OriginHostHeader.VIEWER;
        });
        var priceClass = r.oneOf(PRICE_CLASS, CdnSettings.DEFAULT_PRICE_CLASS, PRICE_CLASSES);
        var geo = r.json(GEO_RESTRICTION, CdnSettings.GeoRestriction.NONE, SettingsLoader::geo,
                "an object {restrictionType: none|whitelist|blacklist, locations: [ISO 3166 codes]}");
        if (!GEO_TYPES.contains(geo.restrictionType())) {
            r.fail(GEO_RESTRICTION, "restrictionType must be none, whitelist or blacklist, got \""
                    + geo.restrictionType() + "\"");
        } else if (geo.restrictionType().equals("none") != geo.locations().isEmpty()) {
            r.fail(GEO_RESTRICTION, geo.restrictionType().equals("none")
                    ? "restrictionType none takes no locations" : "a " + geo.restrictionType()
                    + " needs at least one location");
        }
        geo.locations().stream().filter(c -> !COUNTRY_FORMAT.matcher(c).matches()).forEach(c ->
                r.fail(GEO_RESTRICTION, "\"" + c + "\" is not an ISO 3166 alpha-2 country code"));
        var webAcl = r.optional(WEB_ACL_ARN);
        webAcl.filter(a -> !WEB_ACL_ARN_FORMAT.matcher(a).matches()).ifPresent(a -> r.fail(WEB_ACL_ARN,
                "CloudFront needs a WAFv2 web ACL with CLOUDFRONT scope, which lives in us-east-1"
                        + " (arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>); got " + a));
        var defaultPolicy = cachePolicy(r, DEFAULT_CACHE_POLICY,
                r.string(DEFAULT_CACHE_POLICY, CdnSettings.DEFAULT_CACHE_POLICY.managedName()), host);
        var behaviors = new ArrayList<CdnSettings.CacheBehavior>();
        var rawBehaviors = r.json(CACHE_BEHAVIORS, List.<Map<String, String>>of(), SettingsLoader::behaviors,
                "a list of {pathPattern, cachePolicy}");
        var patterns = new HashSet<String>();
        for (var raw : rawBehaviors) {
            var pattern = raw.getOrDefault("pathPattern", "");
            if (pattern.isEmpty() || pattern.length() > 255 || pattern.equals("*")) {
                r.fail(CACHE_BEHAVIORS, "pathPattern must be 1 to 255 characters and not \"*\" (the default"
                        + " behaviour), got \"" + pattern + "\"");
            } else if (!patterns.add(pattern)) {
                r.fail(CACHE_BEHAVIORS, "pathPattern " + pattern + " appears twice");
            }
            behaviors.add(new CdnSettings.CacheBehavior(pattern,
                    cachePolicy(r, CACHE_BEHAVIORS, raw.getOrDefault("cachePolicy", ""), host)));
        }
        var attempts = r.integer(ORIGIN_CONNECTION_ATTEMPTS, CdnSettings.OriginConnection.DEFAULT_ATTEMPTS, 1, 3);
        var timeout = r.integer(ORIGIN_CONNECTION_TIMEOUT, CdnSettings.OriginConnection.DEFAULT_TIMEOUT, 1, 10);
        // CloudFront refuses more than 60 s for either without a quota increase.
        var max = AwsLimits.CLOUDFRONT_ORIGIN_TIMEOUT;
        var read = r.integer(ORIGIN_READ_TIMEOUT, CdnSettings.OriginConnection.DEFAULT_READ_TIMEOUT, 1, max);
        var keepalive = r.integer(ORIGIN_KEEPALIVE_TIMEOUT, CdnSettings.OriginConnection.DEFAULT_KEEPALIVE_TIMEOUT,
                1, max);
        return new CdnSettings(priceClass, geo, webAcl, defaultPolicy, behaviors,
                new CdnSettings.OriginConnection(attempts, timeout, read, keepalive), host,
                r.bool(ADDITIONAL_METRICS, false));
    }

    private static CachePolicy cachePolicy(ConfigReader r, String key, String name, OriginHostHeader host) {
        var policy = CachePolicy.byName(name);
        if (policy.isEmpty()) {
            r.fail(key, "the cache policy must be one of " + java.util.Arrays.stream(CachePolicy.values())
                    .map(CachePolicy::managedName).toList() + ", got \"" + name + "\"");
            return CdnSettings.DEFAULT_CACHE_POLICY;
        }
        if (policy.get().keysOnHost() && host == OriginHostHeader.ORIGIN) {
            r.fail(key, name + " puts Host in the cache key, which makes CloudFront forward the viewer's Host;"
                    + " that contradicts " + ORIGIN_HOST_HEADER + " = origin");
        }
        return policy.get();
    }

    private static CdnSettings.GeoRestriction geo(JsonElement element) {
        var object = element.getAsJsonObject();
        var type = object.has("restrictionType") ? object.get("restrictionType").getAsString() : "none";
        var locations = new ArrayList<String>();
        if (object.has("locations")) {
            object.get("locations").getAsJsonArray().forEach(l -> locations.add(l.getAsString()));
        }
        return new CdnSettings.GeoRestriction(type, locations);
    }

    private static List<Map<String, String>> behaviors(JsonElement element) {
        var list = new ArrayList<Map<String, String>>();
        for (var item : element.getAsJsonArray()) {
            var map = new LinkedHashMap<String, String>();
            item.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
            list.add(map);
        }
        return list;
    }

    private static Optional<Secret> validSecret(ConfigReader r, String key, Optional<Secret> secret) {
        secret.filter(s -> !SECRET_FORMAT.matcher(s.reveal()).matches()).ifPresent(s -> r.fail(key,
                "must be 32 to 128 characters of A-Z a-z 0-9 + / = . _ ~ - (ALB header values hold at most 128,"
                        + " and '*' or '?' would be wildcards); got " + s.reveal().length() + " characters"));
        return secret;
    }

    /** Whether the name is a lower-case DNS name; records the problem when it is not. */
    private static boolean dnsName(ConfigReader r, String key, String name) {
        if (!name.isEmpty() && !DNS_NAME_FORMAT.matcher(name).matches()) {
            r.fail(key, "is not a lower-case DNS name: \"" + name + "\"");
            return false;
        }
        return true;
    }

    static boolean within(String name, String parent) {
        var bare = name.startsWith("*.") ? name.substring(2) : name;
        return bare.equals(parent) || bare.endsWith("." + parent);
    }
}
