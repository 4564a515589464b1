package dev.latencyedge.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CloudFront managed cache policies a behaviour may use, and whether each lets CloudFront compress: a
 * behaviour's {@code compress} only works where the cache policy accepts gzip/Brotli encodings, which
 * CachingDisabled does not (CloudFront developer guide, "Serve compressed files"; "Use managed cache policies").
 * UseOriginCacheControlHeaders puts Host in the cache key, so CloudFront forwards the viewer's Host: it is only
 * allowed where the viewer's Host is forwarded anyway ({@link OriginHostHeader#VIEWER}).
 */
public enum CachePolicy {
    CACHING_OPTIMIZED("CachingOptimized", "658327ea-f89d-4fab-a63d-7e88639e58f6", true),
    CACHING_DISABLED("CachingDisabled", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", false),
    USE_ORIGIN_CACHE_CONTROL_HEADERS("UseOriginCacheControlHeaders", "83da9c7e-98b4-4e11-a168-04f0df8e2c65", true);

    private final String managedName;
    private final String id;
    private final boolean compresses;

    CachePolicy(String managedName, String id, boolean compresses) {
        this.managedName = managedName;
        this.id = id;
        this.compresses = compresses;
    }

    public String managedName() {
        return managedName;
    }

    public String id() {
        return id;
    }

    /** Whether CloudFront can compress under this policy, so {@code compress} has an effect. */
    public boolean compresses() {
        return compresses;
    }

    /** Whether the policy's cache key includes Host, which makes CloudFront forward the viewer's Host. */
    public boolean keysOnHost() {
        return this == USE_ORIGIN_CACHE_CONTROL_HEADERS;
    }

    public static Optional<CachePolicy> byName(String name) {
        return Arrays.stream(values()).filter(p -> p.managedName.equals(name)).findFirst();
    }
}
