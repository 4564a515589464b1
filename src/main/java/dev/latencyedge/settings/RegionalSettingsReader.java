package dev.latencyedge.settings;

import dev.latencyedge.failover.FailoverBudget;

import java.util.HashSet;

import static dev.latencyedge.settings.ConfigKeys.*;
import static dev.latencyedge.settings.SettingsLoader.*;

/** The keys only a regional stack reads: its cluster and subnets, the targets the ALB sends to, its health check. */
final class RegionalSettingsReader {

    private RegionalSettingsReader() {
    }

    static RegionalSettings read(ConfigReader r, CommonSettings common) {
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
}
