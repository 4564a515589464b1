package dev.latencyedge.settings;

import com.google.gson.JsonElement;
import dev.latencyedge.failover.FailoverBudget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.latencyedge.settings.ConfigKeys.*;
import static dev.latencyedge.settings.SettingsLoader.*;

/** The keys only a global stack reads: its Regions, the latency set's label and overrides, the distribution. */
final class GlobalSettingsReader {

    private GlobalSettingsReader() {
    }

    static GlobalSettings read(ConfigReader r, CommonSettings common) {
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
        var geo = r.json(GEO_RESTRICTION, CdnSettings.GeoRestriction.NONE, GlobalSettingsReader::geo,
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
        var rawBehaviors = r.json(CACHE_BEHAVIORS, List.<Map<String, String>>of(), GlobalSettingsReader::behaviors,
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
}
