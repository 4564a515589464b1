package dev.latencyedge.diff;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Input properties AWS cannot change in place for the resource types this program creates: the {@code ForceNew}
 * (or RequiresReplace) attributes of their terraform-provider-aws schemas, which pulumi-aws runs, under their
 * Pulumi names. A change to one of them replaces the resource (a new id or ARN).
 */
public final class ReplacementRules {

    /** Type token -> replacing properties, each with the schema it comes from. */
    static final Map<String, List<String>> FORCE_NEW = Map.ofEntries(
            // internal/service/route53/health_check.go
            Map.entry("aws:route53/healthCheck:HealthCheck",
                    List.of("type", "requestInterval", "measureLatency", "referenceName", "routingControlArn")),
            // internal/service/route53/record.go
            Map.entry("aws:route53/record:Record", List.of("name", "zoneId")),
            // internal/service/elbv2/target_group.go
            Map.entry("aws:lb/targetGroup:TargetGroup", List.of("name", "namePrefix", "port", "protocol",
                    "protocolVersion", "targetType", "vpcId", "ipAddressType")),
            // internal/service/elbv2/load_balancer.go
            Map.entry("aws:lb/loadBalancer:LoadBalancer", List.of("name", "namePrefix", "internal",
                    "loadBalancerType")),
            // internal/service/elbv2/listener.go
            Map.entry("aws:lb/listener:Listener", List.of("loadBalancerArn")),
            // internal/service/elbv2/listener_rule.go
            Map.entry("aws:lb/listenerRule:ListenerRule", List.of("listenerArn")),
            // internal/service/ec2/vpc_security_group.go
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("name", "namePrefix", "description", "vpcId")),
            // internal/service/ec2/vpc_security_group_ingress_rule.go (egress shares its schema)
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", List.of("securityGroupId")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", List.of("securityGroupId")),
            // internal/service/acm/certificate.go
            Map.entry("aws:acm/certificate:Certificate", List.of("domainName", "subjectAlternativeNames")),
            // internal/service/acm/certificate_validation.go
            Map.entry("aws:acm/certificateValidation:CertificateValidation",
                    List.of("certificateArn", "validationRecordFqdns")),
            // internal/service/cloudwatch/metric_alarm.go (alarm_name, named "name" by pulumi-aws)
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", List.of("name")),
            // internal/service/cloudfront/function.go
            Map.entry("aws:cloudfront/function:Function", List.of("name")),
            // internal/service/cloudwatch/dashboard.go
            Map.entry("aws:cloudwatch/dashboard:Dashboard", List.of("dashboardName")),
            // internal/service/cloudfront/monitoring_subscription.go
            Map.entry("aws:cloudfront/monitoringSubscription:MonitoringSubscription", List.of("distributionId")));

    /** A resource moved to another provider (another Region) is created anew there. */
    public static final String PROVIDER = "provider";

    private ReplacementRules() {
    }

    /** Why a change of this top-level input property replaces a resource of this type, if it does. */
    public static Optional<String> reason(String type, String property) {
        if (property.equals(PROVIDER)) {
            return Optional.of("its provider (Region) changes");
        }
        return FORCE_NEW.getOrDefault(type, List.of()).contains(property)
                ? Optional.of(property + " cannot change in place") : Optional.empty();
    }
}
