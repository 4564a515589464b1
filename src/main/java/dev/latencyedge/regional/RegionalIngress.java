package dev.latencyedge.regional;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetSubnetsArgs;
import com.pulumi.aws.ec2.inputs.GetSubnetsFilterArgs;
import com.pulumi.aws.eks.EksFunctions;
import com.pulumi.aws.eks.inputs.GetClusterArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHostHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpRequestMethodArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.route53.Route53Functions;
import com.pulumi.aws.route53.inputs.GetZoneArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.latencyedge.certificates.DnsValidatedCertificate;
import dev.latencyedge.certificates.DnsValidatedCertificateArgs;
import dev.latencyedge.failover.FailoverBudget;
import dev.latencyedge.settings.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Region's entry point for CloudFront: an internet-facing ALB in front of the EKS cluster that answers only
 * CloudFront (with the secret header) and Route 53 health checkers, plus the Region's health check.
 *
 * <p>Children are named {@code <region>-<part>}. The listener forwards to the ingress controller only when the
 * verification header carries an accepted value; the health check's request (Host = the ALB's own name, the
 * health path, GET or HEAD) goes to the application's health Service; everything else gets a fixed 403. No DNS
 * record names the ALB: the latency record set of the edge stack is the only way in.
 */
public final class RegionalIngress extends ComponentResource {

    public static final String TYPE = "latency-edge:regional:RegionalIngress";
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    public static final int HEADER_RULE_PRIORITY = 10;
    public static final int HEALTH_RULE_PRIORITY = 20;

    @Export(name = "albArn", refs = {String.class})
    public final Output<String> albArn;
    @Export(name = "albDnsName", refs = {String.class})
    public final Output<String> albDnsName;
    @Export(name = "albZoneId", refs = {String.class})
    public final Output<String> albZoneId;
    @Export(name = "healthCheckId", refs = {String.class})
    public final Output<String> healthCheckId;
    @Export(name = "endpointHealthCheckId", refs = {String.class})
    public final Output<String> endpointHealthCheckId;
    /** The ingress controller's target group. */
    @Export(name = "targetGroupArn", refs = {String.class})
    public final Output<String> targetGroupArn;
    /** The application health Service's target group, which only the health check reaches. */
    @Export(name = "healthTargetGroupArn", refs = {String.class})
    public final Output<String> healthTargetGroupArn;
    /** Both TargetGroupBindings, one YAML stream, ready for kubectl apply. */
    @Export(name = "targetGroupBinding", refs = {String.class})
    public final Output<String> targetGroupBinding;

    public RegionalIngress(String name, RegionalIngressArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var region = args.region();
        var lookups = InvokeOptions.builder().parent(this).build();
        var children = ComponentResourceOptions.builder().parent(this).build();

        var cluster = EksFunctions.getCluster(GetClusterArgs.builder().name(args.clusterName()).build(), lookups);
        var vpcId = cluster.applyValue(c -> c.vpcConfig().vpcId());
        var subnetIds = args.publicSubnetIds().isEmpty()
                ? Ec2Functions.getSubnets(GetSubnetsArgs.builder().filters(
                        GetSubnetsFilterArgs.builder().name("vpc-id").values(vpcId.applyValue(List::of)).build(),
                        GetSubnetsFilterArgs.builder().name("tag:kubernetes.io/role/elb").values("1").build())
                .build(), lookups).applyValue(s -> s.ids())
                : Output.of(args.publicSubnetIds());
        var zoneId = Route53Functions.getZone(GetZoneArgs.builder().name(args.zone()).privateZone(false).build(),
                lookups).applyValue(z -> z.zoneId());

        var target = args.target();
        var targetGroups = new ArrayList<AlbLockdown.TargetGroupRef>();
        if (target.securityGroupIds().isEmpty()) {
            targetGroups.add(new AlbLockdown.TargetGroupRef("cluster",
                    cluster.applyValue(c -> c.vpcConfig().clusterSecurityGroupId())));
        }
        target.securityGroupIds().forEach(id -> targetGroups.add(new AlbLockdown.TargetGroupRef(id, Output.of(id))));
        var lockdown = new AlbLockdown(region, vpcId, targetGroups, target.targetPorts(), children);

        var alb = new LoadBalancer(region + "-alb", LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .securityGroups(lockdown.securityGroupIds)
                .subnets(subnetIds)
                .enableDeletionProtection(args.deletionProtection())
                .dropInvalidHeaderFields(true)
                // The default (3600 s) lets CloudFront keep using a failed Region's open connections for an hour.
                .clientKeepAlive(FailoverBudget.ALB_CLIENT_KEEP_ALIVE_SECONDS)
                .build(), child());

        var ingress = new BoundTargetGroup(region + "-ingress", vpcId, target.type(), target.ingress(),
                target.ingressHealthCheckPath(), target.allowReplacement(), children);
        var application = new BoundTargetGroup(region + "-app", vpcId, target.type(), target.application(),
                args.health().path(), target.allowReplacement(), children);

        // CloudFront forwards the viewer's Host, and checks the certificate against it: the public names are on
        // every regional certificate; the wildcard covers the secret origin name without publishing its label.
        var certificate = new DnsValidatedCertificate(region + "-origin", new DnsValidatedCertificateArgs(
                args.certificateName(), args.domainNames(), zoneId, true), children);

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
                .build(), child());
        new ListenerRule(region + "-from-cloudfront", ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(HEADER_RULE_PRIORITY)
                .conditions(ListenerRuleConditionArgs.builder()
                        .httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                                .httpHeaderName(args.originVerifyHeader())
                                .values(Output.ofSecret(args.acceptedSecrets().stream().map(Secret::reveal).toList()))
                                .build())
                        .build())
                .actions(forwardTo(ingress.arn))
                .build(), child());
        // Route 53 health checks cannot send headers; they send the probed name as Host. Only that host and path
        // reach the application's health Service, and nothing else gets through without the header.
        new ListenerRule(region + "-health", ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(HEALTH_RULE_PRIORITY)
                .conditions(
                        ListenerRuleConditionArgs.builder().hostHeader(ListenerRuleConditionHostHeaderArgs.builder()
                                .values(alb.dnsName().applyValue(List::of)).build()).build(),
                        ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                                .values(args.health().path()).build()).build(),
                        ListenerRuleConditionArgs.builder().httpRequestMethod(
                                ListenerRuleConditionHttpRequestMethodArgs.builder().values("GET", "HEAD").build())
                                .build())
                .actions(forwardTo(application.arn))
                .build(), child());

        var health = new RegionalHealthCheck(region, alb.dnsName(), args.health(), args.alarmTopicArn(),
                args.metricsProvider(), children);

        this.albArn = alb.arn();
        this.albDnsName = alb.dnsName();
        this.albZoneId = alb.zoneId();
        this.healthCheckId = health.healthCheckId;
        this.endpointHealthCheckId = health.endpointHealthCheckId;
        this.targetGroupArn = ingress.arn;
        this.healthTargetGroupArn = application.arn;
        this.targetGroupBinding = Output.all(ingress.binding, application.binding)
                .applyValue(docs -> String.join("---\n", docs));
        registerOutputs(Map.of(
                "albArn", albArn,
                "albDnsName", albDnsName,
                "albZoneId", albZoneId,
                "healthCheckId", healthCheckId,
                "endpointHealthCheckId", endpointHealthCheckId,
                "targetGroupArn", targetGroupArn,
                "healthTargetGroupArn", healthTargetGroupArn,
                "targetGroupBinding", targetGroupBinding));
    }

    private static ListenerRuleActionArgs forwardTo(Output<String> targetGroupArn) {
        return ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targetGroupArn).build();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
