package dev.latencyedge.settings;

import java.util.List;
import java.util.Set;

/** AWS Region codes the program accepts, and the Regions Route 53 health checkers run in. */
public final class AwsRegions {

    /** Commercial Regions that can hold an ALB and label a Route 53 latency record. */
    public static final Set<String> CODES = Set.of(
            "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
            "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
            "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
            "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2");

    /** Route 53 health checkers run only here; a check needs at least three of them. */
    public static final List<String> HEALTH_CHECKER_REGIONS = List.of(
            "us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2",
            "ap-northeast-1", "sa-east-1");

    /** CloudFront certificates, CloudFront WAF and Route 53 health-check metrics all live here. */
    public static final String US_EAST_1 = "us-east-1";

    private AwsRegions() {
    }
}
