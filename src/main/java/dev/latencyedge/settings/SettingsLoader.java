package dev.latencyedge.settings;

import com.google.gson.JsonElement;
import dev.latencyedge.failover.FailoverBudget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final Pattern HEALTH_PATH_FORMAT = Pattern.compile("^/[A-Za-z0-9/._~%-]{0,254}$");
    static final Pattern COUNTRY_FORMAT = Pattern.compile("^[A-Z]{2}$");
    static final Pattern WEB_ACL_ARN_FORMAT = Pattern.compile("^arn:aws:wafv2:us-east-1:[0-9]{12}:global/webacl/[^/]+/[^/]+$");
    static final Pattern SNS_ARN_FORMAT = Pattern.compile("^arn:aws:sns:us-east-1:[0-9]{12}:[A-Za-z0-9_-]{1,256}$");
    static final Pattern SUBNET_ID_FORMAT = Pattern.compile("^subnet-[0-9a-f]{8,17}$");
    static final Set<String> PRICE_CLASSES = Set.of("PriceClass_All", "PriceClass_200", "PriceClass_100");
    static final Set<String> GEO_TYPES = Set.of("none", "whitelist", "blacklist");
    static final Set<String> TARGET_TYPES = Set.of("ip", "instance");
    /** Headers CloudFront will not let a distribution set on origin requests. */
    static final Set<String> RESERVED_HEADERS = Set.of("host", "authorization", "cache-control", "connection",
            "content-length", "cookie", "range", "te", "trailer", "transfer-encoding", "upgrade", "via");

    private SettingsLoader() {
    }

    /** Reads and validates; throws {@link ConfigException} naming every problem. */
    public static StackSettings load(ConfigSource source) {
        var r = new ConfigReader(source);
        var roleValue = r.required(ROLE, "(region or global)");
        var role = Role.parse(roleValue);
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
        if (role == Role.REGION) {
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
        var originParent = r.string(ORIGIN_PARENT, "origin." + zone);
        if (zoneValid && dnsName(r, ORIGIN_PARENT, originParent) && !zone.isEmpty() && !within(originParent, zone)) {
            r.fail(ORIGIN_PARENT, "must be inside the zone " + zone + ", got " + originParent);
        }
        var header = r.string(ORIGIN_VERIFY_HEADER, "X-Origin-Verify");
        if (!HEADER_NAME_FORMAT.matcher(header).matches()) {
            r.fail(ORIGIN_VERIFY_HEADER, "must be 1 to 40 letters, digits or '-' (ALB header conditions), got \""
                    + header + "\"");
        } else if (RESERVED_HEADERS.contains(header.toLowerCase())) {
            r.fail(ORIGIN_VERIFY_HEADER, "CloudFront cannot set " + header + " as a custom origin header");
        }
        var secret = validSecret(r, ORIGIN_VERIFY_SECRET, r.secret(ORIGIN_VERIFY_SECRET));
        if (secret.isEmpty() && !r.hasProblemFor(ORIGIN_VERIFY_SECRET)) {
            r.fail(ORIGIN_VERIFY_SECRET, "is required: set it with pulumi config set --secret "
                    + ORIGIN_VERIFY_SECRET + " \"$(openssl rand -base64 48)\"");
        }
        var maxFailover = r.optionalLimit(MAX_FAILOVER_SECONDS, 3600);
        return new CommonSettings(stack, env, region, zone, originParent, header,
                secret.orElse(new Secret("")), maxFailover, r.stringMap(TAGS));
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
                r.fail(HEALTH_CHECK_FAILURE_THRESHOLD, "viewers would need " + health.requestInterval() + " s x "
                        + health.failureThreshold() + " + " + FailoverBudget.ALIAS_TTL_SECONDS + " s TTL = "
                        + seconds + " s to leave a failed Region, over " + MAX_FAILOVER_SECONDS + " = " + max);
            }
        });
        var port = r.integer(TARGET_PORT, TargetSettings.DEFAULT_PORT, 1, 65535);
        var type = r.oneOf(TARGET_TYPE, TargetSettings.DEFAULT_TYPE, TARGET_TYPES);
        var service = r.string(INGRESS_SERVICE, TargetSettings.DEFAULT_SERVICE);
        var parts = service.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            r.fail(INGRESS_SERVICE, "must be <namespace>/<service>, got \"" + service + "\"");
            parts = TargetSettings.DEFAULT_SERVICE.split("/");
        }
        var previous = validSecret(r, ORIGIN_VERIFY_SECRET_PREVIOUS, r.secret(ORIGIN_VERIFY_SECRET_PREVIOUS));
        var topic = r.optional(ALARM_TOPIC_ARN);
        topic.filter(t -> !SNS_ARN_FORMAT.matcher(t).matches()).ifPresent(t -> r.fail(ALARM_TOPIC_ARN,
                "must be an SNS topic ARN in us-east-1, where the health-check metric and its alarm live, got " + t));
        return new RegionalSettings(common, cluster, subnets, health,
                new TargetSettings(port, type, parts[0], parts[1]),
                r.bool(DELETION_PROTECTION, true), previous, topic);
    }

    private static HealthCheckSettings health(ConfigReader r) {
        var path = r.string(HEALTH_PATH, HealthCheckSettings.DEFAULT_PATH);
        if (!path.startsWith("/")) {
            r.fail(HEALTH_PATH, "must start with '/', got \"" + path + "\"");
        } else if (!HEALTH_PATH_FORMAT.matcher(path).matches()) {
            r.fail(HEALTH_PATH, "may hold only letters, digits and / . _ ~ % - (no wildcards, at most 255), got \""
                    + path + "\"");
        }
        var interval = r.integer(HEALTH_CHECK_INTERVAL, HealthCheckSettings.DEFAULT_INTERVAL, 10, 30);
        if (interval != 10 && interval != 30) {
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
        if (distinct.size() < 3) {
            r.fail(HEALTH_CHECK_REGIONS, "needs at least 3 checker Regions, got " + distinct.size());
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
        var zone = common.zone();
        var domain = r.required(DOMAIN, "for a global stack (the public name CloudFront serves)");
        var extras = r.stringList(EXTRA_DOMAINS);
        var names = new ArrayList<String>();
        names.add(domain);
        names.addAll(extras);
        var distinctNames = new HashSet<String>();
        for (int i = 0; i < names.size(); i++) {
            var name = names.get(i);
            var key = i == 0 ? DOMAIN : EXTRA_DOMAINS;
            if (name.isEmpty() || !dnsName(r, key, name)) {
                continue;
            }
            if (!zone.isEmpty() && !within(name, zone)) {
                r.fail(key, name + " is outside the zone " + zone + "; CloudFront's alias records go in that zone");
            }
            if (within(name, common.originParent())) {
                r.fail(key, name + " is under the origin parent " + common.originParent()
                        + ", which belongs to the regional ALBs");
            }
            if (!distinctNames.add(name)) {
                r.fail(EXTRA_DOMAINS, "lists " + name + " twice");
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
        return new GlobalSettings(common, regions, domain, extras, label, r.isSecret(ORIGIN_LABEL), overrides, cdn,
                maxRequest);
    }

    private static CdnSettings cdn(ConfigReader r) {
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
                r.string(DEFAULT_CACHE_POLICY, CdnSettings.DEFAULT_CACHE_POLICY.managedName()));
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
                    cachePolicy(r, CACHE_BEHAVIORS, raw.getOrDefault("cachePolicy", ""))));
        }
        var attempts = r.integer(ORIGIN_CONNECTION_ATTEMPTS, CdnSettings.OriginConnection.DEFAULT_ATTEMPTS, 1, 3);
        var timeout = r.integer(ORIGIN_CONNECTION_TIMEOUT, CdnSettings.OriginConnection.DEFAULT_TIMEOUT, 1, 10);
        var read = r.integer(ORIGIN_READ_TIMEOUT, CdnSettings.OriginConnection.DEFAULT_READ_TIMEOUT, 1, 180);
        var keepalive = r.integer(ORIGIN_KEEPALIVE_TIMEOUT, CdnSettings.OriginConnection.DEFAULT_KEEPALIVE_TIMEOUT,
                1, 180);
        return new CdnSettings(priceClass, geo, webAcl, defaultPolicy, behaviors,
                new CdnSettings.OriginConnection(attempts, timeout, read, keepalive));
    }

    private static CachePolicy cachePolicy(ConfigReader r, String key, String name) {
        var policy = CachePolicy.byName(name);
        if (policy.isEmpty()) {
            var hint = name.startsWith("UseOriginCacheControlHeaders")
                    ? " (it puts Host in the cache key, so CloudFront forwards the viewer's Host and the origin"
                    + " certificate no longer matches: 502)" : "";
            r.fail(key, "the cache policy must be one of CachingOptimized, CachingDisabled, got \"" + name + "\"" + hint);
            return CdnSettings.DEFAULT_CACHE_POLICY;
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
