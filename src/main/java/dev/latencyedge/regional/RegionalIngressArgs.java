package dev.latencyedge.regional;

import com.pulumi.resources.ProviderResource;
import dev.latencyedge.settings.HealthCheckSettings;
import dev.latencyedge.settings.RegionalSettings;
import dev.latencyedge.settings.Secret;
import dev.latencyedge.settings.TargetSettings;

import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link RegionalIngress}.
 *
 * @param region             the Region code; it names every child, so adding a Region never renames anything
 * @param zone               public hosted zone for the certificate's validation records
 * @param originParent       the ALB certificate is {@code *.<originParent>} (the latency name is under it)
 * @param domainNames        the public names, also on the ALB certificate: CloudFront forwards the viewer's Host
 *                           and checks the origin certificate against it
 * @param clusterName        existing EKS cluster whose VPC and cluster security group are looked up
 * @param publicSubnetIds    ALB subnets; empty means the cluster VPC's subnets tagged kubernetes.io/role/elb=1
 * @param health             the Region's Route 53 health check
 * @param target             the two target groups (ingress controller, application health) and their Services
 * @param originVerifyHeader header CloudFront sends with the shared secret
 * @param acceptedSecrets    header values the ALB forwards for: the current one and, while rotating, the previous
 * @param deletionProtection ALB deletion protection
 * @param alarmTopicArn      SNS topic told when the Region's health check fails
 * @param metricsProvider    a us-east-1 provider: Route 53 health-check metrics exist only there
 */
public record RegionalIngressArgs(
        String region,
        String zone,
        String originParent,
        List<String> domainNames,
        String clusterName,
        List<String> publicSubnetIds,
        HealthCheckSettings health,
        TargetSettings target,
        String originVerifyHeader,
        List<Secret> acceptedSecrets,
        boolean deletionProtection,
        Optional<String> alarmTopicArn,
        ProviderResource metricsProvider) {

    public RegionalIngressArgs {
        domainNames = List.copyOf(domainNames);
        publicSubnetIds = List.copyOf(publicSubnetIds);
        acceptedSecrets = List.copyOf(acceptedSecrets);
        if (acceptedSecrets.isEmpty() || acceptedSecrets.size() > 2) {
            throw new IllegalArgumentException("an ALB accepts one secret, or two while rotating");
        }
    }

    public static RegionalIngressArgs from(RegionalSettings settings, ProviderResource metricsProvider) {
        var common = settings.common();
        return new RegionalIngressArgs(common.region(), common.zone(), common.originParent(), common.domainNames(),
                settings.clusterName(),
                settings.publicSubnetIds(), settings.health(), settings.target(), common.originVerifyHeader(),
                settings.acceptedSecrets(), settings.deletionProtection(), settings.alarmTopicArn(), metricsProvider);
    }

    /** The ALB certificate's first name: a wildcard over the origin parent hides the secret label. */
    public String certificateName() {
        return "*." + originParent;
    }

    /** Every name the ALB certificate covers, which the edge checks against its public names. */
    public List<String> certificateNames() {
        var names = new java.util.ArrayList<String>();
        names.add(certificateName());
        names.addAll(domainNames);
        return List.copyOf(names);
    }
}
