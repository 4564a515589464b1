package dev.latencyedge.edge;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The CloudFront distribution with the latency name as its only origin, and the public names' alias records.
 *
 * <p>Secure by default: viewers are redirected to HTTPS with TLSv1.2_2021 or later over SNI; the origin is
 * reached over HTTPS with TLSv1.2 only and carries the verification header. Host is not forwarded
 * (AllViewerExceptHostHeader), so CloudFront sends Host and SNI = the latency name, which the ALBs' wildcard
 * certificate matches; forwarding the viewer's Host would turn every request into a 502.
 */
public final class CdnDistribution extends ComponentResource {

    public static final String TYPE = "latency-edge:edge:CdnDistribution";
    public static final String ORIGIN_ID = "latency-origin";
    public static final String VIEWER_TLS = "TLSv1.2_2021";
    /** Managed origin request policy AllViewerExceptHostHeader. */
    public static final String ORIGIN_REQUEST_POLICY_ID = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    /** Managed response headers policy SecurityHeadersPolicy. */
    public static final String RESPONSE_HEADERS_POLICY_ID = "67f7725c-6f97-4210-82d7-5512b31e9d03";
    /** Hosted zone of every CloudFront distribution, for alias records. */
    public static final String CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";
    static final List<String> ALL_METHODS = List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE");
    static final List<String> CACHED_METHODS = List.of("GET", "HEAD");

    @Export(name = "distributionId", refs = {String.class})
    public final Output<String> distributionId;
    @Export(name = "distributionDomainName", refs = {String.class})
    public final Output<String> distributionDomainName;

    public CdnDistribution(String name, CdnDistributionArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var cdn = args.cdn();
        var connection = cdn.origin();
        var distributionArgs = DistributionArgs.builder()
                .comment("latency-edge: nearest healthy Region for " + args.domainNames().get(0))
                .enabled(true)
                .aliases(args.domainNames())
                .httpVersion("http2and3")
                .isIpv6Enabled(true)
                .priceClass(cdn.priceClass())
                .origins(DistributionOriginArgs.builder()
                        .originId(ORIGIN_ID)
                        .domainName(args.originHost())
                        .connectionAttempts(connection.connectionAttempts())
                        .connectionTimeout(connection.connectionTimeout())
                        .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                                .httpPort(80)
                                .httpsPort(443)
                                .originProtocolPolicy("https-only")
                                .originSslProtocols("TLSv1.2")
                                .originReadTimeout(connection.readTimeout())
                                .originKeepaliveTimeout(connection.keepaliveTimeout())
                                .build())
                        .customHeaders(DistributionOriginCustomHeaderArgs.builder()
                                .name(args.originVerifyHeader())
                                .value(Output.ofSecret(args.originVerifySecret().reveal()))
                                .build())
                        .build())
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(ORIGIN_ID)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods(ALL_METHODS)
                        .cachedMethods(CACHED_METHODS)
                        .compress(true)
                        .cachePolicyId(cdn.defaultCachePolicy().id())
                        .originRequestPolicyId(ORIGIN_REQUEST_POLICY_ID)
                        .responseHeadersPolicyId(RESPONSE_HEADERS_POLICY_ID)
                        .build())
                .orderedCacheBehaviors(cdn.cacheBehaviors().stream().map(b ->
                        DistributionOrderedCacheBehaviorArgs.builder()
                                .pathPattern(b.pathPattern())
                                .targetOriginId(ORIGIN_ID)
                                .viewerProtocolPolicy("redirect-to-https")
                                .allowedMethods(ALL_METHODS)
                                .cachedMethods(CACHED_METHODS)
                                .compress(true)
                                .cachePolicyId(b.cachePolicy().id())
                                .originRequestPolicyId(ORIGIN_REQUEST_POLICY_ID)
                                .responseHeadersPolicyId(RESPONSE_HEADERS_POLICY_ID)
                                .build()).toList())
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder()
                                .restrictionType(cdn.geoRestriction().restrictionType())
                                .locations(cdn.geoRestriction().locations())
                                .build())
                        .build())
                .viewerCertificate(DistributionViewerCertificateArgs.builder()
                        .acmCertificateArn(args.certificateArn())
                        .sslSupportMethod("sni-only")
                        .minimumProtocolVersion(VIEWER_TLS)
                        .build());
        cdn.webAclArn().ifPresent(distributionArgs::webAclId);
        var distribution = new Distribution(name + "-distribution", distributionArgs.build(),
                CustomResourceOptions.builder().parent(this).build());

        for (var domain : args.domainNames()) {
            for (var type : List.of("A", "AAAA")) {
                new Record(name + "-" + domain + "-" + type.toLowerCase(), RecordArgs.builder()
                        .zoneId(args.zoneId())
                        .name(domain)
                        .type(type)
                        .aliases(RecordAliasArgs.builder()
                                .name(distribution.domainName())
                                .zoneId(distribution.hostedZoneId())
                                .evaluateTargetHealth(false)
                                .build())
                        .build(), CustomResourceOptions.builder().parent(this).build());
            }
        }
        this.distributionId = distribution.id();
        this.distributionDomainName = distribution.domainName();
        registerOutputs(Map.of("distributionId", distributionId, "distributionDomainName", distributionDomainName));
    }
}
