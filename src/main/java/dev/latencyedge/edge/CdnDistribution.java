package dev.latencyedge.edge;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.Function;
import com.pulumi.aws.cloudfront.FunctionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionCustomErrorResponseArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorFunctionAssociationArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorFunctionAssociationArgs;
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
import dev.latencyedge.failover.FailoverBudget;
import dev.latencyedge.settings.AwsLimits;
import dev.latencyedge.settings.OriginHostHeader;

import java.util.List;
import java.util.Map;

/**
 * The CloudFront distribution with the latency name as its only origin, and the public names' alias records.
 *
 * <p>Secure by default: viewers are redirected to HTTPS with TLSv1.2_2021 or later over SNI; the origin is
 * reached over HTTPS with TLSv1.2 only and carries the verification header. By default the viewer's Host is
 * forwarded (AllViewer), so Ingress rules keyed on the public names match and redirects stay on them; CloudFront
 * then checks the origin certificate against that Host, which every regional certificate covers (the edge checks
 * this before registering anything). With {@code originHostHeader = origin} the ALBs see the latency name instead
 * and a CloudFront Function passes the viewer's host in {@code X-Forwarded-Host}.
 *
 * <p>Failover: CloudFront caches 5xx answers for 10 s unless told otherwise; 500, 502, 503 and 504 are cached for
 * {@link FailoverBudget#ERROR_CACHING_MIN_TTL_SECONDS} s here, so a Region's failure is not served from cache after
 * Route 53 has moved away from it.
 */
public final class CdnDistribution extends ComponentResource {

    public static final String TYPE = "latency-edge:edge:CdnDistribution";
    public static final String ORIGIN_ID = "latency-origin";
    public static final String VIEWER_TLS = "TLSv1.2_2021";
    /** Origin errors that must not outlive a failover in CloudFront's cache. */
    public static final List<Integer> FAILOVER_ERROR_CODES = List.of(500, 502, 503, 504);
    /** Viewer-request function: the viewer's host, readable by the origin when Host itself is not forwarded. */
    static final String FORWARDED_HOST_FUNCTION = String.join("\n",
            "function handler(event) {",
            "    var request = event.request;",
            "    request.headers['x-forwarded-host'] = { value: request.headers.host.value };",
            "    return request;",
            "}",
            "");
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
        var host = cdn.originHostHeader();
        // One function per event type and behaviour is allowed; this one runs on every behaviour.
        var viewerRequestFunction = host != OriginHostHeader.ORIGIN ? null
                : new Function(name + "-forwarded-host", FunctionArgs.builder()
                        .runtime("cloudfront-js-2.0")
                        .comment("Copies the viewer's Host into X-Forwarded-Host")
                        .code(FORWARDED_HOST_FUNCTION)
                        .publish(true)
                        .build(), CustomResourceOptions.builder().parent(this).build()).arn();
        var distributionArgs = DistributionArgs.builder()
                .comment(comment(args.env()))
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
                        .compress(cdn.defaultCachePolicy().compresses())
                        .cachePolicyId(cdn.defaultCachePolicy().id())
                        .originRequestPolicyId(host.originRequestPolicyId())
                        .responseHeadersPolicyId(RESPONSE_HEADERS_POLICY_ID)
                        .functionAssociations(viewerRequestFunction == null ? List.of() : List.of(
                                DistributionDefaultCacheBehaviorFunctionAssociationArgs.builder()
                                        .eventType("viewer-request").functionArn(viewerRequestFunction).build()))
                        .build())
                .orderedCacheBehaviors(cdn.cacheBehaviors().stream().map(b ->
                        DistributionOrderedCacheBehaviorArgs.builder()
                                .pathPattern(b.pathPattern())
                                .targetOriginId(ORIGIN_ID)
                                .viewerProtocolPolicy("redirect-to-https")
                                .allowedMethods(ALL_METHODS)
                                .cachedMethods(CACHED_METHODS)
                                .compress(b.cachePolicy().compresses())
                                .cachePolicyId(b.cachePolicy().id())
                                .originRequestPolicyId(host.originRequestPolicyId())
                                .responseHeadersPolicyId(RESPONSE_HEADERS_POLICY_ID)
                                .functionAssociations(viewerRequestFunction == null ? List.of() : List.of(
                                        DistributionOrderedCacheBehaviorFunctionAssociationArgs.builder()
                                                .eventType("viewer-request").functionArn(viewerRequestFunction)
                                                .build()))
                                .build()).toList())
                .customErrorResponses(FAILOVER_ERROR_CODES.stream().map(code ->
                        DistributionCustomErrorResponseArgs.builder()
                                .errorCode(code)
                                .errorCachingMinTtl(FailoverBudget.ERROR_CACHING_MIN_TTL_SECONDS)
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

    /** The distribution's comment, derived so it always fits CloudFront's 128 characters. */
    static String comment(String env) {
        var text = "latency-edge " + env + ": nearest healthy Region";
        return text.length() <= AwsLimits.CLOUDFRONT_COMMENT ? text : text.substring(0, AwsLimits.CLOUDFRONT_COMMENT);
    }
}
