package dev.latencyedge.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CloudFront managed cache policies a behaviour may use. UseOriginCacheControlHeaders is left out on
 * purpose: it puts Host in the cache key, and a cache-key header is always forwarded, so the ALB would see the
 * viewer's Host, CloudFront would check the origin certificate against it, and viewers would get 502s.
 */
public enum CachePolicy {
    CACHING_OPTIMIZED("CachingOptimized", "658327ea-f89d-4fab-a63d-7e88639e58f6"),
    CACHING_DISABLED("CachingDisabled", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad");

    private final String managedName;
    private final String id;

    CachePolicy(String managedName, String id) {
        this.managedName = managedName;
        this.id = id;
    }

    public String managedName() {
        return managedName;
    }

    public String id() {
        return id;
    }

    public static Optional<CachePolicy> byName(String name) {
        return Arrays.stream(values()).filter(p -> p.managedName.equals(name)).findFirst();
    }
}
