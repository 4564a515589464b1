package dev.latencyedge.diff;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How AWS, through terraform-provider-aws (which pulumi-aws runs), sees a change to the resource types this
 * program creates, under their Pulumi names: which inputs cannot change in place (the schemas' {@code ForceNew}
 * or RequiresReplace attributes, and the two rules a CustomizeDiff or ModifyPlan adds), which inputs are sets
 * (order is no change) and which values the provider normalizes (case, a trailing dot) before comparing.
 * Each entry names the schema it comes from, under {@code internal/service/}.
 */
public final class ReplacementRules {

    /**
     * Why a change replaces a resource.
     *
     * @param paths the input properties that force it, as {@code replaceReasons} in {@code pulumi preview --json}
     * @param why   the same for a person
     */
    public record Replacement(List<String> paths, String why) {
    }

    /** Type token -> the top-level inputs whose change replaces the resource. */
    static final Map<String, List<String>> FORCE_NEW = Map.ofEntries(
            // route53/health_check.go
            Map.entry("aws:route53/healthCheck:HealthCheck",
                    List.of("type", "requestInterval", "measureLatency", "referenceName", "routingControlArn")),
            // route53/record.go
            Map.entry("aws:route53/record:Record", List.of("name", "zoneId")),
            // elbv2/target_group.go
            Map.entry("aws:lb/targetGroup:TargetGroup", List.of("name", "namePrefix", "port", "protocol",
                    "protocolVersion", "targetType", "vpcId", "ipAddressType")),
            // elbv2/load_balancer.go
            Map.entry("aws:lb/loadBalancer:LoadBalancer", List.of("name", "namePrefix", "internal",
                    "loadBalancerType", "customerOwnedIpv4Pool")),
            // elbv2/listener.go
            Map.entry("aws:lb/listener:Listener", List.of("loadBalancerArn")),
            // elbv2/listener_rule.go
            Map.entry("aws:lb/listenerRule:ListenerRule", List.of("listenerArn")),
            // ec2/vpc_security_group.go
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("name", "namePrefix", "description", "vpcId")),
            // ec2/vpc_security_group_ingress_rule.go (the egress rule shares its schema); see SOURCE_KINDS too
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", List.of("securityGroupId")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", List.of("securityGroupId")),
            // acm/certificate.go (validation_option is validationOptions)
            Map.entry("aws:acm/certificate:Certificate", List.of("domainName", "subjectAlternativeNames",
                    "validationMethod", "keyAlgorithm", "certificateAuthorityArn", "validationOptions")),
            // acm/certificate_validation.go
            Map.entry("aws:acm/certificateValidation:CertificateValidation",
                    List.of("certificateArn", "validationRecordFqdns")),
            // cloudwatch/metric_alarm.go (alarm_name is name)
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", List.of("name")),
            // cloudfront/distribution.go
            Map.entry("aws:cloudfront/distribution:Distribution", List.of("staging")),
            // cloudfront/function.go
            Map.entry("aws:cloudfront/function:Function", List.of("name")),
            // cloudwatch/dashboard.go
            Map.entry("aws:cloudwatch/dashboard:Dashboard", List.of("dashboardName")),
            // cloudfront/monitoring_subscription.go
            Map.entry("aws:cloudfront/monitoringSubscription:MonitoringSubscription", List.of("distributionId")));

    /**
     * Type token -> the inputs the schema declares as sets ({@code TypeSet}): their order is no change. A path
     * steps into objects with "." and into every element of a list with "[]".
     */
    static final Map<String, Set<String>> SETS = Map.ofEntries(
            // acm/certificate.go
            Map.entry("aws:acm/certificate:Certificate", Set.of("subjectAlternativeNames", "validationOptions")),
            // acm/certificate_validation.go
            Map.entry("aws:acm/certificateValidation:CertificateValidation", Set.of("validationRecordFqdns")),
            // route53/health_check.go
            Map.entry("aws:route53/healthCheck:HealthCheck", Set.of("childHealthchecks", "regions")),
            // route53/record.go
            Map.entry("aws:route53/record:Record", Set.of("records")),
            // elbv2/load_balancer.go
            Map.entry("aws:lb/loadBalancer:LoadBalancer", Set.of("securityGroups", "subnets", "subnetMappings")),
            // elbv2/listener_rule.go: the conditions and each condition's values
            Map.entry("aws:lb/listenerRule:ListenerRule", Set.of("conditions", "conditions[].hostHeader.values",
                    "conditions[].httpHeader.values", "conditions[].httpRequestMethod.values",
                    "conditions[].pathPattern.values", "conditions[].queryStrings", "conditions[].sourceIp.values")),
            // cloudwatch/metric_alarm.go
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm",
                    Set.of("alarmActions", "okActions", "insufficientDataActions", "metricQueries")),
            // cloudfront/distribution.go
            Map.entry("aws:cloudfront/distribution:Distribution", Set.of("aliases", "origins", "originGroups",
                    "customErrorResponses", "origins[].customHeaders", "origins[].customOriginConfig.originSslProtocols",
                    "originGroups[].failoverCriteria.statusCodes", "restrictions.geoRestriction.locations",
                    "defaultCacheBehavior.allowedMethods", "defaultCacheBehavior.cachedMethods",
                    "defaultCacheBehavior.lambdaFunctionAssociations", "defaultCacheBehavior.functionAssociations",
                    "defaultCacheBehavior.forwardedValues.headers",
                    "defaultCacheBehavior.forwardedValues.cookies.whitelistedNames",
                    "orderedCacheBehaviors[].allowedMethods", "orderedCacheBehaviors[].cachedMethods",
                    "orderedCacheBehaviors[].lambdaFunctionAssociations",
                    "orderedCacheBehaviors[].functionAssociations", "orderedCacheBehaviors[].forwardedValues.headers",
                    "orderedCacheBehaviors[].forwardedValues.cookies.whitelistedNames")));

    private static final UnaryOperator<String> UPPER = s -> s.toUpperCase(Locale.ROOT);

    /** Type token -> path -> the provider's normalization of the value before it compares. */
    static final Map<String, Map<String, UnaryOperator<String>>> NORMALIZED = Map.of(
            // route53/record.go: name's StateFunc trims a trailing dot and lowercases; an alias name is compared
            // case-insensitively (SuppressEquivalentStringCaseInsensitive).
            "aws:route53/record:Record", Map.of(
                    "name", s -> (s.endsWith(".") ? s.substring(0, s.length() - 1) : s).toLowerCase(Locale.ROOT),
                    "aliases[].name", s -> s.toLowerCase(Locale.ROOT)),
            // route53/health_check.go: type's StateFunc uppercases
            "aws:route53/healthCheck:HealthCheck", Map.of("type", UPPER),
            // elbv2/target_group.go: protocol_version's and the health check protocol's StateFuncs uppercase
            "aws:lb/targetGroup:TargetGroup", Map.of("protocolVersion", UPPER, "healthCheck.protocol", UPPER));

    /**
     * ec2/vpc_security_group_ingress_rule.go (ModifyPlan): a rule's source is exactly one of these; another value
     * of the same kind is modified in place, a source of another kind replaces the rule.
     */
    static final List<String> SOURCE_KINDS = List.of("cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId");
    static final Set<String> SECURITY_GROUP_RULES = Set.of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");

    static final String LOAD_BALANCER = dev.latencyedge.plan.ProtectionSettings.LOAD_BALANCER;
    static final String SUBNET_MAPPINGS = "subnetMappings";

    /** A resource moved to another provider (another Region) is created anew there. */
    public static final String PROVIDER = "provider";

    private ReplacementRules() {
    }

    /** The inputs as the provider compares them: sets in a stable order, normalized values normalized. */
    public static JsonObject canonical(String type, JsonObject inputs) {
        if (inputs == null) {
            return new JsonObject();
        }
        return canonical(inputs, "", SETS.getOrDefault(type, Set.of()), NORMALIZED.getOrDefault(type, Map.of()))
                .getAsJsonObject();
    }

    private static JsonElement canonical(JsonElement value, String path, Set<String> sets,
                                         Map<String, UnaryOperator<String>> normalized) {
        if (value.isJsonObject()) {
            var copy = new JsonObject();
            value.getAsJsonObject().entrySet().forEach(e -> copy.add(e.getKey(), canonical(e.getValue(),
                    path.isEmpty() ? e.getKey() : path + "." + e.getKey(), sets, normalized)));
            return copy;
        }
        if (value.isJsonArray()) {
            var elements = new ArrayList<JsonElement>();
            value.getAsJsonArray().forEach(e -> elements.add(canonical(e, path + "[]", sets, normalized)));
            if (sets.contains(path)) {
                elements.sort(Comparator.comparing(JsonElement::toString));
            }
            var copy = new JsonArray();
            elements.forEach(copy::add);
            return copy;
        }
        var normalize = normalized.get(path);
        if (normalize != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return new JsonPrimitive(normalize.apply(value.getAsString()));
        }
        return value;
    }

    /**
     * The replacement a change forces, if any.
     *
     * @param before          the inputs before, canonical
     * @param after           the inputs after, canonical
     * @param providerChanged whether the resource moves to another provider
     */
    public static Optional<Replacement> replacement(String type, JsonObject before, JsonObject after,
                                                    boolean providerChanged) {
        var paths = new ArrayList<String>();
        var reasons = new ArrayList<String>();
        if (providerChanged) {
            paths.add(PROVIDER);
            reasons.add("its provider (Region) changes");
        }
        for (var property : FORCE_NEW.getOrDefault(type, List.of())) {
            if (!Objects.equals(before.get(property), after.get(property))) {
                paths.add(property);
                reasons.add(property + " cannot change in place");
            }
        }
        if (type.equals(LOAD_BALANCER) && existingSubnetMappingChanges(before.get(SUBNET_MAPPINGS),
                after.get(SUBNET_MAPPINGS))) {
            paths.add(SUBNET_MAPPINGS);
            reasons.add("an existing subnetMappings entry changes (an ALB only adds or removes mappings in place)");
        }
        if (SECURITY_GROUP_RULES.contains(type)) {
            var from = sourceKind(before);
            var to = sourceKind(after);
            if (from.isPresent() && to.isPresent() && !from.equals(to)) {
                paths.add(from.get());
                paths.add(to.get());
                reasons.add("the rule's source changes kind, from " + from.get() + " to " + to.get());
            }
        }
        return paths.isEmpty() ? Optional.empty() : Optional.of(new Replacement(List.copyOf(paths),
                String.join("; ", reasons)));
    }

    /**
     * elbv2/load_balancer.go, customizeDiffLoadBalancerALB: the mappings of an application load balancer may
     * grow or shrink in place, but when neither side holds every mapping of the other an existing one changed.
     */
    private static boolean existingSubnetMappingChanges(JsonElement before, JsonElement after) {
        var old = elements(before);
        var now = elements(after);
        return !old.equals(now) && !now.containsAll(old) && !old.containsAll(now);
    }

    private static List<JsonElement> elements(JsonElement list) {
        var elements = new ArrayList<JsonElement>();
        if (list != null && list.isJsonArray()) {
            list.getAsJsonArray().forEach(elements::add);
        }
        return elements;
    }

    private static Optional<String> sourceKind(JsonObject inputs) {
        return SOURCE_KINDS.stream().filter(k -> inputs.has(k) && !inputs.get(k).isJsonNull()).findFirst();
    }
}
