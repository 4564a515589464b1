package dev.latencyedge.operations;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.latencyedge.operations.AwsTestSupport.DEV_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** status against Route 53 and CloudWatch as their APIs answer, through the real SDK. */
class StatusTest {

    @TempDir
    Path dir;
    private FakeAws aws;
    private AutoCloseable sdk;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws(Instant::now);
        sdk = AwsTestSupport.pointSdkAt(aws);
        // dev's two Regions, a routing override to us-east-1, and eu-west-1 drained (threshold 2 of 1 child).
        aws.serve(DEV_NAME, Map.of("us-east-1", "us-east-1", "eu-west-1", "eu-west-1", "me-south-1", "us-east-1"),
                Map.of("eu-west-1", 2));
        aws.metricValues.put("Requests", List.of(1200.0, 800.0));
        aws.metricValues.put("5xxErrorRate", List.of(0.5));
        aws.metricValues.put("HTTPCode_ELB_5XX_Count", List.of(2.0));
        aws.metricValues.put("HTTPCode_Target_5XX_Count", List.of(3.0));
        aws.metricValues.put("TargetResponseTime", List.of(0.125));
        aws.metricValues.put("HealthCheckStatus", List.of(1.0));
    }

    @AfterEach
    void stop() throws Exception {
        sdk.close();
        aws.close();
    }

    private int status(Status.Format format, List<String> clientIps) throws Exception {
        return Status.run("dev", AwsTestSupport.devConfig(dir), format, clientIps,
                AwsTestSupport.fastRoute53(Map.of()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonObject json() throws Exception {
        assertEquals(0, status(Status.Format.JSON, List.of("203.0.113.7")), err.toString(StandardCharsets.UTF_8));
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void eachRegionsHealthDrainAndLabelsComeFromRoute53() throws Exception {
        var report = json();
        assertEquals("dev", report.get("environment").getAsString());
        assertEquals(DEV_NAME, report.get("latencyName").getAsString());
        var east = report.getAsJsonObject("regions").getAsJsonObject("us-east-1");
        assertTrue(east.get("healthy").getAsBoolean());
        assertEquals(3, east.get("checkersHealthy").getAsInt());
        assertEquals(3, east.get("checkers").getAsInt());
        assertFalse(east.get("drained").getAsBoolean());
        assertEquals("[\"me-south-1\",\"us-east-1\"]", east.get("labels").toString());
        var west = report.getAsJsonObject("regions").getAsJsonObject("eu-west-1");
        assertFalse(west.get("healthy").getAsBoolean(), west.toString());
        assertTrue(west.get("drained").getAsBoolean());
        assertEquals(3, west.get("checkersHealthy").getAsInt(), "its checkers still see the application healthy");
        assertTrue(west.get("why").getAsString().contains("DRAINED"), west.toString());
        // The records were read over several pages, and the private zone of the same name was passed over.
        assertTrue(aws.requests("/rrset").size() >= 2);
        assertTrue(aws.requests("/hostedzone/" + FakeAws.ZONE_ID + "/rrset").size() >= 2);
    }

    @Test
    void everyRegionsVantagePointAndEachClientIpIsAnsweredThroughTheTxtSet() throws Exception {
        var vantages = json().getAsJsonObject("vantages");
        assertEquals(dev.latencyedge.settings.AwsRegions.CODES.size() + 1, vantages.size());
        // eu-west-1 is drained, so even a client in eu-west-1 is answered by us-east-1 (its label us-east-1).
        var fromIreland = vantages.getAsJsonObject("eu-west-1");
        assertEquals("us-east-1", fromIreland.get("answeredBy").getAsString());
        assertEquals("3.248.0.1", fromIreland.get("clientIp").getAsString());
        assertEquals("me-south-1", vantages.getAsJsonObject("me-south-1").get("label").getAsString());
        assertEquals("us-east-1", vantages.getAsJsonObject("me-south-1").get("answeredBy").getAsString());
        assertTrue(vantages.has("203.0.113.7"));
        var asked = aws.requests("/testdnsanswer");
        assertTrue(asked.stream().allMatch(r -> r.query().contains("recordtype=TXT")), asked.get(0).query());
        assertTrue(asked.stream().anyMatch(r -> r.query().contains("edns0clientsubnetip=203.0.113.7")));
    }

    @Test
    void metricsComeFromCloudWatchInItsCborProtocol() throws Exception {
        var metrics = json().getAsJsonObject("metrics");
        var cloudFront = metrics.getAsJsonObject("cloudfront");
        assertEquals("E2EXAMPLE", cloudFront.get("distributionId").getAsString());
        assertEquals(2000.0, cloudFront.get("requests").getAsDouble());
        assertEquals(0.5, cloudFront.get("5xxErrorRatePercent").getAsDouble());
        var alb = metrics.getAsJsonObject("regions").getAsJsonObject("eu-west-1");
        assertEquals("app/latency-edge-eu-west-1/fedcba9876543210", alb.get("loadBalancer").getAsString());
        assertEquals(5.0, alb.get("5xx").getAsDouble());
        assertEquals(0.125, alb.get("p90TargetResponseTimeSeconds").getAsDouble());
        assertEquals(1.0, metrics.getAsJsonObject("healthCheckStatus").get("us-east-1").getAsDouble());
        var calls = aws.requests("/operation/GetMetricData");
        assertFalse(calls.isEmpty());
        assertTrue(aws.requests("/service/GraniteServiceVersion20100801/operation/").size() >= 4);
    }

    @Test
    void aCloudWatchRefusalDegradesTheMetricsAndRoute53StillPrints() throws Exception {
        aws.cloudWatchError = "AccessDenied";
        var report = json();
        assertTrue(report.getAsJsonObject("regions").getAsJsonObject("us-east-1").get("healthy").getAsBoolean());
        var metrics = report.getAsJsonObject("metrics");
        assertTrue(metrics.get("cloudfront").getAsString().startsWith("unavailable: "), metrics.toString());
        assertTrue(metrics.get("cloudfront").getAsString().contains("not authorized"), metrics.toString());
        assertTrue(metrics.getAsJsonObject("regions").get("us-east-1").getAsString().startsWith("unavailable: "));
    }

    @Test
    void textNamesEachRegionsVerdictAndEachVantagesAnswer() throws Exception {
        assertEquals(0, status(Status.Format.TEXT, List.of()), err.toString(StandardCharsets.UTF_8));
        var text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("eu-west-1       UNHEALTHY 3/3 checkers  DRAINED  labels: eu-west-1"), text);
        assertTrue(text.contains("us-east-1       healthy   3/3 checkers  labels: me-south-1, us-east-1"), text);
        assertTrue(text.contains("eu-west-1       3.248.0.1        -> us-east-1 (label me-south-1)"), text);
        assertTrue(text.contains("CloudFront: distributionId E2EXAMPLE"), text);
    }

    // Route 53 answers Throttling (400) and PriorRequestNotComplete (400) to requests over its rate (API reference,
    // "Common errors" and each action's errors); the SDK's standard retry strategy backs off and tries again.
    @Test
    void throttledRequestsAreRetriedUntilRoute53Answers() throws Exception {
        aws.failNext("ListHostedZonesByName", "Throttling", "Throttling");
        aws.failNext("GetHealthCheck", "PriorRequestNotComplete");
        var report = json();
        assertTrue(report.getAsJsonObject("regions").getAsJsonObject("us-east-1").get("healthy").getAsBoolean());
        assertEquals(3, aws.requests("/hostedzonesbyname").size(), "two throttled, then answered");
    }

    @Test
    void aZoneMissingFromRoute53IsOneLineAndAnAwsExitStatus() throws Exception {
        aws.records.clear();
        assertEquals(ExitStatus.AWS_ERROR, status(Status.Format.TEXT, List.of()));
        var message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("Route 53 has no latency records named " + DEV_NAME), message);
    }

    @Test
    void aClientIpThatIsAHostNameIsRefusedBeforeAskingAws() throws Exception {
        assertEquals(ExitStatus.BAD_INPUT, status(Status.Format.TEXT, List.of("example.com")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--client-ip: 'example.com' is not an IPv4 or IPv6"));
        assertTrue(aws.requests.isEmpty());
    }
}
