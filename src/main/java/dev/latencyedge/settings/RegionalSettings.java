package dev.latencyedge.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settings of a regional stack ({@code <env>-<region>}).
 *
 * @param common               settings every stack has
 * @param clusterName          the existing EKS cluster; its VPC and cluster security group are looked up
 * @param publicSubnetIds      subnets for the ALB; empty means the cluster VPC's subnets tagged
 *                             {@code kubernetes.io/role/elb=1}
 * @param health               the Region's health check
 * @param target               how the ALB reaches the ingress controller
 * @param deletionProtection   ALB deletion protection
 * @param previousSecret       a second accepted header value, while a secret rotation is under way
 * @param alarmTopicArn        optional SNS topic (in us-east-1) told when the Region's health check fails
 */
public record RegionalSettings(
        CommonSettings common,
        String clusterName,
        List<String> publicSubnetIds,
        HealthCheckSettings health,
        TargetSettings target,
        boolean deletionProtection,
        Optional<Secret> previousSecret,
        Optional<String> alarmTopicArn) implements StackSettings {

    public RegionalSettings {
        publicSubnetIds = List.copyOf(publicSubnetIds);
    }

    /** The header values the ALB accepts: the current secret, then the previous one during a rotation. */
    public List<Secret> acceptedSecrets() {
        var secrets = new ArrayList<Secret>();
        secrets.add(common.originVerifySecret());
        previousSecret.filter(s -> !s.equals(common.originVerifySecret())).ifPresent(secrets::add);
        return List.copyOf(secrets);
    }
}
