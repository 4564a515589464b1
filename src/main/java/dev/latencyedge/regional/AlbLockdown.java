package dev.latencyedge.regional;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.GetManagedPrefixListArgs;
import com.pulumi.aws.ec2.outputs.GetManagedPrefixListResult;
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

import java.util.List;
import java.util.Map;

/**
 * The ALB's security groups: HTTPS only from CloudFront's origin-facing servers and from the Route 53 health
 * checkers, and from the ALB only to the target ports on the security groups the targets carry.
 *
 * <p>Two groups because the two AWS-managed prefix lists weigh 55 and 25 rules and a group holds 60 inbound
 * rules by default. Rules are separate resources, each named after its group and port, so adding a port or a
 * target group adds rules and never replaces one.
 */
public final class AlbLockdown extends ComponentResource {

    public static final String TYPE = "latency-edge:regional:AlbLockdown";
    public static final String CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";

    /** A security group the targets carry: a stable key for logical names, and its id. */
    public record TargetGroupRef(String key, Output<String> id) {
    }

    /** The ALB's two groups, in the order the ALB lists them. */
    @Export(name = "securityGroupIds", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> securityGroupIds;

    /**
     * @param region       names every child and picks the Region's health-checker prefix list
     * @param vpcId        the cluster's VPC
     * @param targetGroups the security groups the targets carry
     * @param targetPorts  the pod (or node) ports the ALB sends to
     */
    public AlbLockdown(String region, Output<String> vpcId, List<TargetGroupRef> targetGroups,
                       List<Integer> targetPorts, ComponentResourceOptions options) {
        super(TYPE, region + "-lockdown", null, options);
        var lookups = InvokeOptions.builder().parent(this).build();
        var fromCloudfront = securityGroup(region + "-alb-cloudfront", vpcId,
                "HTTPS from CloudFront origin-facing servers only");
        var fromHealthCheckers = securityGroup(region + "-alb-healthchecks", vpcId,
                "HTTPS from Route 53 health checkers only");
        new SecurityGroupIngressRule(region + "-alb-cloudfront-https", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(fromCloudfront.id())
                .prefixListId(prefixList(CLOUDFRONT_PREFIX_LIST, lookups))
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .description("HTTPS from " + CLOUDFRONT_PREFIX_LIST)
                .build(), child());
        // The Region's list holds every health checker's ranges, wherever it runs (Route 53 developer guide,
        // "Configuring router and firewall rules for Route 53 health checks").
        new SecurityGroupIngressRule(region + "-alb-healthchecks-https", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(fromHealthCheckers.id())
                .prefixListId(prefixList("com.amazonaws." + region + ".route53-healthchecks", lookups))
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .description("HTTPS from Route 53 health checkers")
                .build(), child());
        for (var target : targetGroups) {
            for (var port : targetPorts) {
                new SecurityGroupEgressRule(region + "-alb-to-" + target.key() + "-" + port,
                        SecurityGroupEgressRuleArgs.builder()
                                .securityGroupId(fromCloudfront.id())
                                .referencedSecurityGroupId(target.id())
                                .ipProtocol("tcp").fromPort(port).toPort(port)
                                .description("ALB to targets on " + port)
                                .build(), child());
                new SecurityGroupIngressRule(region + "-" + target.key() + "-from-alb-" + port,
                        SecurityGroupIngressRuleArgs.builder()
                                .securityGroupId(target.id())
                                .referencedSecurityGroupId(fromCloudfront.id())
                                .ipProtocol("tcp").fromPort(port).toPort(port)
                                .description("latency-edge ALB to targets on " + port)
                                .build(), child());
            }
        }
        this.securityGroupIds = Output.all(fromCloudfront.id(), fromHealthCheckers.id());
        registerOutputs(Map.of("securityGroupIds", securityGroupIds));
    }

    private Output<String> prefixList(String name, InvokeOptions lookups) {
        return Ec2Functions.getManagedPrefixList(GetManagedPrefixListArgs.builder().name(name).build(), lookups)
                .applyValue(GetManagedPrefixListResult::id);
    }

    /** A group with no rules of its own; rules are separate resources so each is visible and reviewable. */
    private SecurityGroup securityGroup(String name, Output<String> vpcId, String description) {
        return new SecurityGroup(name, SecurityGroupArgs.builder()
                .vpcId(vpcId)
                .description(description)
                .revokeRulesOnDelete(true)
                .tags(Map.of("Name", name))
                .build(), child());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
