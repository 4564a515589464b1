package dev.latencyedge.settings;

import java.util.List;
import java.util.Optional;

/**
 * The CloudFront distribution's settings.
 *
 * @param priceClass         PriceClass_All, PriceClass_200 or PriceClass_100
 * @param geoRestriction     countries allowed or blocked (answered with 403)
 * @param webAclArn          optional WAFv2 web ACL with CLOUDFRONT scope (in us-east-1)
 * @param defaultCachePolicy cache policy of the default behaviour
 * @param cacheBehaviors     further behaviours, matched in order
 * @param origin             how CloudFront talks to the latency origin
 * @param originHostHeader   whether the ALBs see the viewer's Host (default) or the origin name
 * @param additionalMetrics  whether CloudFront publishes its additional metrics (origin latency among them),
 *                           which CloudWatch bills per distribution
 */
public record CdnSettings(
        String priceClass,
        GeoRestriction geoRestriction,
        Optional<String> webAclArn,
        CachePolicy defaultCachePolicy,
        List<CacheBehavior> cacheBehaviors,
        OriginConnection origin,
        OriginHostHeader originHostHeader,
        boolean additionalMetrics) {

    public static final String DEFAULT_PRICE_CLASS = "PriceClass_All";
    public static final CachePolicy DEFAULT_CACHE_POLICY = CachePolicy.CACHING_DISABLED;

    public CdnSettings {
        cacheBehaviors = List.copyOf(cacheBehaviors);
    }

    /** Geo restriction: {@code none}, or a {@code whitelist}/{@code blacklist} of ISO 3166 alpha-2 codes. */
    public record GeoRestriction(String restrictionType, List<String> locations) {
        public static final GeoRestriction NONE = new GeoRestriction("none", List.of());

        public GeoRestriction {
            locations = List.copyOf(locations);
        }
    }

    /** A path pattern with its own managed cache policy. */
    public record CacheBehavior(String pathPattern, CachePolicy cachePolicy) {
    }

    /**
     * CloudFront's connection to the origin. A dead origin costs a viewer up to attempts x timeout seconds.
     *
     * @param connectionAttempts 1..3
     * @param connectionTimeout  1..10 seconds
     * @param readTimeout        seconds to wait for a response, 1..60 (more needs a quota increase)
     * @param keepaliveTimeout   seconds an idle origin connection is kept, 1..60 (likewise)
     */
    public record OriginConnection(int connectionAttempts, int connectionTimeout, int readTimeout,
                                   int keepaliveTimeout) {
        public static final int DEFAULT_ATTEMPTS = 2;
        public static final int DEFAULT_TIMEOUT = 5;
        public static final int DEFAULT_READ_TIMEOUT = 30;
        public static final int DEFAULT_KEEPALIVE_TIMEOUT = 5;
    }
}
