package dev.latencyedge.settings;

import dev.latencyedge.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.latencyedge.Fixtures.global;
import static dev.latencyedge.Fixtures.regional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsValidationTest {

    private static ConfigException.Problem onlyProblem(Fixtures.Config config) {
        var error = assertThrows(ConfigException.class, config::load);
        assertEquals(1, error.problems().size(), error.getMessage());
        assertTrue(error.getMessage().contains("stack " + config.stackName()), error.getMessage());
        assertTrue(error.getMessage().contains(config.location()), error.getMessage());
        return error.problems().get(0);
    }

    private static void assertProblem(Fixtures.Config config, String key, String reasonPart) {
        var problem = onlyProblem(config);
        assertEquals(key, problem.key());
        assertTrue(problem.reason().contains(reasonPart), problem.reason());
    }

    @Test
    @DisplayName("the baseline fixtures are valid, with the documented defaults")
    void baselinesAreValid() {
        var regional = assertInstanceOf(RegionalSettings.class, regional("prod", "eu-west-1").load());
        assertEquals("prod", regional.common().env());
        assertEquals("origin.example.com", regional.common().originParent());
        assertEquals(new HealthCheckSettings("/healthz", 30, 3, List.of("us-east-1", "eu-west-1", "ap-southeast-1"),
                false), regional.health());
        assertEquals(new TargetSettings("ip",
                new TargetSettings.BoundService("ingress-nginx", "ingress-nginx-controller", 80, 80), "/healthz",
                new TargetSettings.BoundService("shop", "web-health", 80, 8080), List.of(), false), regional.target());
        assertEquals(List.of("www.example.com"), regional.common().domainNames());
        assertTrue(regional.deletionProtection());
        var global = assertInstanceOf(GlobalSettings.class, global("prod", "eu-west-1", "us-east-1").load());
        assertEquals(List.of("eu-west-1", "us-east-1"), global.regions());
        assertEquals(CachePolicy.CACHING_DISABLED, global.cdn().defaultCachePolicy());
        assertEquals(new CdnSettings.OriginConnection(2, 5, 30, 5), global.cdn().origin());
        assertEquals(OriginHostHeader.VIEWER, global.cdn().originHostHeader());
    }

    @Test
    void roleMissingOrUnknown() {
        assertProblem(regional("dev", "eu-west-1").unset("latency-edge:role"), "latency-edge:role", "is required");
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:role", "edge"), "latency-edge:role",
                "must be \"region\" or \"global\", got \"edge\"");
    }

    @Test
    void unknownRegionCode() {
        assertProblem(global("dev", "eu-west-1", "eu-wset-1"), "latency-edge:regions",
                "\"eu-wset-1\" is not a known AWS Region code");
    }

    @Test
    void duplicateRegion() {
        assertProblem(global("dev", "eu-west-1", "eu-west-1"), "latency-edge:regions", "lists eu-west-1 twice");
    }

    @Test
    void overridePointingAtARegionWithoutAStack() {
        assertProblem(global("dev", "eu-west-1").set("latency-edge:routingOverrides", "{\"me-south-1\":\"us-east-1\"}"),
                "latency-edge:routingOverrides", "us-east-1 is not in latency-edge:regions");
    }

    @Test
    void overrideOfARegionThatHasItsOwnStack() {
        assertProblem(global("dev", "eu-west-1", "us-east-1")
                        .set("latency-edge:routingOverrides", "{\"eu-west-1\":\"us-east-1\"}"),
                "latency-edge:routingOverrides", "eu-west-1 has a stack of its own");
    }

    @Test
    void aMalformedDomainIsReportedOnce() {
        assertProblem(global("dev", "eu-west-1").set("latency-edge:domain", "WWW.Example.com"), "latency-edge:domain",
                "is not a lower-case DNS name: \"WWW.Example.com\"");
    }

    @Test
    void domainOutsideTheZone() {
        assertProblem(global("dev", "eu-west-1").set("latency-edge:domain", "www.example.org"), "latency-edge:domain",
                "www.example.org is outside the zone example.com");
    }

    @ParameterizedTest
    @CsvSource({"short0label1", "Upper0label1abcdefg", "has-dash-label-123456"})
    void originLabelTooShortOrNotLowerAlphanumeric(String label) {
        assertProblem(global("dev", "eu-west-1").set("latency-edge:originLabel", label), "latency-edge:originLabel",
                "must be 16 to 63 characters of [a-z0-9]");
    }

    @Test
    void secretOriginLabelIsNotEchoed() {
        var error = assertThrows(ConfigException.class,
                global("dev", "eu-west-1").secret("latency-edge:originLabel", "tooshort")::load);
        assertTrue(error.getMessage().contains("8 secret characters"), error.getMessage());
        assertTrue(!error.getMessage().contains("tooshort"), error.getMessage());
    }

    @Test
    void missingSecret() {
        assertProblem(regional("dev", "eu-west-1").unset("latency-edge:originVerifySecret"),
                "latency-edge:originVerifySecret", "is required");
    }

    @Test
    void shortSecretIsRejectedWithoutEchoingIt() {
        var problem = onlyProblem(regional("dev", "eu-west-1").secret("latency-edge:originVerifySecret", "short-1234"));
        assertEquals("latency-edge:originVerifySecret", problem.key());
        assertTrue(problem.reason().contains("32 to 128 characters"), problem.reason());
        assertTrue(problem.reason().contains("got 10 characters"), problem.reason());
        assertTrue(!problem.reason().contains("short-1234"), problem.reason());
    }

    @Test
    void secretWithAnAlbWildcardIsRejected() {
        assertProblem(regional("dev", "eu-west-1").secret("latency-edge:originVerifySecret", "*".repeat(40)),
                "latency-edge:originVerifySecret", "'*' or '?' would be wildcards");
    }

    @Test
    void plainTextSecretIsRejected() {
        var config = regional("dev", "eu-west-1").unset("latency-edge:originVerifySecret")
                .set("latency-edge:originVerifySecret", Fixtures.SECRET);
        assertProblem(config, "latency-edge:originVerifySecret", "must be set as a secret");
    }

    @Test
    void healthPathWithoutLeadingSlash() {
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:healthPath", "healthz"),
                "latency-edge:healthPath", "must start with '/', got \"healthz\"");
    }

    @Test
    void intervalNot10Or30() {
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:healthCheckInterval", "20"),
                "latency-edge:healthCheckInterval", "must be 10 or 30");
    }

    @ParameterizedTest
    @CsvSource({"0", "11"})
    void thresholdOutside1To10(String threshold) {
        assertProblem(regional("dev", "eu-west-1").set("latency-edge:healthCheckFailureThreshold", threshold),
                "latency-edge:healthCheckFailureThreshold", "must be between 1 and 10, got " + threshold);
    }

    @Test
    void fewerThanThreeCheckerRegions() {
        assertProblem(regional("dev", "eu-west-1")
                        .set("latency-edge:healthCheckRegions", "[\"us-east-1\",\"eu-west-1\"]"),
                "latency-edge:healthCheckRegions", "needs at least 3 checker Regions, got 2");
    }

    @Test
    void checkerRegionWithoutCheckers() {
        assertProblem(regional("dev", "eu-west-1")
                        .set("latency-edge:healthCheckRegions", "[\"us-east-1\",\"eu-west-1\",\"eu-central-1\"]"),
                "latency-edge:healthCheckRegions", "Route 53 has no health checkers in eu-central-1");
    }

    @Test
    void regionalStackNameMustEndInItsRegion() {
        var config = regional("dev", "eu-west-1").set("aws:region", "us-east-1");
        assertProblem(config, "aws:region", "does not end in -us-east-1");
    }

    @Test
    void failoverBudgetOverTheMaximum() {
        assertProblem(regional("prod", "eu-west-1").set("latency-edge:maxFailoverSeconds", "90"),
                "latency-edge:healthCheckFailureThreshold", "30 s x 3 + 60 s TTL + 60 s ALB keep-alive = 210 s");
    }

    @Test
    void originRequestBudgetOverTheMaximum() {
        assertProblem(global("prod", "eu-west-1").set("latency-edge:originConnectionAttempts", "3")
                        .set("latency-edge:originConnectionTimeout", "10").set("latency-edge:maxOriginRequestSeconds", "10"),
                "latency-edge:originConnectionAttempts", "3 attempts x 10 s = 30 s, over latency-edge:maxOriginRequestSeconds = 10");
    }

    @Test
    void cachePolicyThatKeysOnHostIsAllowedOnlyWhereTheViewersHostIsForwarded() {
        var viewer = (GlobalSettings) global("dev", "eu-west-1")
                .set("latency-edge:defaultCachePolicy", "UseOriginCacheControlHeaders").load();
        assertEquals(CachePolicy.USE_ORIGIN_CACHE_CONTROL_HEADERS, viewer.cdn().defaultCachePolicy());
        assertProblem(global("dev", "eu-west-1").set("latency-edge:originHostHeader", "origin")
                        .set("latency-edge:defaultCachePolicy", "UseOriginCacheControlHeaders"),
                "latency-edge:defaultCachePolicy", "contradicts latency-edge:originHostHeader = origin");
    }

    @Test
    void webAclOutsideUsEast1() {
        assertProblem(global("dev", "eu-west-1").set("latency-edge:webAclArn",
                        "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/a/b"),
                "latency-edge:webAclArn", "lives in us-east-1");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var error = assertThrows(ConfigException.class, regional("dev", "eu-west-1")
                .set("latency-edge:healthPath", "x").set("latency-edge:healthCheckInterval", "15")::load);
        assertEquals(List.of("latency-edge:healthPath", "latency-edge:healthCheckInterval"),
                error.problems().stream().map(ConfigException.Problem::key).toList());
    }
}
