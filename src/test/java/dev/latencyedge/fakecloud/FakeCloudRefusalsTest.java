package dev.latencyedge.fakecloud;

import com.pulumi.test.Mocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake cloud refuses what AWS refuses, so every offline plan catches it, not only our validation. */
class FakeCloudRefusalsTest {

    private final FakeCloud cloud = new FakeCloud("eu-west-1", Map.of());

    private String refusal(String type, Map<String, Object> inputs) {
        return refusal(type, inputs, "");
    }

    private String refusal(String type, Map<String, Object> inputs, String provider) {
        var error = assertThrows(CompletionException.class, () ->
                cloud.newResourceAsync(new Mocks.ResourceArgs(type, "thing", inputs, provider, "")).join());
        assertTrue(error.getCause() instanceof AwsRefusals.Refused, error.toString());
        return error.getCause().getMessage();
    }

    private void accepted(String type, Map<String, Object> inputs) {
        cloud.newResourceAsync(new Mocks.ResourceArgs(type, "thing", inputs, "", "")).join();
    }

    // ChangeTagsForResource: "InvalidInput ... Tags can only contain letters, numbers, spaces, and the following
    // special characters" (Route 53 developer guide, "Tagging health checks"): the name the program once gave.
    @Test
    void healthCheckTagsOutsideRoute53sCharactersAreRefused() {
        var message = refusal("aws:route53/healthCheck:HealthCheck", Map.of("type", "CALCULATED",
                "tags", Map.of("Name", "eu-west-1 (in rotation)")));
        assertTrue(message.contains("\"eu-west-1 (in rotation)\" with characters Route 53 refuses"), message);
        accepted("aws:route53/healthCheck:HealthCheck", Map.of("type", "CALCULATED",
                "tags", Map.of("Name", "eu-west-1 in rotation")));
    }

    @Test
    void providerDefaultTagsAreCheckedOnEveryResourceTheyReach() {
        var provider = cloud.newResourceAsync(new Mocks.ResourceArgs(FakeCloud.PROVIDER_TYPE, "aws-eu-west-1",
                Map.of("region", "eu-west-1", "defaultTags", Map.of("tags", Map.of("team", "edge & cdn"))), "", ""))
                .join();
        var reference = "urn:pulumi:dev::latency-edge::pulumi:providers:aws::aws-eu-west-1::" + provider.id.orElseThrow();
        var message = refusal("aws:route53/healthCheck:HealthCheck", Map.of("type", "CALCULATED"), reference);
        assertTrue(message.contains("tag team"), message);
    }

    @Test
    void anAlbInARegionWithoutAlbZoneIsRefused() {
        var cloud = new FakeCloud("xx-nowhere-1", Map.of());
        var error = assertThrows(CompletionException.class, () -> cloud.newResourceAsync(new Mocks.ResourceArgs(
                "aws:lb/loadBalancer:LoadBalancer", "alb", Map.of(), "", "")).join());
        assertTrue(error.getCause().getMessage().contains("xx-nowhere-1 is not a Region with application load balancers"));
    }

    @Test
    void listenerRuleLimits() {
        var longPath = Map.<String, Object>of("pathPattern", Map.of("values", List.of("/" + "a".repeat(128))));
        assertTrue(refusal("aws:lb/listenerRule:ListenerRule", Map.of("conditions", List.of(longPath)))
                .contains("pathPattern value over 128 characters"));
        var six = Map.<String, Object>of("pathPattern", Map.of("values", List.of("/a", "/b", "/c", "/d", "/e", "/f")));
        assertTrue(refusal("aws:lb/listenerRule:ListenerRule", Map.of("conditions", List.of(six)))
                .contains("6 condition values, a rule takes at most 5"));
    }

    @Test
    void distributionLimits() {
        var origin = Map.<String, Object>of("customOriginConfig", Map.of("originReadTimeout", 61.0),
                "customHeaders", List.of(Map.of("name", "X-Amz-Secret", "value", "x")));
        var message = refusal("aws:cloudfront/distribution:Distribution", Map.of("comment", "c".repeat(129),
                "origins", List.of(origin)));
        assertTrue(message.contains("the comment is 129 characters, at most 128"), message);
        assertTrue(message.contains("originReadTimeout 61.0 is over 60 s"), message);
        assertTrue(message.contains("the custom origin header X-Amz-Secret is one CloudFront cannot add"), message);
    }

    @Test
    void certificateAndHealthCheckAndRecordLimits() {
        assertTrue(refusal("aws:acm/certificate:Certificate", Map.of("domainName", "a".repeat(60) + ".example.com"))
                .contains("at most 64 characters"));
        assertTrue(refusal("aws:route53/healthCheck:HealthCheck", Map.of("type", "HTTPS", "requestInterval", 20.0,
                "regions", List.of("us-east-1", "eu-central-1", "eu-west-1"))).contains("RequestInterval must be 10 or 30"));
        assertTrue(refusal("aws:route53/record:Record", Map.of("name", "o.example.com", "type", "A",
                "latencyRoutingPolicies", List.of(Map.of("region", "eu-west-9")))).contains("eu-west-9"));
        assertTrue(refusal("aws:lb/targetGroup:TargetGroup", Map.of("name", "t".repeat(33)))
                .contains("at most 32 characters"));
    }

    // Route 53 refuses a TXT string over 255 characters (TXTRDATATooLong, AWS knowledge center
    // route53-resolve-dkim-text-record-error); the provider starts a new string at "" (aws_route53_record docs).
    @Test
    void aTxtStringOver255CharactersIsRefusedAndSplitStringsAreAccepted() {
        var message = refusal("aws:route53/record:Record", Map.of("name", "o.example.com", "type", "TXT",
                "records", List.of("x".repeat(256))));
        assertTrue(message.contains("TXTRDATATooLong"), message);
        assertTrue(message.contains("256 characters, at most 255"), message);
        accepted("aws:route53/record:Record", Map.of("name", "o.example.com", "type", "TXT",
                "records", List.of("x".repeat(255))));
        accepted("aws:route53/record:Record", Map.of("name", "o.example.com", "type", "TXT",
                "records", List.of("x".repeat(255) + "\"\"" + "y".repeat(200))));
    }
}
