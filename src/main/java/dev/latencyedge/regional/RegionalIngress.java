package dev.latencyedge.regional;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.GetManagedPrefixListArgs;
import com.pulumi.aws.ec2.inputs.GetSubnetsArgs;
import com.pulumi.aws.ec2.inputs.GetSubnetsFilterArgs;
import com.pulumi.aws.ec2.outputs.GetManagedPrefixListResult;
import com.pulumi.aws.eks.EksFunctions;
import com.pulumi.aws.eks.inputs.GetClusterArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpRequestMethodArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.Route53Functions;
import com.pulumi.aws.route53.inputs.GetZoneArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.latencyedge.certificates.DnsValidatedCertificate;
import dev.latencyedge.certificates.DnsValidatedCertificateArgs;
import dev.latencyedge.settings.Secret;

import java.util.List;
import java.util.Map;

/**
 * One Region's entry point for CloudFront: an internet-facing ALB in front of the EKS ingress controller that
 * answers only CloudFront (with the secret header) and Route 53 health checkers, plus the Region's health check.
 *
 * <p>Children are named {@code <region>-<part>}. The ALB forwards to the ingress controller only when the
 * verification header carries an accepted value; everything else gets a fixed 403. The health path is let
 * through without the header because Route 53 health checkers cannot send headers.
 */
public final class RegionalIngress extends ComponentResource {

    public static final String TYPE = "latency-edge:regional:RegionalIngress";
    public static final String CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    public static final int HEADER_RULE_PRIORITY = 10;
    public static final int HEALTH_RULE_PRIORITY = 20;

    @Export(name = "albArn", refs = {String.class})
    public final Output<String> albArn;
    @Export(name = "albDnsName", refs = {String.class})
    public final Output<String> albDnsName;
    @Export(name = "albZoneId", refs = {String.class})
    public final Output<String> albZoneId;
    /** The calculated check the latency record uses: it follows the endpoint check unless the Region drains. */
    @Export(name = "healthCheckId", refs = {String.class})
    public final Output<String> healthCheckId;
    /** The HTTPS check of the Region's own name. */
    @Export(name = "endpointHealthCheckId", refs = {String.class})
    public final Output<String> endpointHealthCheckId;
    @Export(name = "targetGroupArn", refs = {String.class})
    public final Output<String> targetGroupArn;
    /** A TargetGroupBinding for the AWS Load Balancer Controller, ready for kubectl apply. */
    @Export(name = "targetGroupBinding", refs = {String.class})
    public final Output<String> targetGroupBinding;

    public RegionalIngress(String name, RegionalIngressArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var region = args.region();
        var lookups = InvokeOptions.builder().parent(this).build();

        var cluster = EksFunctions.getCluster(GetClusterArgs.builder().name(args.clusterName()).build(), lookups);
        var vpcId = cluster.applyValue(c -> c.vpcConfig().vpcId());
        var clusterSecurityGroupId = cluster.applyValue(c -> c.vpcConfig().clusterSecurityGroupId());
        var subnetIds = args.publicSubnetIds().isEmpty()
                ? Ec2Functions.getSubnets(GetSubnetsArgs.builder().filters(
                        GetSubnetsFilterArgs.builder().name("vpc-id").values(vpcId.applyValue(List::of)).build(),
                        GetSubnetsFilterArgs.builder().name("tag:kubernetes.io/role/elb").values("1").build())
                .build(), lookups).applyValue(s -> s.ids())
                : Output.of(args.publicSubnetIds());
        var cloudfrontPrefixList = prefixList(CLOUDFRONT_PREFIX_LIST, lookups);
        var healthCheckerPrefixList = prefixList("com.amazonaws." + region + ".route53-healthchecks", lookups);
        var zoneId = Route53Functions.getZone(GetZoneArgs.builder().name(args.zone()).privateZone(false).build(),
                lookups).applyValue(z -> z.zoneId());

        // Two groups because the two prefix lists weigh 55 and 25 rules and a group holds 60 inbound rules.
        var fromCloudfront = securityGroup(region + "-alb-cloudfront", vpcId,
                "HTTPS from CloudFront origin-facing servers only");
        var fromHealthCheckers = securityGroup(region + "-alb-healthchecks", vpcId,
                "HTTPS from Route 53 health checkers only");
        new SecurityGroupIngressRule(region + "-alb-cloudfront-https", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(fromCloudfront.id())
                .prefixListId(cloudfrontPrefixList)
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .description("HTTPS from " + CLOUDFRONT_PREFIX_LIST)
                .build(), child().build());
        new SecurityGroupIngressRule(region + "-alb-healthchecks-https", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(fromHealthCheckers.id())
                .prefixListId(healthCheckerPrefixList)
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .description("HTTPS from Route 53 health checkers")
                .build(), child().build());
        var port = args.target().port();
        new SecurityGroupEgressRule(region + "-alb-to-cluster", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(fromCloudfront.id())
                .referencedSecurityGroupId(clusterSecurityGroupId)
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description("ALB to the ingress controller")
                .build(), child().build());
        new SecurityGroupIngressRule(region + "-cluster-from-alb", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(clusterSecurityGroupId)
                .referencedSecurityGroupId(fromCloudfront.id())
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description("latency-edge ALB to the ingress controller")
                .build(), child().build());

        var alb = new LoadBalancer(region + "-alb", LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .securityGroups(Output.all(fromCloudfront.id(), fromHealthCheckers.id()))
                .subnets(subnetIds)
                .enableDeletionProtection(args.deletionProtection())
                .dropInvalidHeaderFields(true)
                .build(), child().build());

        var health = args.health();
        var targetGroup = new TargetGroup(region + "-ingress", TargetGroupArgs.builder()
                .vpcId(vpcId)
                .targetType(args.target().type())
                .port(port)
                .protocol("HTTP")
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .path(health.path()).protocol("HTTP").port("traffic-port").matcher("200-399")
                        .interval(10).healthyThreshold(2).unhealthyThreshold(2).build())
                .build(), child().build());

        var certificate = new DnsValidatedCertificate(region + "-origin", new DnsValidatedCertificateArgs(
                "*." + args.originParent(), List.of(), zoneId, true),
                ComponentResourceOptions.builder().parent(this).build());

        var listener = new Listener(region + "-https", ListenerArgs.builder()
                .loadBalancerArn(alb.arn())
                .port(443)
                .protocol("HTTPS")
                .sslPolicy(TLS_POLICY)
                .certificateArn(certificate.certificateArn)
                .defaultActions(ListenerDefaultActionArgs.builder()
                        .type("fixed-response")
                        .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                                .statusCode("403").contentType("text/plain").messageBody("Forbidden").build())
                        .build())
                .build(), child().build());
        var forward = ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targetGroup.arn()).build();
        new ListenerRule(region + "-from-cloudfront", ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(HEADER_RULE_PRIORITY)
                .conditions(ListenerRuleConditionArgs.builder()
                        .httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                                .httpHeaderName(args.originVerifyHeader())
                                .values(Output.ofSecret(args.acceptedSecrets().stream().map(Secret::reveal).toList()))
                                .build())
                        .build())
                .actions(forward)
                .build(), child().build());
        new ListenerRule(region + "-health", ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(HEALTH_RULE_PRIORITY)
                .conditions(
                        ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                                .values(health.path()).build()).build(),
                        ListenerRuleConditionArgs.builder().httpRequestMethod(
                                ListenerRuleConditionHttpRequestMethodArgs.builder().values("GET", "HEAD").build())
                                .build())
                .actions(forward)
                .build(), child().build());

        new Record(region + "-name", RecordArgs.builder()
                .zoneId(zoneId)
                .name(args.regionalHost())
                .type("A")
                .aliases(RecordAliasArgs.builder()
                        .name(alb.dnsName()).zoneId(alb.zoneId()).evaluateTargetHealth(false).build())
                .build(), child().build());

        var endpointCheck = new HealthCheck(region + "-endpoint", HealthCheckArgs.builder()
                .type("HTTPS")
                .fqdn(args.regionalHost())
                .port(443)
                .enableSni(true)
                .resourcePath(health.path())
                .requestInterval(health.requestInterval())
                .failureThreshold(health.failureThreshold())
                .regions(health.checkerRegions())
                .tags(Map.of("Name", args.regionalHost()))
                .build(), child().build());
        // A calculated check whose threshold exceeds its single child is always unhealthy: drain is a data-plane
        // switch that takes the Region out of rotation without touching a DNS record.
        var calculatedCheck = new HealthCheck(region + "-rotation", HealthCheckArgs.builder()
                .type("CALCULATED")
                .childHealthchecks(endpointCheck.id().applyValue(List::of))
                .childHealthThreshold(health.drain() ? 2 : 1)
                .tags(Map.of("Name", region + (health.drain() ? " (drained)" : " (in rotation)")))
                .build(), child().build());

        var alarm = MetricAlarmArgs.builder()
                .alarmDescription("Route 53 health check of " + args.regionalHost() + " is failing")
                .namespace("AWS/Route53")
                .metricName("HealthCheckStatus")
                .dimensions(endpointCheck.id().applyValue(id -> Map.of("HealthCheckId", id)))
                .statistic("Minimum")
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("LessThanThreshold")
                .treatMissingData("breaching");
        args.alarmTopicArn().ifPresent(topic -> alarm.alarmActions(topic).okActions(topic));
        new MetricAlarm(region + "-health-alarm", alarm.build(),
                child().provider(args.metricsProvider()).build());

        this.albArn = alb.arn();
        this.albDnsName = alb.dnsName();
        this.albZoneId = alb.zoneId();
        this.healthCheckId = calculatedCheck.id();
        this.endpointHealthCheckId = endpointCheck.id();
        this.targetGroupArn = targetGroup.arn();
        this.targetGroupBinding = targetGroup.arn().applyValue(arn -> TargetGroupBindingManifest.render(
                "latency-edge-" + region, args.target(), arn));
        registerOutputs(Map.of(
                "albArn", albArn,
                "albDnsName", albDnsName,
                "albZoneId", albZoneId,
                "healthCheckId", healthCheckId,
                "endpointHealthCheckId", endpointHealthCheckId,
                "targetGroupArn", targetGroupArn,
                "targetGroupBinding", targetGroupBinding));
    }

    private Output<String> prefixList(String prefixListName, InvokeOptions lookups) {
        return Ec2Functions.getManagedPrefixList(GetManagedPrefixListArgs.builder().name(prefixListName).build(),
                lookups).applyValue(GetManagedPrefixListResult::id);
    }

    /** A group with no rules of its own; rules are separate resources so each is visible and reviewable. */
    private SecurityGroup securityGroup(String name, Output<String> vpcId, String description) {
        return new SecurityGroup(name, SecurityGroupArgs.builder()
                .vpcId(vpcId)
                .description(description)
                .revokeRulesOnDelete(true)
                .tags(Map.of("Name", name))
                .build(), child().build());
    }

    private CustomResourceOptions.Builder child() {
        return CustomResourceOptions.builder().parent(this);
    }
}
