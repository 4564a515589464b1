package dev.latencyedge.edge;

import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import dev.latencyedge.Captured;
import dev.latencyedge.Fixtures;
import dev.latencyedge.LatencyEdgeProgram;
import dev.latencyedge.plan.EvaluatedStack;
import dev.latencyedge.fakecloud.FakeCloud;
import dev.latencyedge.plan.PlanFile;
import dev.latencyedge.plan.StackEvaluator;
import dev.latencyedge.settings.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.latencyedge.Fixtures.at;
import static dev.latencyedge.Fixtures.global;
import static dev.latencyedge.Fixtures.regional;
import static dev.latencyedge.Fixtures.rootCause;
import static dev.latencyedge.Fixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeTest {

    private static final String RECORD = "aws:route53/record:Record";

    private static Map<String, EvaluatedStack> prod(Fixtures.Config global) {
        return Fixtures.environment(global, regional("prod", "eu-west-1"), regional("prod", "us-east-1"));
    }

    /** Evaluated once for the class: no test changes it. */
    private static final Map<String, EvaluatedStack> env = prod(global("prod", "eu-west-1", "us-east-1")
            .set("latency-edge:routingOverrides", "{\"me-south-1\":\"us-east-1\"}"));
    private static final EvaluatedStack edge = env.get("prod");

    /** The edge evaluated again with the Regions' exports, recording what the program handed the engine. */
    private Captured capturedEdge() {
        var captured = new Captured();
        var stacks = new TreeMap<String, FakeCloud.StackOutputs>();
        env.forEach((name, stack) -> stacks.put("organization/latency-edge/" + name,
                new FakeCloud.StackOutputs(stack.exports(), List.of())));
        StackEvaluator.evaluate(edge.settings(), stacks, captured.transformations());
        return captured;
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void oneLatencyAliasPerLabelToTheServingRegionsAlbAndHealthCheck() {
        var table = Map.of("eu-west-1", "eu-west-1", "us-east-1", "us-east-1", "me-south-1", "us-east-1");
        assertEquals(3, edge.resources().stream().filter(r -> r.name().startsWith("origin-")
                && "A".equals(r.inputs().get("type"))).count());
        table.forEach((label, serving) -> {
            var record = single(edge, RECORD, "origin-" + label).inputs();
            var region = env.get("prod-" + serving).exports();
            assertEquals(Fixtures.LABEL + ".origin.example.com", record.get("name"));
            assertEquals("A", record.get("type"));
            assertEquals(label, record.get("setIdentifier"));
            assertEquals(label, at(record, "latencyRoutingPolicies", 0, "region"));
            assertEquals(region.get("albDnsName"), at(record, "aliases", 0, "name"));
            assertEquals(region.get("albZoneId"), at(record, "aliases", 0, "zoneId"));
            assertEquals(true, at(record, "aliases", 0, "evaluateTargetHealth"));
            assertEquals(region.get("healthCheckId"), record.get("healthCheckId"));
        });
        assertEquals(new TreeMap<>(table), edge.exports().get("routingTable"));
    }

    // The status command maps Route 53's TXT answer to a Region: the TXT record must be chosen exactly as the alias
    // is (same name, set identifier, latency Region and health check), and say the label and serving Region.
    @Test
    void aTxtLatencySetBesideTheAliasesNamesEachLabelsServingRegion() {
        var table = Map.of("eu-west-1", "eu-west-1", "us-east-1", "us-east-1", "me-south-1", "us-east-1");
        assertEquals(3, edge.resources().stream().filter(r -> r.name().startsWith("origin-")
                && "TXT".equals(r.inputs().get("type"))).count());
        table.forEach((label, serving) -> {
            var alias = single(edge, RECORD, "origin-" + label).inputs();
            var txt = single(edge, RECORD, "origin-" + label + "-txt").inputs();
            assertEquals(alias.get("name"), txt.get("name"));
            assertEquals(alias.get("setIdentifier"), txt.get("setIdentifier"));
            assertEquals(alias.get("latencyRoutingPolicies"), txt.get("latencyRoutingPolicies"));
            assertEquals(alias.get("healthCheckId"), txt.get("healthCheckId"));
            assertEquals(List.of("latency-edge label=" + label + " region=" + serving), txt.get("records"));
            assertEquals(60.0, ((Number) txt.get("ttl")).doubleValue());
            assertFalse(txt.containsKey("aliases"));
        });
    }

    @Test
    void viewerCertificateIsInUsEast1WhateverAwsRegionSays() {
        assertEquals("eu-west-1", edge.settings().common().region());
        var certificate = single(edge, "aws:acm/certificate:Certificate", "viewer-certificate");
        assertTrue(certificate.provider().contains("::aws-us-east-1::"), certificate.provider());
        assertEquals("us-east-1", certificate.region());
        assertEquals("www.example.com", certificate.inputs().get("domainName"));
        assertTrue(certificate.outputs().get("arn").toString().startsWith("arn:aws:acm:us-east-1:123456789012:"));
        var provider = single(edge, FakeCloud.PROVIDER_TYPE, "aws-us-east-1");
        assertEquals("us-east-1", provider.inputs().get("region"));
        var distribution = single(edge, "aws:cloudfront/distribution:Distribution", "cdn-distribution").inputs();
        assertEquals(certificate.outputs().get("arn"), at(distribution, "viewerCertificate", "acmCertificateArn"));
    }

    @Test
    void distributionHasTheLatencyNameAsItsOnlySecureOrigin() {
        var distribution = single(edge, "aws:cloudfront/distribution:Distribution", "cdn-distribution").inputs();
        assertEquals(List.of("www.example.com"), distribution.get("aliases"));
        List<?> origins = at(distribution, "origins");
        assertEquals(1, origins.size());
        assertEquals(Fixtures.LABEL + ".origin.example.com", at(distribution, "origins", 0, "domainName"));
        assertEquals("https-only", at(distribution, "origins", 0, "customOriginConfig", "originProtocolPolicy"));
        assertEquals(List.of("TLSv1.2"), at(distribution, "origins", 0, "customOriginConfig", "originSslProtocols"));
        assertEquals(2.0, at(distribution, "origins", 0, "connectionAttempts"));
        assertEquals(5.0, at(distribution, "origins", 0, "connectionTimeout"));
        assertEquals("X-Origin-Verify", at(distribution, "origins", 0, "customHeaders", 0, "name"));
        assertEquals(Fixtures.SECRET, at(distribution, "origins", 0, "customHeaders", 0, "value"));
        assertEquals("redirect-to-https", at(distribution, "defaultCacheBehavior", "viewerProtocolPolicy"));
        assertEquals("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", at(distribution, "defaultCacheBehavior", "cachePolicyId"));
        assertEquals("67f7725c-6f97-4210-82d7-5512b31e9d03",
                at(distribution, "defaultCacheBehavior", "responseHeadersPolicyId"));
        assertEquals("TLSv1.2_2021", at(distribution, "viewerCertificate", "minimumProtocolVersion"));
        assertEquals("sni-only", at(distribution, "viewerCertificate", "sslSupportMethod"));
        assertEquals("http2and3", distribution.get("httpVersion"));
        assertEquals(true, distribution.get("isIpv6Enabled"));
        assertEquals("PriceClass_All", distribution.get("priceClass"));
        assertEquals("none", at(distribution, "restrictions", "geoRestriction", "restrictionType"));
        assertFalse(distribution.containsKey("webAclId"));
    }

    // With AllViewerExceptHostHeader the ALB sees Host = the secret origin name: Ingress rules keyed on the public
    // names never match and redirects leak the origin. The default forwards the viewer's Host (managed AllViewer).
    @Test
    void theViewersHostIsForwardedByDefault() {
        var distribution = single(edge, "aws:cloudfront/distribution:Distribution", "cdn-distribution").inputs();
        assertEquals("216adef6-5c7f-47e4-b989-5492eafa07d3",
                at(distribution, "defaultCacheBehavior", "originRequestPolicyId"));
        assertEquals(List.of(), at(distribution, "defaultCacheBehavior", "functionAssociations"));
        assertTrue(edge.resources().stream().noneMatch(r -> r.type().equals("aws:cloudfront/function:Function")));
    }

    @Test
    void keepingTheOriginsHostPassesTheViewersHostInXForwardedHostOnEveryBehaviour() {
        var edge = prod(global("prod", "eu-west-1", "us-east-1").set("latency-edge:originHostHeader", "origin")
                .set("latency-edge:cacheBehaviors", "[{\"pathPattern\":\"/static/*\",\"cachePolicy\":\"CachingOptimized\"}]"))
                .get("prod");
        var function = single(edge, "aws:cloudfront/function:Function", "cdn-forwarded-host");
        assertEquals("cloudfront-js-2.0", function.inputs().get("runtime"));
        assertEquals(true, function.inputs().get("publish"));
        assertTrue(((String) function.inputs().get("code")).contains("request.headers['x-forwarded-host'] = { value: request.headers.host.value }"));
        var distribution = single(edge, "aws:cloudfront/distribution:Distribution", "cdn-distribution").inputs();
        for (var behaviour : List.<Object>of(at(distribution, "defaultCacheBehavior"),
                at(distribution, "orderedCacheBehaviors", 0))) {
            assertEquals("b689b0a8-53d0-40ab-baf2-68738e2966ac", at(behaviour, "originRequestPolicyId"));
            assertEquals("viewer-request", at(behaviour, "functionAssociations", 0, "eventType"));
            assertEquals(function.outputs().get("arn"), at(behaviour, "functionAssociations", 0, "functionArn"));
        }
    }

    // CloudFront caches 5xx answers for 10 s by default, so a failed Region would be served from cache after
    // Route 53 moved away: 500, 502, 503 and 504 are cached 0 s.
    @Test
    void originErrorsAreNotCachedPastAFailover() {
        var distribution = single(edge, "aws:cloudfront/distribution:Distribution", "cdn-distribution").inputs();
        List<Map<String, Object>> responses = at(distribution, "customErrorResponses");
        assertEquals(List.of(500.0, 502.0, 503.0, 504.0), responses.stream().map(r -> r.get("errorCode")).toList());
        assertTrue(responses.stream().allMatch(r -> r.get("errorCachingMinTtl").equals(0.0)
                && !r.containsKey("responseCode") && !r.containsKey("responsePagePath")), responses.toString());
    }

    // A behaviour's compress only works where the cache policy accepts compressed encodings; CachingDisabled
    // does not (CloudFront developer guide, "Serve compressed files").
    @Test
    void compressionIsOnWhereTheCachePolicyCanCompress() {
        var edge = prod(global("prod", "eu-west-1", "us-east-1")
                .set("latency-edge:cacheBehaviors", "[{\"pathPattern\":\"/static/*\",\"cachePolicy\":\"CachingOptimized\"}]"))
                .get("prod");
        var distribution = single(edge, "aws:cloudfront/distribution:Distribution", "cdn-distribution").inputs();
        assertEquals(false, at(distribution, "defaultCacheBehavior", "compress"));
        assertEquals(true, at(distribution, "orderedCacheBehaviors", 0, "compress"));
    }

    // CloudFront refuses a comment over 128 characters; it is derived from the environment so it always fits.
    @Test
    void theCommentFitsCloudFrontsLimitWhateverTheEnvironmentsName() {
        var distribution = single(edge, "aws:cloudfront/distribution:Distribution", "cdn-distribution").inputs();
        assertEquals("latency-edge prod: nearest healthy Region", distribution.get("comment"));
        assertEquals(128, CdnDistribution.comment("e".repeat(200)).length());
    }

    @Test
    void aRegionWhoseCertificateMissesAPublicNameStopsTheEdgeBeforeAnyResource() {
        var error = assertThrows(ConfigException.class, () -> Fixtures.environment(
                global("prod", "eu-west-1").set("latency-edge:extraDomains", "[\"example.com\"]"),
                regional("prod", "eu-west-1")));
        assertEquals("prod", error.stackName());
        assertEquals("latency-edge:extraDomains", error.problems().get(0).key());
        assertTrue(error.problems().get(0).reason().startsWith("example.com not covered by the ALB certificate of"
                + " Region eu-west-1 (stack prod-eu-west-1, [*.origin.example.com, www.example.com])"),
                error.getMessage());
        assertTrue(EdgePreconditions.covers("*.origin.example.com", "k7q2.origin.example.com"));
        assertFalse(EdgePreconditions.covers("*.example.com", "a.b.example.com"));
    }

    @Test
    void theViewerCertificateSharesTheRegionsValidationRecords() {
        var captured = capturedEdge();
        assertTrue(captured.custom("viewer-validation-www.example.com").isRetainOnDelete());
        var regional = single(env.get("prod-eu-west-1"), RECORD, "eu-west-1-origin-validation-www.example.com");
        var viewer = single(edge, RECORD, "viewer-validation-www.example.com");
        assertEquals(regional.inputs(), viewer.inputs());
    }

    @Test
    void priceClassGeoRestrictionWafAndCacheBehavioursComeFromConfig() {
        var acl = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0a1b2c3d";
        var edge = prod(global("prod", "eu-west-1", "us-east-1")
                .set("latency-edge:priceClass", "PriceClass_100")
                .set("latency-edge:geoRestriction", "{\"restrictionType\":\"whitelist\",\"locations\":[\"DE\",\"FR\"]}")
                .set("latency-edge:webAclArn", acl)
                .set("latency-edge:cacheBehaviors", "[{\"pathPattern\":\"/static/*\",\"cachePolicy\":\"CachingOptimized\"}]"))
                .get("prod");
        var distribution = single(edge, "aws:cloudfront/distribution:Distribution", "cdn-distribution").inputs();
        assertEquals("PriceClass_100", distribution.get("priceClass"));
        assertEquals("whitelist", at(distribution, "restrictions", "geoRestriction", "restrictionType"));
        assertEquals(List.of("DE", "FR"), at(distribution, "restrictions", "geoRestriction", "locations"));
        assertEquals(acl, distribution.get("webAclId"));
        assertEquals("/static/*", at(distribution, "orderedCacheBehaviors", 0, "pathPattern"));
        assertEquals("658327ea-f89d-4fab-a63d-7e88639e58f6", at(distribution, "orderedCacheBehaviors", 0, "cachePolicyId"));
    }

    @Test
    void originHeaderValueIsASecret() {
        var captured = capturedEdge();
        var args = (DistributionArgs) captured.named("cdn-distribution").args();
        var origin = Captured.value(args.origins()).get(0);
        var header = Captured.value(origin.customHeaders().orElseThrow()).get(0);
        assertTrue(Captured.isSecret(header.value()));
    }

    @Test
    void eachDomainGetsAliasAAndAaaaRecordsToTheDistribution() {
        var extra = "[\"example.com\"]";
        var edge = Fixtures.environment(global("prod", "eu-west-1", "us-east-1").set("latency-edge:extraDomains", extra),
                regional("prod", "eu-west-1").set("latency-edge:extraDomains", extra),
                regional("prod", "us-east-1").set("latency-edge:extraDomains", extra)).get("prod");
        var distribution = single(edge, "aws:cloudfront/distribution:Distribution", "cdn-distribution").outputs();
        for (var domain : List.of("www.example.com", "example.com")) {
            for (var type : List.of("A", "AAAA")) {
                var record = single(edge, RECORD, "cdn-" + domain + "-" + type.toLowerCase()).inputs();
                assertEquals(domain, record.get("name"));
                assertEquals(type, record.get("type"));
                assertEquals(distribution.get("domainName"), at(record, "aliases", 0, "name"));
                assertEquals("Z2FDTNDATAQYW2", at(record, "aliases", 0, "zoneId"));
                assertEquals(false, at(record, "aliases", 0, "evaluateTargetHealth"));
            }
        }
        assertTrue(((String) distribution.get("domainName")).matches("d[a-z0-9]+\\.cloudfront\\.net"));
    }

    @Test
    void exportsUrlIdsRoutingAndFailoverBudget() {
        assertEquals("https://www.example.com", edge.exports().get("url"));
        assertTrue(((String) edge.exports().get("distributionId")).matches("E[A-Z0-9]{13}"));
        assertEquals(Fixtures.LABEL + ".origin.example.com", edge.exports().get("originHost"));
        assertFalse(edge.secretExportNames().contains("originHost"));
        assertEquals(Map.of("eu-west-1", 210, "us-east-1", 210), edge.exports().get("failoverBudgetSeconds"));
        assertEquals(10, edge.exports().get("failedOriginRequestSeconds"));
    }

    @Test
    void originHostIsASecretWhenTheLabelIs() {
        var edge = prod(global("prod", "eu-west-1", "us-east-1").secret("latency-edge:originLabel", Fixtures.LABEL))
                .get("prod");
        assertTrue(edge.secretExportNames().contains("originHost"));
        var plan = PlanFile.render(edge);
        assertFalse(plan.contains(Fixtures.LABEL), "the plan file must not show the secret label");
        assertFalse(plan.contains(Fixtures.SECRET));
    }

    @Test
    void aSecretNoRegionAcceptsStopsTheEdgeBeforeAnyResource() {
        var global = global("prod", "eu-west-1", "us-east-1").secret("latency-edge:originVerifySecret",
                Fixtures.NEXT_SECRET);
        var stacks = new TreeMap<String, FakeCloud.StackOutputs>();
        for (var region : List.of("eu-west-1", "us-east-1")) {
            var stack = Fixtures.evaluate(regional("prod", region));
            stacks.put("organization/latency-edge/prod-" + region, new FakeCloud.StackOutputs(stack.exports(), List.of()));
        }
        var cloud = new FakeCloud("eu-west-1", stacks);
        var settings = global.load();
        var result = PulumiTest.withMocks(cloud)
                .withOptions(TestOptions.builder().projectName("latency-edge").stackName("prod").build())
                .runTest(ctx -> LatencyEdgeProgram.run(ctx, settings));
        var error = (ConfigException) rootCause(result.exceptions().get(0));
        assertEquals("prod", error.stackName());
        assertEquals(2, error.problems().size());
        assertEquals("latency-edge:originVerifySecret", error.problems().get(0).key());
        assertTrue(error.problems().get(0).reason().contains("is not accepted by Region eu-west-1 (stack prod-eu-west-1)"));
        assertTrue(cloud.registrations().stream().allMatch(r -> r.type().equals(FakeCloud.STACK_REFERENCE_TYPE)),
                "only the stack references were read: " + cloud.registrations().stream().map(r -> r.type()).toList());
    }

    @Test
    void rotationKeepsEveryRegionAcceptingTheNewSecret() {
        var rotating = Fixtures.environment(
                global("prod", "eu-west-1").secret("latency-edge:originVerifySecret", Fixtures.NEXT_SECRET),
                regional("prod", "eu-west-1").secret("latency-edge:originVerifySecretPrevious", Fixtures.NEXT_SECRET));
        var distribution = single(rotating.get("prod"), "aws:cloudfront/distribution:Distribution", "cdn-distribution");
        assertEquals(Fixtures.NEXT_SECRET, at(distribution.inputs(), "origins", 0, "customHeaders", 0, "value"));
    }

    @Test
    void aMissingRegionalOutputNamesTheStackAndTheOutput() {
        var stack = Fixtures.evaluate(regional("prod", "eu-west-1"));
        var exports = new TreeMap<>(stack.exports());
        exports.remove("healthCheckId");
        var error = assertThrows(RegionalStackReader.MissingRegionalOutputException.class, () ->
                StackEvaluator.evaluate(global("prod", "eu-west-1").load(), Map.of(
                        "organization/latency-edge/prod-eu-west-1", new FakeCloud.StackOutputs(exports, List.of()))));
        assertEquals("regional stack organization/latency-edge/prod-eu-west-1: output 'healthCheckId' is missing;"
                + " run pulumi up on that stack first", error.getMessage());
    }

    @Test
    void aRegionSlowerThanTheFailoverCeilingIsRefused() {
        var error = assertThrows(ConfigException.class, () -> prod(global("prod", "eu-west-1", "us-east-1")
                .set("latency-edge:maxFailoverSeconds", "180")));
        assertEquals("latency-edge:maxFailoverSeconds", error.problems().get(0).key());
        assertTrue(error.getMessage().contains("30 s x 3 + 60 s TTL + 60 s ALB keep-alive = 210 s"), error.getMessage());
    }

    @Test
    void addingARegionChangesNothingThatExists() {
        var before = edge;
        var after = Fixtures.environment(global("prod", "eu-west-1", "us-east-1", "ap-southeast-1")
                        .set("latency-edge:routingOverrides", "{\"me-south-1\":\"us-east-1\"}"),
                regional("prod", "eu-west-1"), regional("prod", "us-east-1"), regional("prod", "ap-southeast-1"))
                .get("prod");
        for (var resource : before.resources()) {
            // The dashboard gains the new Region's widgets; EdgeDashboardTest shows none of its others change.
            if (resource.type().equals("pulumi:pulumi:Stack")
                    || resource.type().equals("aws:cloudwatch/dashboard:Dashboard")) {
                continue;
            }
            var same = after.resources().stream().filter(r -> r.urn().equals(resource.urn())).findFirst()
                    .orElseThrow(() -> new AssertionError(resource.urn() + " disappeared"));
            assertEquals(resource.inputs(), same.inputs(), resource.urn());
        }
        assertEquals(before.resources().size() + 3, after.resources().size(),
                "one latency alias, one latency TXT record, one reference");
        single(after, RECORD, "origin-ap-southeast-1");
        single(after, RECORD, "origin-ap-southeast-1-txt");
    }
}
