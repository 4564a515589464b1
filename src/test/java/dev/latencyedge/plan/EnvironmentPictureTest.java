package dev.latencyedge.plan;

import com.pulumi.test.PulumiTest;
import dev.latencyedge.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.latencyedge.Fixtures.global;
import static dev.latencyedge.Fixtures.plan;
import static dev.latencyedge.Fixtures.regional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picture plan writes of an environment, and how the diff marks a change on it. */
class EnvironmentPictureTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void showsViewersTheDistributionTheLatencyNameEachLabelItsRegionAndItsHealthCheck() {
        var picture = EnvironmentPicture.render(plan(global("prod", "eu-west-1", "us-east-1"),
                regional("prod", "eu-west-1"), regional("prod", "us-east-1")));
        var lines = picture.lines().toList();
        assertEquals("flowchart LR", lines.get(0));
        assertTrue(lines.contains("    viewers -->|HTTPS| cdn"), picture);
        assertTrue(lines.contains("    cdn[\"CloudFront distribution<br/>www.example.com\"]"), picture);
        assertTrue(lines.contains("    cdn -->|cache miss| latency"), picture);
        assertTrue(lines.contains("    latency{{\"Route 53 latency records<br/>" + Fixtures.LABEL
                + ".origin.example.com\"}}"), picture);
        for (var region : List.of("eu-west-1", "us-east-1")) {
            var id = region.replace('-', '_');
            assertTrue(lines.contains("    latency --> label_" + id), picture);
            assertTrue(lines.contains("    label_" + id + " --> region_" + id), picture);
            assertTrue(lines.contains("    region_" + id + "[\"" + region + "<br/>ALB, EKS prod-" + region + "\"]"),
                    picture);
            assertTrue(lines.contains("    check_" + id + "[[\"health check " + region + "<br/>HTTPS /healthz every 30 s,"
                    + " unhealthy after 3\"]]"), picture);
            assertTrue(lines.contains("    check_" + id + " -.->|in rotation| region_" + id), picture);
        }
        assertFalse(picture.contains("classDef"), "nothing drained, no override: " + picture);
    }

    @Test
    void drainedRegionsAndRoutingOverridesAreDrawnDistinctly() {
        var picture = EnvironmentPicture.render(plan(global("prod", "eu-west-1", "us-east-1")
                        .set("latency-edge:routingOverrides", "{\"me-south-1\":\"us-east-1\"}"),
                regional("prod", "eu-west-1").set("latency-edge:drain", "true"), regional("prod", "us-east-1")));
        var lines = picture.lines().toList();
        assertTrue(lines.contains("    region_eu_west_1[\"eu-west-1 (drained)<br/>ALB, EKS prod-eu-west-1\"]"), picture);
        assertTrue(lines.contains("    check_eu_west_1 -.->|drained| region_eu_west_1"), picture);
        assertTrue(lines.contains("    class region_eu_west_1,check_eu_west_1 drained"), picture);
        assertTrue(lines.contains("    label_me_south_1([\"nearest me-south-1<br/>(override)\"])"), picture);
        assertTrue(lines.contains("    label_me_south_1 -.->|routing override| region_us_east_1"), picture);
        assertTrue(lines.contains("    class label_me_south_1 override"), picture);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("    classDef drained ")), picture);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("    classDef override ")), picture);
    }

    @Test
    void aSecretOriginLabelIsNotDrawn() {
        var picture = EnvironmentPicture.render(plan(global("prod", "eu-west-1")
                .secret("latency-edge:originLabel", Fixtures.LABEL), regional("prod", "eu-west-1")));
        assertFalse(picture.contains(Fixtures.LABEL), picture);
        assertTrue(picture.contains("<br/>(secret label).origin.example.com\"}}"), picture);
    }

    // Mermaid's flowchart syntax: a '"' ends a quoted label and is written #quot;; '#' starts an entity code; '<'
    // and '>' would be markup (mermaid.js.org, Flowcharts, "Entity codes to escape characters").
    @Test
    void textIsEscapedInsideLabels() {
        // Validation already keeps such characters out of names and paths; the picture does not rely on it.
        assertEquals("a#quot;b#35;c#lt;br/#gt;", EnvironmentPicture.text("a\"b#c<br/>"));
        assertEquals("/healthz", EnvironmentPicture.text("/healthz"));
    }

    @Test
    void changedNodesAreMarkedAndNodesTheHeadDoesNotDrawAreLeftOut() {
        var picture = EnvironmentPicture.render(plan(global("prod", "eu-west-1"), regional("prod", "eu-west-1")));
        var marked = EnvironmentPicture.withChanged(picture, List.of("check_eu_west_1", "region_us_east_1", "cdn"));
        assertTrue(marked.startsWith(picture));
        assertEquals("    classDef changed stroke:#d73a49,stroke-width:4px\n    class cdn,check_eu_west_1 changed\n",
                marked.substring(picture.length()));
        assertEquals(picture, EnvironmentPicture.withChanged(picture, List.of("region_us_east_1")));
    }

    @Test
    void eachResourceOfAPlanMapsToTheNodeThatShowsIt() {
        assertEquals(Optional.of("check_eu_west_1"), EnvironmentPicture.nodeOf("prod", "prod-eu-west-1",
                "aws:route53/healthCheck:HealthCheck", "eu-west-1-endpoint"));
        assertEquals(Optional.of("region_eu_west_1"), EnvironmentPicture.nodeOf("prod", "prod-eu-west-1",
                "aws:lb/loadBalancer:LoadBalancer", "eu-west-1-alb"));
        assertEquals(Optional.of("label_me_south_1"), EnvironmentPicture.nodeOf("prod", "prod",
                "aws:route53/record:Record", "origin-me-south-1"));
        assertEquals(Optional.of("label_me_south_1"), EnvironmentPicture.nodeOf("prod", "prod",
                "aws:route53/record:Record", "origin-me-south-1-txt"));
        assertEquals(Optional.of("latency"), EnvironmentPicture.nodeOf("prod", "prod",
                "latency-edge:edge:LatencyOrigin", "origin"));
        assertEquals(Optional.of("cdn"), EnvironmentPicture.nodeOf("prod", "prod",
                "aws:cloudfront/distribution:Distribution", "cdn-distribution"));
        assertEquals(Optional.empty(), EnvironmentPicture.nodeOf("prod", "prod",
                "aws:cloudwatch/dashboard:Dashboard", "monitoring-dashboard"));
        assertEquals(Optional.empty(), EnvironmentPicture.nodeOf("prod", "staging-eu-west-1",
                "aws:lb/loadBalancer:LoadBalancer", "eu-west-1-alb"));
    }

    @Test
    void planWritesThePictureBesideThePlanFilesAndGivesItToNoPolicy(@TempDir Path work) throws IOException {
        var out = new ByteArrayOutputStream();
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        assertEquals(0, dev.latencyedge.Cli.run(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), quiet,
                "plan", "dev", "--out", work.toString(), "--no-policy"));
        assertEquals(EnvironmentPicture.render(EnvironmentPlan.evaluate(Path.of("."), "dev")),
                Files.readString(work.resolve("dev.mmd")));
        var printed = out.toString(StandardCharsets.UTF_8);
        var planFiles = printed.substring(printed.indexOf("Plan files: "), printed.indexOf("Pictures: "));
        assertFalse(planFiles.contains(".mmd"), planFiles);
        assertTrue(printed.contains("Pictures: " + work.resolve("dev.mmd") + "\n"), printed);
    }
}
