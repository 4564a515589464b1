package dev.latencyedge.edge;

import com.pulumi.core.Output;
import dev.latencyedge.settings.CdnSettings;
import dev.latencyedge.settings.Secret;

import java.util.List;

/**
 * Inputs of {@link CdnDistribution}.
 *
 * @param domainNames        the public names (CloudFront aliases, and an A and AAAA record each)
 * @param zoneId             the public hosted zone
 * @param certificateArn     the validated viewer certificate, which must be in us-east-1
 * @param originHost         the latency name, CloudFront's single origin
 * @param originVerifyHeader custom header sent to the origin
 * @param originVerifySecret its value, sent as a secret
 * @param cdn                price class, geo restriction, WAF, cache behaviours, origin timeouts, Host
 * @param env                the environment, named in the distribution's comment
 */
public record CdnDistributionArgs(
        List<String> domainNames,
        Output<String> zoneId,
        Output<String> certificateArn,
        Output<String> originHost,
        String originVerifyHeader,
        Secret originVerifySecret,
        CdnSettings cdn,
        String env) {

    public CdnDistributionArgs {
        domainNames = List.copyOf(domainNames);
    }
}
