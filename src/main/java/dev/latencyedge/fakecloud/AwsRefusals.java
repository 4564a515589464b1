package dev.latencyedge.fakecloud;

import dev.latencyedge.settings.AwsLimits;
import dev.latencyedge.settings.AwsRegions;
import dev.latencyedge.settings.TagRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The requests AWS refuses, refused again by the fake cloud, so the offline plan fails where {@code pulumi up}
 * would (and not only where our validation thought of it). Each message says what AWS would answer and why.
 */
final class AwsRefusals {

    private AwsRefusals() {
    }

    /** AWS's answer to a request the fake cloud will not carry out. */
    static final class Refused extends RuntimeException {
        Refused(String type, String name, String reason) {
            super("AWS would refuse " + type + " " + name + ": " + reason);
        }
    }

    /**
     * @param defaultTags the resource's provider's default tags, which the provider merges into its tags
     */
    static void check(String type, String name, Map<String, Object> in, Map<String, String> defaultTags) {
        var problems = new ArrayList<String>();
        if (in.get("tags") instanceof Map<?, ?> || (!defaultTags.isEmpty() && isTaggable(type))) {
            var tags = new TreeMap<>(defaultTags);
            if (in.get("tags") instanceof Map<?, ?> own) {
                own.forEach((k, v) -> tags.put(String.valueOf(k), String.valueOf(v)));
            }
            problems.addAll(TagRules.problems(tags));
        }
        switch (type) {
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                elbName(in, problems);
                if (in.get("clientKeepAlive") instanceof Number n && (n.intValue() < AwsLimits.ALB_CLIENT_KEEP_ALIVE_MIN
                        || n.intValue() > AwsLimits.ALB_CLIENT_KEEP_ALIVE_MAX)) {
                    problems.add("client_keep_alive.seconds must be " + AwsLimits.ALB_CLIENT_KEEP_ALIVE_MIN + " to "
                            + AwsLimits.ALB_CLIENT_KEEP_ALIVE_MAX + ", got " + n);
                }
            }
            case "aws:lb/targetGroup:TargetGroup" -> {
                elbName(in, problems);
                if (in.get("healthCheck") instanceof Map<?, ?> check && check.get("path") instanceof String path
                        && path.length() > AwsLimits.TARGET_GROUP_HEALTH_PATH) {
                    problems.add("health check path over " + AwsLimits.TARGET_GROUP_HEALTH_PATH + " characters");
                }
            }
            case "aws:lb/listenerRule:ListenerRule" -> listenerRule(in, problems);
            case "aws:route53/healthCheck:HealthCheck" -> healthCheck(in, problems);
            case "aws:route53/record:Record" -> {
                for (var policy : list(in.get("latencyRoutingPolicies"))) {
                    var label = String.valueOf(((Map<?, ?>) policy).get("region"));
                    if (!AwsRegions.CODES.contains(label)) {
                        problems.add("InvalidInput: " + label + " is not a Route 53 latency Region");
                    }
                }
                if ("TXT".equals(in.get("type"))) {
                    txtStrings(in, problems);
                }
            }
            case "aws:acm/certificate:Certificate" -> {
                var first = String.valueOf(in.get("domainName"));
                if (first.length() > AwsLimits.ACM_MAX_FIRST_NAME) {
                    problems.add("the first domain name may be at most " + AwsLimits.ACM_MAX_FIRST_NAME
                            + " characters, " + first + " has " + first.length());
                }
                if (1 + list(in.get("subjectAlternativeNames")).size() > AwsLimits.ACM_MAX_NAMES) {
                    problems.add("more than " + AwsLimits.ACM_MAX_NAMES + " names on one certificate (quota)");
                }
            }
            case "aws:cloudfront/distribution:Distribution" -> distribution(in, problems);
            case "aws:cloudwatch/dashboard:Dashboard" -> DashboardRefusals.check(in, problems);
            default -> {
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(type, name, String.join("; ", problems));
        }
    }

    /** Resources the AWS provider applies default tags to among those this program creates. */
    private static boolean isTaggable(String type) {
        return type.startsWith("aws:route53/healthCheck") || type.startsWith("aws:lb/loadBalancer")
                || type.startsWith("aws:lb/targetGroup") || type.startsWith("aws:lb/listener")
                || type.startsWith("aws:ec2/securityGroup:") || type.startsWith("aws:vpc/")
                || type.startsWith("aws:acm/certificate:") || type.startsWith("aws:cloudwatch/metricAlarm")
                || type.startsWith("aws:cloudfront/distribution");
    }

    private static void elbName(Map<String, Object> in, List<String> problems) {
        if (in.get("name") instanceof String name && name.length() > AwsLimits.ELB_NAME) {
            problems.add("ELBv2 names are at most " + AwsLimits.ELB_NAME + " characters, " + name + " has "
                    + name.length());
        }
    }

    private static void listenerRule(Map<String, Object> in, List<String> problems) {
        var values = 0;
        for (var condition : list(in.get("conditions"))) {
            for (var entry : ((Map<?, ?>) condition).entrySet()) {
                if (!(entry.getValue() instanceof Map<?, ?> body)) {
                    continue;
                }
                for (var value : list(body.get("values"))) {
                    values++;
                    if (String.valueOf(value).length() > AwsLimits.ALB_CONDITION_VALUE) {
                        problems.add(entry.getKey() + " value over " + AwsLimits.ALB_CONDITION_VALUE + " characters");
                    }
                }
                if (body.get("httpHeaderName") instanceof String header && header.length() > AwsLimits.ALB_HEADER_NAME) {
                    problems.add("http-header name over " + AwsLimits.ALB_HEADER_NAME + " characters");
                }
            }
        }
        if (values > AwsLimits.ALB_CONDITION_VALUES_PER_RULE) {
            problems.add(values + " condition values, a rule takes at most " + AwsLimits.ALB_CONDITION_VALUES_PER_RULE);
        }
    }

    private static void healthCheck(Map<String, Object> in, List<String> problems) {
        if ("CALCULATED".equals(in.get("type"))) {
            return;
        }
        if (in.get("resourcePath") instanceof String path && path.length() > AwsLimits.HEALTH_CHECK_PATH) {
            problems.add("ResourcePath over " + AwsLimits.HEALTH_CHECK_PATH + " characters");
        }
        if (in.get("fqdn") instanceof String fqdn && fqdn.length() > AwsLimits.HEALTH_CHECK_FQDN) {
            problems.add("FullyQualifiedDomainName over " + AwsLimits.HEALTH_CHECK_FQDN + " characters");
        }
        if (in.get("requestInterval") instanceof Number n && !AwsLimits.HEALTH_CHECK_INTERVALS.contains(n.intValue())) {
            problems.add("RequestInterval must be 10 or 30, got " + n);
        }
        var regions = list(in.get("regions"));
        if (!regions.isEmpty() && (regions.size() < AwsLimits.HEALTH_CHECKER_REGIONS_MIN
                || !AwsRegions.HEALTH_CHECKER_REGIONS.containsAll(regions.stream().map(String::valueOf).toList()))) {
            problems.add("Regions must be at least " + AwsLimits.HEALTH_CHECKER_REGIONS_MIN + " of " + AwsRegions.HEALTH_CHECKER_REGIONS + ", got " + regions);
        }
    }

    private static void distribution(Map<String, Object> in, List<String> problems) {
        if (in.get("comment") instanceof String comment && comment.length() > AwsLimits.CLOUDFRONT_COMMENT) {
            problems.add("the comment is " + comment.length() + " characters, at most "
                    + AwsLimits.CLOUDFRONT_COMMENT);
        }
        for (var origin : list(in.get("origins"))) {
            var o = (Map<?, ?>) origin;
            if (o.get("customOriginConfig") instanceof Map<?, ?> custom) {
                for (var key : List.of("originReadTimeout", "originKeepaliveTimeout")) {
                    if (custom.get(key) instanceof Number n && n.intValue() > AwsLimits.CLOUDFRONT_ORIGIN_TIMEOUT) {
                        problems.add(key + " " + n + " is over " + AwsLimits.CLOUDFRONT_ORIGIN_TIMEOUT
                                + " s, which needs a quota increase");
                    }
                }
            }
            var headers = list(o.get("customHeaders"));
            if (headers.size() > AwsLimits.CLOUDFRONT_CUSTOM_HEADERS) {
                problems.add("more than " + AwsLimits.CLOUDFRONT_CUSTOM_HEADERS + " custom origin headers");
            }
            for (var header : headers) {
                var headerName = String.valueOf(((Map<?, ?>) header).get("name"));
                if (AwsLimits.cloudFrontRefusesHeader(headerName)) {
                    problems.add("InvalidArgument: the custom origin header " + headerName
                            + " is one CloudFront cannot add");
                }
            }
        }
    }

    /**
     * The provider quotes each value into one string; {@code ""} inside it starts another (terraform-provider-aws,
     * route53 flattenTxtEntry and the aws_route53_record docs). Route 53 refuses a string over 255 characters with
     * "InvalidChangeBatch ... TXTRDATATooLong" (AWS knowledge center, route53-resolve-dkim-text-record-error).
     */
    private static void txtStrings(Map<String, Object> in, List<String> problems) {
        for (var value : list(in.get("records"))) {
            for (var string : String.valueOf(value).split("\"\"")) {
                if (string.length() > AwsLimits.ROUTE53_TXT_STRING) {
                    problems.add("InvalidChangeBatch: TXTRDATATooLong (Value is too long): a TXT string of "
                            + string.length() + " characters, at most " + AwsLimits.ROUTE53_TXT_STRING);
                }
            }
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
