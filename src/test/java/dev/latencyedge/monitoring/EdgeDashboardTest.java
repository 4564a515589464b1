package dev.latencyedge.monitoring;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.test.PulumiTest;
import dev.latencyedge.Fixtures;
import dev.latencyedge.plan.EvaluatedStack;
import dev.latencyedge.settings.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.latencyedge.Fixtures.global;
import static dev.latencyedge.Fixtures.regional;
import static dev.latencyedge.Fixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The environment's dashboard: where it lives, what each widget shows, and what a new Region does to it. */
class EdgeDashboardTest {

    private static final String DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";
    private static final String SUBSCRIPTION = "aws:cloudfront/monitoringSubscription:MonitoringSubscription";

    private static Map<String, EvaluatedStack> prod(Fixtures.Config global, String... regions) {
        var regionals = java.util.Arrays.stream(regions).map(r -> regional("prod", r)).toArray(Fixtures.Config[]::new);
        return Fixtures.environment(global, regionals);
    }

    /** Evaluated once: no test changes it. */
    private static final Map<String, EvaluatedStack> env = prod(global("prod", "eu-west-1", "us-east-1"),
            "eu-west-1", "us-east-1");
    private static final EvaluatedStack edge = env.get("prod");

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static JsonArray widgets(EvaluatedStack stack) {
        var body = (String) single(stack, DASHBOARD, "monitoring-dashboard").inputs().get("dashboardBody");
        return JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("widgets");
    }

    private static JsonObject widget(EvaluatedStack stack, String title) {
        var matches = new ArrayList<JsonObject>();
        widgets(stack).forEach(w -> {
            var properties = w.getAsJsonObject().getAsJsonObject("properties");
            if (properties.has("title") && properties.get("title").getAsString().equals(title)) {
                matches.add(properties);
            }
        });
        assertEquals(1, matches.size(), "widgets titled " + title);
        return matches.get(0);
    }

    /** Each metric of a widget as its strings (namespace, name, dimensions), without rendering properties. */
    private static List<List<String>> metrics(JsonObject widget) {
        var out = new ArrayList<List<String>>();
        for (JsonElement metric : widget.getAsJsonArray("metrics")) {
            var strings = new ArrayList<String>();
            metric.getAsJsonArray().forEach(e -> {
                if (e.isJsonPrimitive()) {
                    strings.add(e.getAsString());
                }
            });
            out.add(strings);
        }
        return out;
    }

    private static String distributionId(EvaluatedStack stack) {
        var id = (String) stack.exports().get("distributionId");
        assertTrue(id.matches("E[A-Z0-9]{13}"), id);
        return id;
    }

    @Test
    void theDashboardIsNamedAfterTheEnvironmentAndLivesInUsEast1WhateverAwsRegionSays() {
        assertEquals("eu-west-1", edge.settings().common().region());
        var dashboard = single(edge, DASHBOARD, "monitoring-dashboard");
        assertEquals("prod-latency-edge", dashboard.inputs().get("dashboardName"));
        assertTrue(dashboard.provider().contains("::aws-us-east-1::"), dashboard.provider());
        assertEquals("us-east-1", dashboard.region());
        var component = single(edge, EdgeDashboard.TYPE, "monitoring");
        assertEquals(component.urn(), dashboard.parent());
        assertEquals("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                + "#dashboards/dashboard/prod-latency-edge", edge.exports().get("dashboardUrl"));
    }

    @Test
    void eachRegionShowsItsHealthChecksFromUsEast1AndItsAlbFromItsOwnRegion() {
        for (var region : List.of("eu-west-1", "us-east-1")) {
            var exports = env.get("prod-" + region).exports();
            var alb = single(env.get("prod-" + region), "aws:lb/loadBalancer:LoadBalancer", region + "-alb");
            var arnSuffix = (String) alb.outputs().get("arnSuffix");
            assertTrue(arnSuffix.startsWith("app/" + region + "-alb"), arnSuffix);

            var health = widget(edge, region + ": health (1 = healthy)");
            assertEquals("us-east-1", health.get("region").getAsString());
            assertEquals(List.of(
                    List.of("AWS/Route53", "HealthCheckStatus", "HealthCheckId", exports.get("healthCheckId")),
                    List.of("AWS/Route53", "HealthCheckStatus", "HealthCheckId", exports.get("endpointHealthCheckId"))),
                    metrics(health));
            var checkers = widget(edge, region + ": checkers seeing it healthy (%)");
            assertEquals("us-east-1", checkers.get("region").getAsString());
            assertEquals(List.of(List.of("AWS/Route53", "HealthCheckPercentageHealthy", "HealthCheckId",
                    exports.get("endpointHealthCheckId"))), metrics(checkers));

            var requests = widget(edge, region + ": ALB requests and 5xx");
            assertEquals(region, requests.get("region").getAsString());
            assertEquals("Sum", requests.get("stat").getAsString());
            assertEquals(List.of(
                    List.of("AWS/ApplicationELB", "RequestCount", "LoadBalancer", arnSuffix),
                    List.of("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", arnSuffix),
                    List.of("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", arnSuffix)),
                    metrics(requests));
            var latency = widget(edge, region + ": target response time p90 (s)");
            assertEquals(region, latency.get("region").getAsString());
            assertEquals("p90", latency.get("stat").getAsString());
            assertEquals(List.of(List.of("AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", arnSuffix)),
                    metrics(latency));
        }
    }

    @Test
    void theDistributionsRequestsAndErrorRatesComeFromUsEast1WithRegionGlobal() {
        var id = distributionId(edge);
        var requests = widget(edge, "CloudFront requests");
        assertEquals("us-east-1", requests.get("region").getAsString());
        assertEquals(List.of(List.of("AWS/CloudFront", "Requests", "DistributionId", id, "Region", "Global")),
                metrics(requests));
        var errors = widget(edge, "CloudFront error rates (%)");
        assertEquals(List.of(List.of("AWS/CloudFront", "4xxErrorRate", "DistributionId", id, "Region", "Global"),
                List.of("AWS/CloudFront", "5xxErrorRate", "DistributionId", id, "Region", "Global")), metrics(errors));
        // Off by default: no subscription (billed), and no origin latency, which only the subscription publishes.
        assertTrue(edge.resources().stream().noneMatch(r -> r.type().equals(SUBSCRIPTION)));
        assertFalse(single(edge, DASHBOARD, "monitoring-dashboard").inputs().get("dashboardBody").toString()
                .contains("OriginLatency"));
    }

    @Test
    void additionalMetricsSubscribeTheDistributionAndShowOriginLatency() {
        var withMetrics = prod(global("prod", "eu-west-1").set("latency-edge:additionalMetrics", "true"), "eu-west-1")
                .get("prod");
        var id = distributionId(withMetrics);
        var subscription = single(withMetrics, SUBSCRIPTION, "monitoring-additional-metrics");
        assertEquals(id, subscription.inputs().get("distributionId"));
        assertEquals("Enabled", Fixtures.at(subscription.inputs(), "monitoringSubscription",
                "realtimeMetricsSubscriptionConfig", "realtimeMetricsSubscriptionStatus"));
        assertTrue(subscription.provider().contains("::aws-us-east-1::"), subscription.provider());
        assertEquals(single(withMetrics, EdgeDashboard.TYPE, "monitoring").urn(), subscription.parent());
        var latency = widget(withMetrics, "CloudFront origin latency p90 (ms)");
        assertEquals("us-east-1", latency.get("region").getAsString());
        assertEquals(List.of(List.of("AWS/CloudFront", "OriginLatency", "DistributionId", id, "Region", "Global")),
                metrics(latency));
    }

    // PutDashboard: a name is at most 255 characters of A-Z a-z 0-9 - _; Pulumi stack names may also hold ".".
    @Test
    void aStackNameCloudWatchWouldRefuseAsADashboardNameIsRefusedBeforeAnythingIsRegistered() {
        var error = assertThrows(ConfigException.class, () -> global("prod.eu", "eu-west-1").load());
        assertEquals("latency-edge:role", error.problems().get(0).key());
        assertTrue(error.getMessage().contains("CloudWatch refuses prod.eu-latency-edge"), error.getMessage());
    }

    @Test
    void additionalMetricsIsTrueOrFalse() {
        var error = assertThrows(ConfigException.class, () -> global("prod", "eu-west-1")
                .set("latency-edge:additionalMetrics", "yes").load());
        assertEquals("latency-edge:additionalMetrics", error.problems().get(0).key());
    }

    @Test
    void addingARegionOnlyAddsItsWidgets() {
        var after = prod(global("prod", "eu-west-1", "us-east-1", "ap-southeast-1"),
                "eu-west-1", "us-east-1", "ap-southeast-1").get("prod");
        var before = widgets(edge);
        var now = widgets(after);
        var added = new ArrayList<JsonElement>();
        now.forEach(added::add);
        before.forEach(w -> assertTrue(added.remove(w), "changed or gone: " + w));
        assertEquals(4, added.size(), added.toString());
        added.forEach(w -> assertTrue(w.getAsJsonObject().getAsJsonObject("properties").get("title").getAsString()
                .startsWith("ap-southeast-1: "), w.toString()));
        // No widget is placed by coordinates, so no existing one moves either.
        now.forEach(w -> assertFalse(w.getAsJsonObject().has("x") || w.getAsJsonObject().has("y"), w.toString()));
    }
}
