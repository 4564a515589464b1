package dev.latencyedge.plan;

import java.util.Map;
import java.util.Optional;

/** Each Region's canonical hosted zone for application load balancers, as the real ALBs report it. */
final class AlbHostedZones {

    static final Map<String, String> BY_REGION = Map.ofEntries(
            Map.entry("us-east-1", "Z35SXDOTRQ7X7K"),
            Map.entry("us-east-2", "Z3AADJGX6KTTL2"),
            Map.entry("us-west-1", "Z368ELLRRE2KJ0"),
            Map.entry("us-west-2", "Z1H1FL5HABSF5"),
            Map.entry("ca-central-1", "ZQSVJUPU6J1EY"),
            Map.entry("eu-west-1", "Z32O12XQLNTSW2"),
            Map.entry("eu-west-2", "ZHURV8PSTC4K8"),
            Map.entry("eu-west-3", "Z3Q77PNBQS71R4"),
            Map.entry("eu-central-1", "Z215JYRZR1TBD5"),
            Map.entry("eu-north-1", "Z23TAZ7KRTKQKN"),
            Map.entry("eu-south-1", "Z3ULH7SSC9OV64"),
            Map.entry("ap-southeast-1", "Z1LMS91P8CMLE5"),
            Map.entry("ap-southeast-2", "Z1GM3OXH4ZPM65"),
            Map.entry("ap-northeast-1", "Z14GRHDCWA56QT"),
            Map.entry("ap-northeast-2", "ZWKZPGTI48KDX"),
            Map.entry("ap-northeast-3", "Z5LXEXXYW11ES"),
            Map.entry("ap-south-1", "ZP97RAFLXTNZK"),
            Map.entry("ap-east-1", "Z3DQVH9N71FHZ0"),
            Map.entry("sa-east-1", "Z2P70J7HTTTPLU"),
            Map.entry("me-south-1", "ZS929ML54UICD"),
            Map.entry("af-south-1", "Z268VQBMOI5EKX"));

    private AlbHostedZones() {
    }

    static Optional<String> of(String region) {
        return Optional.ofNullable(BY_REGION.get(region));
    }
}
