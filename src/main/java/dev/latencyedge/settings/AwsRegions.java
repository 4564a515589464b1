package dev.latencyedge.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one table of AWS Regions: every commercial Region that can hold an ALB, with the Route 53 hosted zone
 * its ALBs report (alias records need it). The same codes are Route 53's latency labels
 * ({@code ResourceRecordSetRegion} in the Route 53 API model), so validation, latency labels and the offline
 * plan's fake cloud all read this table and cannot disagree.
 *
 * <p>Zone ids: AWS General Reference, "Elastic Load Balancing endpoints and quotas" (the same values as
 * terraform-provider-aws {@code internal/service/elbv2/hosted_zone_id_data_source.go}).
 */
public final class AwsRegions {

    private static final Map<String, String> ALB_HOSTED_ZONES = new TreeMap<>(Map.ofEntries(
            Map.entry("af-south-1", "Z268VQBMOI5EKX"),
            Map.entry("ap-east-1", "Z3DQVH9N71FHZ0"),
            Map.entry("ap-east-2", "Z02789141MW7T1WBU19PO"),
            Map.entry("ap-northeast-1", "Z14GRHDCWA56QT"),
            Map.entry("ap-northeast-2", "ZWKZPGTI48KDX"),
            Map.entry("ap-northeast-3", "Z5LXEXXYW11ES"),
            Map.entry("ap-south-1", "ZP97RAFLXTNZK"),
            Map.entry("ap-south-2", "Z0173938T07WNTVAEPZN"),
            Map.entry("ap-southeast-1", "Z1LMS91P8CMLE5"),
            Map.entry("ap-southeast-2", "Z1GM3OXH4ZPM65"),
            Map.entry("ap-southeast-3", "Z08888821HLRG5A9ZRTER"),
            Map.entry("ap-southeast-4", "Z09517862IB2WZLPXG76F"),
            Map.entry("ap-southeast-5", "Z06010284QMVVW7WO5J"),
            Map.entry("ap-southeast-6", "Z023301818UFJ50CIO0MV"),
            Map.entry("ap-southeast-7", "Z0390008CMBRTHFGWBCB"),
            Map.entry("ca-central-1", "ZQSVJUPU6J1EY"),
            Map.entry("ca-west-1", "Z06473681N0SF6OS049SD"),
            Map.entry("eu-central-1", "Z215JYRZR1TBD5"),
            Map.entry("eu-central-2", "Z06391101F2ZOEP8P5EB3"),
            Map.entry("eu-north-1", "Z23TAZ6LKFMNIO"),
            Map.entry("eu-south-1", "Z3ULH7SSC9OV64"),
            Map.entry("eu-south-2", "Z0956581394HF5D5LXGAP"),
            Map.entry("eu-west-1", "Z32O12XQLNTSW2"),
            Map.entry("eu-west-2", "ZHURV8PSTC4K8"),
            Map.entry("eu-west-3", "Z3Q77PNBQS71R4"),
            Map.entry("il-central-1", "Z09170902867EHPV2DABU"),
            Map.entry("me-central-1", "Z08230872XQRWHG2XF6I"),
            Map.entry("me-south-1", "ZS929ML54UICD"),
            Map.entry("mx-central-1", "Z023552324OKD1BB28BH5"),
            Map.entry("sa-east-1", "Z2P70J7HTTTPLU"),
            Map.entry("us-east-1", "Z35SXDOTRQ7X7K"),
            Map.entry("us-east-2", "Z3AADJGX6KTTL2"),
            Map.entry("us-west-1", "Z368ELLRRE2KJ0"),
            Map.entry("us-west-2", "Z1H1FL5HABSF5")));

    /**
     * One EC2 prefix of each Region, as AWS published them in ip-ranges.json of {@value #EC2_PREFIXES_DATE}
     * (syncToken 1787411825): the Region's largest {@code "service": "EC2"} prefix whose network border group is
     * the Region itself (not a Local Zone). A client there is a "user in that Region" for Route 53's latency
     * routing, which the status command asks about (TestDNSAnswer with an EDNS0 client subnet).
     */
    private static final Map<String, String> EC2_PREFIXES = new TreeMap<>(Map.ofEntries(
            Map.entry("af-south-1", "13.244.0.0/15"),
            Map.entry("ap-east-1", "16.162.0.0/15"),
            Map.entry("ap-east-2", "43.212.0.0/15"),
            Map.entry("ap-northeast-1", "35.72.0.0/13"),
            Map.entry("ap-northeast-2", "3.36.0.0/14"),
            Map.entry("ap-northeast-3", "13.208.0.0/16"),
            Map.entry("ap-south-1", "3.108.0.0/14"),
            Map.entry("ap-south-2", "18.60.0.0/15"),
            Map.entry("ap-southeast-1", "47.128.0.0/14"),
            Map.entry("ap-southeast-2", "3.24.0.0/14"),
            Map.entry("ap-southeast-3", "108.136.0.0/15"),
            Map.entry("ap-southeast-4", "16.50.0.0/15"),
            Map.entry("ap-southeast-5", "43.216.0.0/15"),
            Map.entry("ap-southeast-6", "182.24.0.0/14"),
            Map.entry("ap-southeast-7", "43.208.0.0/15"),
            Map.entry("ca-central-1", "3.96.0.0/15"),
            Map.entry("ca-west-1", "40.176.0.0/15"),
            Map.entry("eu-central-1", "3.64.0.0/12"),
            Map.entry("eu-central-2", "16.62.0.0/15"),
            Map.entry("eu-north-1", "13.48.0.0/15"),
            Map.entry("eu-south-1", "15.160.0.0/16"),
            Map.entry("eu-south-2", "18.100.0.0/15"),
            Map.entry("eu-west-1", "3.248.0.0/13"),
            Map.entry("eu-west-2", "3.8.0.0/14"),
            Map.entry("eu-west-3", "13.36.0.0/14"),
            Map.entry("il-central-1", "51.16.0.0/15"),
            Map.entry("me-central-1", "3.28.0.0/15"),
            Map.entry("me-south-1", "13.152.0.0/16"),
            Map.entry("mx-central-1", "78.12.0.0/15"),
            Map.entry("sa-east-1", "15.228.0.0/15"),
            Map.entry("us-east-1", "44.192.0.0/11"),
            Map.entry("us-east-2", "3.136.0.0/13"),
            Map.entry("us-west-1", "18.144.0.0/15"),
            Map.entry("us-west-2", "44.224.0.0/11")));

    /** When {@link #ec2Prefix} was taken from AWS's ip-ranges.json. */
    public static final String EC2_PREFIXES_DATE = "2026-08-22";

    /** Region codes that can hold this program's ALB and label a Route 53 latency record. */
    public static final Set<String> CODES = ALB_HOSTED_ZONES.keySet();

    /** Route 53 health checkers run only here; a check needs at least three of them. */
    public static final List<String> HEALTH_CHECKER_REGIONS = List.of(
            "us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2",
            "ap-northeast-1", "sa-east-1");

    /** CloudFront certificates, CloudFront WAF and Route 53 health-check metrics all live here. */
    public static final String US_EAST_1 = "us-east-1";

    private AwsRegions() {
    }

    /** One published EC2 prefix of the Region (CIDR), for a client address inside it. */
    public static Optional<String> ec2Prefix(String region) {
        return Optional.ofNullable(EC2_PREFIXES.get(region));
    }

    /** The Region whose ALBs report this canonical hosted zone, if any. */
    public static Optional<String> regionOfAlbZone(String zoneId) {
        return ALB_HOSTED_ZONES.entrySet().stream().filter(e -> e.getValue().equals(zoneId)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** The canonical hosted zone of the Region's application load balancers. */
    public static Optional<String> albHostedZone(String region) {
        return Optional.ofNullable(ALB_HOSTED_ZONES.get(region));
    }
}
