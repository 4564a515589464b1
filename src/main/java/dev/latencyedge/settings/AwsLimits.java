package dev.latencyedge.settings;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The AWS limits this program meets, in one place: validation refuses settings that would cross them, and the
 * offline plan's fake cloud refuses requests that cross them, as AWS would.
 */
public final class AwsLimits {

    /** ACM: a certificate's first name (its CN) is at most 64 characters; further names may be up to 253. */
    public static final int ACM_MAX_FIRST_NAME = 64;
    /** ACM's default quota of names per certificate. */
    public static final int ACM_MAX_NAMES = 10;

    /** ALB listener rules: a path-pattern, host-header or http-header value is at most 128 characters. */
    public static final int ALB_CONDITION_VALUE = 128;
    /** ALB listener rules: at most 5 condition values per rule. */
    public static final int ALB_CONDITION_VALUES_PER_RULE = 5;
    /** ALB listener rules: an http-header condition's header name is at most 40 characters. */
    public static final int ALB_HEADER_NAME = 40;
    /** ELBv2 load balancer and target group names are at most 32 characters. */
    public static final int ELB_NAME = 32;
    /** A target group's health-check path is at most 1024 characters. */
    public static final int TARGET_GROUP_HEALTH_PATH = 1024;
    /** ALB client keep-alive: 60 to 604800 seconds. */
    public static final int ALB_CLIENT_KEEP_ALIVE_MIN = 60;
    public static final int ALB_CLIENT_KEEP_ALIVE_MAX = 604800;

    /** Route 53 health checks: the resource path and the FQDN are at most 255 characters. */
    public static final int HEALTH_CHECK_PATH = 255;
    public static final int HEALTH_CHECK_FQDN = 255;
    /** Route 53 health checks: a request every 10 s (fast) or 30 s (standard), nothing else. */
    public static final Set<Integer> HEALTH_CHECK_INTERVALS = Set.of(10, 30);
    /** Route 53 health checks: checked from at least 3 Regions when Regions are given. */
    public static final int HEALTH_CHECKER_REGIONS_MIN = 3;

    /** Route 53: one string of a TXT record is at most 255 characters (DNS's character-string, RFC 1035 3.3). */
    public static final int ROUTE53_TXT_STRING = 255;

    /** CloudFront: a distribution comment is at most 128 characters. */
    public static final int CLOUDFRONT_COMMENT = 128;
    /** CloudFront: read and keep-alive timeouts above 60 s need a quota increase. */
    public static final int CLOUDFRONT_ORIGIN_TIMEOUT = 60;
    /** CloudFront: at most 10 custom headers per origin. */
    public static final int CLOUDFRONT_CUSTOM_HEADERS = 10;
    /**
     * Custom origin headers CloudFront refuses to add (CloudFront developer guide, "Custom headers that CloudFront
     * can't add to origin requests"), by exact name and by prefix.
     */
    static final Set<String> CLOUDFRONT_REFUSED_HEADERS = Set.of("cache-control", "connection", "content-length",
            "cookie", "host", "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since",
            "max-forwards", "pragma", "proxy-authorization", "proxy-connection", "range", "request-range", "te",
            "trailer", "transfer-encoding", "upgrade", "via", "x-real-ip");
    static final List<String> CLOUDFRONT_REFUSED_HEADER_PREFIXES = List.of("x-amz-", "x-edge-", "if-", "proxy-");

    /**
     * CloudWatch dashboards. PutDashboard (API reference): a name is at most 255 characters of A-Z a-z 0-9 - _.
     * Dashboard Body Structure and Syntax (API reference): 0 to 500 widgets; x 0-23, y 0 or more, width 1-24,
     * height 1-1000; a period is a multiple of 60. CloudWatch service quotas: at most 500 metrics per widget and
     * 2500 per dashboard, 10 dimensions per metric, a period of at most one day.
     */
    public static final int DASHBOARD_NAME = 255;
    public static final String DASHBOARD_NAME_CHARACTERS = "[A-Za-z0-9_-]+";
    public static final int DASHBOARD_WIDGETS = 500;
    public static final int DASHBOARD_GRID_COLUMNS = 24;
    public static final int DASHBOARD_WIDGET_HEIGHT_MAX = 1000;
    public static final Set<String> DASHBOARD_WIDGET_TYPES = Set.of("metric", "text", "log", "alarm", "explorer");
    public static final int DASHBOARD_METRICS_PER_WIDGET = 500;
    public static final int DASHBOARD_METRICS = 2500;
    public static final int METRIC_DIMENSIONS = 10;
    public static final int METRIC_PERIOD_STEP = 60;
    public static final int METRIC_PERIOD_MAX = 86_400;

    /** EKS serves NodePorts from this range, which cannot be changed there. */
    public static final int NODE_PORT_MIN = 30000;
    public static final int NODE_PORT_MAX = 32767;

    private AwsLimits() {
    }

    /** Whether CloudFront refuses to add this header to origin requests. */
    public static boolean cloudFrontRefusesHeader(String header) {
        var lower = header.toLowerCase(Locale.ROOT);
        return CLOUDFRONT_REFUSED_HEADERS.contains(lower)
                || CLOUDFRONT_REFUSED_HEADER_PREFIXES.stream().anyMatch(lower::startsWith);
    }
}
