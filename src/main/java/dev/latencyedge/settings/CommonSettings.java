package dev.latencyedge.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings every stack has.
 *
 * @param stackName          the Pulumi stack, {@code <env>} or {@code <env>-<region>}
 * @param env                the environment the stack belongs to, e.g. {@code prod}
 * @param region             {@code aws:region}: where the stack's default resources live
 * @param zone               the public hosted zone, e.g. {@code example.com}
 * @param originParent       parent of the secret origin label; regional certificates are {@code *.<originParent>}
 * @param originVerifyHeader the custom header CloudFront sends and the ALBs require
 * @param originVerifySecret the header's value
 * @param domainNames        the public names CloudFront serves, the main domain first: the distribution's
 *                           aliases, and names every regional ALB certificate covers, since CloudFront forwards
 *                           the viewer's Host and checks the origin certificate against it
 * @param maxFailoverSeconds optional ceiling on the time viewers need to move off a failed Region
 * @param tags               tags applied to every taggable resource
 */
public record CommonSettings(
        String stackName,
        String env,
        String region,
        String zone,
        String originParent,
        String originVerifyHeader,
        Secret originVerifySecret,
        List<String> domainNames,
        Optional<Integer> maxFailoverSeconds,
        Map<String, String> tags) {

    public CommonSettings {
        domainNames = List.copyOf(domainNames);
        tags = Map.copyOf(tags);
    }
}
