package dev.latencyedge.settings;

import dev.latencyedge.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.latencyedge.Fixtures.global;
import static dev.latencyedge.Fixtures.regional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings AWS (or the Load Balancer Controller) would refuse are refused first, naming the key and the rule. */
class AwsRulesValidationTest {

    private static void assertProblem(Fixtures.Config config, String key, String reasonPart) {
        var error = assertThrows(ConfigException.class, config::load);
        assertTrue(error.getMessage().startsWith("invalid configuration for stack " + config.stackName()),
                error.getMessage());
        assertTrue(error.problems().stream().anyMatch(p -> p.key().equals(key) && p.reason().contains(reasonPart)),
                error.getMessage());
    }

    // Route 53 refuses tags outside letters, digits, space and _ . : / = + - @ (ChangeTagsForResource:
    // InvalidInput; Route 53 developer guide, "Tagging health checks"), and the provider's default tags reach
    // every health check.
    @ParameterizedTest
    @ValueSource(strings = {"{\"team\":\"platform (edge)\"}", "{\"owner#1\":\"edge\"}", "{\"aws:owner\":\"edge\"}",
            "{\"Name\":\"mine\"}"})
    void tagsRoute53WouldRefuseAreRefusedNamingTheKey(String tags) {
        assertProblem(regional("prod", "eu-west-1").set("latency-edge:tags", tags), "latency-edge:tags", "tag");
    }

    @Test
    void tagsWithEveryAllowedCharacterPass() {
        var settings = regional("prod", "eu-west-1")
                .set("latency-edge:tags", "{\"cost-center\":\"platform: edge/eu + x=1 @ops_team.v2\"}").load();
        assertEquals("platform: edge/eu + x=1 @ops_team.v2", settings.common().tags().get("cost-center"));
    }

    // Route 53's ResourceRecordSetRegion (API model) and the ELB endpoints page list these; they were refused.
    @ParameterizedTest
    @ValueSource(strings = {"ap-east-2", "ap-southeast-6", "ap-southeast-7", "me-central-1", "il-central-1",
            "ap-southeast-4", "mx-central-1", "ca-west-1"})
    void everyLatencyLabelAwsAcceptsIsAcceptedAndHasAnAlbZone(String region) {
        var settings = global("prod", region).load();
        assertEquals(List.of(region), ((GlobalSettings) settings).regions());
        assertTrue(AwsRegions.albHostedZone(region).isPresent(), region);
    }

    @Test
    void albZonesAreAwsPublishedOnes() {
        // AWS General Reference, "Elastic Load Balancing endpoints and quotas" (an earlier table had eu-north-1
        // wrong).
        assertEquals("Z23TAZ6LKFMNIO", AwsRegions.albHostedZone("eu-north-1").orElseThrow());
        assertEquals("Z02789141MW7T1WBU19PO", AwsRegions.albHostedZone("ap-east-2").orElseThrow());
        assertEquals(34, AwsRegions.CODES.size());
    }

    // ALB path-pattern values are at most 128 characters.
    @Test
    void healthPathOver128Characters() {
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:healthPath", "/" + "a".repeat(128)),
                "latency-edge:healthPath", "at most 128");
        assertInstanceOf(RegionalSettings.class,
                regional("dev", "eu-west-1").set("latency-edge:healthPath", "/" + "a".repeat(127)).load());
    }

    // CloudFront: read and keep-alive timeouts above 60 s need a quota increase.
    @ParameterizedTest
    @ValueSource(strings = {"latency-edge:originReadTimeout", "latency-edge:originKeepaliveTimeout"})
    void originTimeoutsOver60(String key) {
        assertProblem(global("dev", "eu-west-1").set(key, "61"), key, "between 1 and 60");
    }

    // CloudFront developer guide, "Custom headers that CloudFront can't add to origin requests".
    @ParameterizedTest
    @ValueSource(strings = {"X-Amz-Verify", "X-Edge-Secret", "Proxy-Token", "If-Match", "Max-Forwards", "Pragma",
            "X-Real-Ip", "Host", "Via"})
    void verificationHeaderCloudFrontRefuses(String header) {
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:originVerifyHeader", header),
                "latency-edge:originVerifyHeader", "CloudFront cannot add " + header);
    }

    @Test
    void verificationHeaderThatWouldOverwriteTheViewersOwn() {
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:originVerifyHeader", "X-Forwarded-Host"),
                "latency-edge:originVerifyHeader", "overwrite");
    }

    // ACM: the first name of a certificate is at most 64 characters; 10 names per certificate by default.
    @Test
    void domainOver64CharactersCannotBeACertificatesFirstName() {
        var domain = "a".repeat(53) + ".example.com"; // 65 characters
        assertProblem(global("dev", "eu-west-1").set("latency-edge:domain", domain), "latency-edge:domain",
                "ACM allows at most 64");
    }

    @Test
    void moreNamesThanACertificateHolds() {
        var extras = Fixtures.json(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i").stream()
                .map(n -> n + ".example.com").toList());
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:extraDomains", extras),
                "latency-edge:extraDomains", "ACM's default quota of 10 names");
    }

    @Test
    void originParentTooLongForAWildcardCertificate() {
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:originParent", "o".repeat(51) + ".example.com"),
                "latency-edge:originParent", "ACM allows at most 64");
    }

    @Test
    void regionalStacksNeedThePublicNamesForTheirCertificate() {
        assertProblem(regional("dev", "eu-west-1").unset("latency-edge:domain"), "latency-edge:domain", "is required");
    }

    @Test
    void regionalStacksNeedTheApplicationsHealthService() {
        assertProblem(regional("dev", "eu-west-1").unset("latency-edge:healthService"), "latency-edge:healthService",
                "is required for a regional stack");
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:healthService", "Shop/web"),
                "latency-edge:healthService", "must be <namespace>/<service>");
    }

    // With target type instance the ALB connects to the Service's node port, which EKS serves from 30000-32767.
    @Test
    void instanceTargetsNeedNodePorts() {
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:targetType", "instance")
                .set("latency-edge:targetPort", "30080"), "latency-edge:healthTargetPort", "30000-32767");
        var ok = (RegionalSettings) regional("dev", "eu-west-1").set("latency-edge:targetType", "instance")
                .set("latency-edge:targetPort", "30080").set("latency-edge:healthTargetPort", "31080").load();
        assertEquals(List.of(30080, 31080), ok.target().targetPorts());
    }

    @Test
    void serviceAndTargetPortsAreSeparateKeys() {
        var settings = (RegionalSettings) regional("dev", "eu-west-1").set("latency-edge:ingressServicePort", "443")
                .set("latency-edge:targetPort", "8443").load();
        assertEquals(new TargetSettings.BoundService("ingress-nginx", "ingress-nginx-controller", 443, 8443),
                settings.target().ingress());
    }

    @Test
    void targetSecurityGroupsMustBeIds() {
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:targetSecurityGroupIds", "[\"nodes\"]"),
                "latency-edge:targetSecurityGroupIds", "\"nodes\" is not a security group id");
    }

    @Test
    void originHostHeaderIsViewerOrOrigin() {
        assertProblem(global("dev", "eu-west-1").set("latency-edge:originHostHeader", "public"),
                "latency-edge:originHostHeader", "must be viewer");
    }
}
