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

    private static final String DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

    /** The body the program writes, for two Regions: CloudWatch takes it, so the fake cloud must. */
    private static String realBody() {
        return dev.latencyedge.monitoring.DashboardBody.render("prod", "E2QWRUHAPOMQZL", List.of(
                new dev.latencyedge.monitoring.EdgeDashboardArgs.RegionPanel("eu-west-1", "a", "b", "app/x/1"),
                new dev.latencyedge.monitoring.EdgeDashboardArgs.RegionPanel("us-east-1", "c", "d", "app/y/2")), true);
    }

    private String dashboardRefusal(String name, String body) {
        return refusal(DASHBOARD, Map.of("dashboardName", name, "dashboardBody", body));
    }

    private static String withWidget(String widget) {
        return "{\"widgets\":[" + widget + "]}";
    }

    private static String metricWidget(String metrics) {
        return withWidget("{\"type\":\"metric\",\"properties\":{\"region\":\"us-east-1\",\"metrics\":" + metrics + "}}");
    }

    @Test
    void theProgramsDashboardIsAccepted() {
        accepted(DASHBOARD, Map.of("dashboardName", "prod-latency-edge", "dashboardBody", realBody()));
        accepted(DASHBOARD, Map.of("dashboardName", "empty", "dashboardBody", "{\"widgets\":[]}"));
    }

    // PutDashboard, DashboardName: "The maximum length is 255, and valid characters are A-Z, a-z, 0-9, "-", and "_"."
    @Test
    void dashboardNamesOfOtherCharactersOrOver255AreRefused() {
        assertTrue(dashboardRefusal("prod.eu-latency-edge", realBody())
                .contains("the dashboard name \"prod.eu-latency-edge\" must be 1 to 255 characters of A-Z a-z 0-9 - _"));
        assertTrue(dashboardRefusal("d".repeat(256), realBody()).contains("must be 1 to 255 characters"));
        accepted(DASHBOARD, Map.of("dashboardName", "d".repeat(255), "dashboardBody", realBody()));
    }

    // Dashboard Body Structure and Syntax, Overall Structure: a JSON string that must include a widgets array of
    // 0 to 500 widgets.
    @Test
    void aBodyWithoutAWidgetsArrayOrWithOver500WidgetsIsRefused() {
        assertTrue(dashboardRefusal("d", "{\"widgets\":").contains("the dashboard body is not JSON"));
        assertTrue(dashboardRefusal("d", "{\"start\":\"-PT3H\"}").contains("/: the body must be an object with a"
                + " widgets array"));
        var text = "{\"type\":\"text\",\"properties\":{\"markdown\":\"x\"}}";
        var many = "{\"widgets\":[" + String.join(",", java.util.Collections.nCopies(501, text)) + "]}";
        assertTrue(dashboardRefusal("d", many).contains("/widgets: 501 widgets, at most 500"));
    }

    // Widgets Array Structure: type required (metric, text, log, alarm, explorer); x 0-23 and y 0 or more, each
    // required with the other; width 1-24; height 1-1000; properties required.
    @Test
    void widgetsOutsideTheGridOrWithoutTypeOrPropertiesAreRefused() {
        assertTrue(dashboardRefusal("d", withWidget("{\"type\":\"graph\",\"properties\":{}}"))
                .contains("/widgets/0/type: must be one of [alarm, explorer, log, metric, text], got \"graph\""));
        assertTrue(dashboardRefusal("d", withWidget("{\"type\":\"text\",\"x\":0,\"properties\":{\"markdown\":\"m\"}}"))
                .contains("/widgets/0: x and y are given together or not at all"));
        var message = dashboardRefusal("d", withWidget("{\"type\":\"text\",\"x\":24,\"y\":-1,\"width\":25,"
                + "\"height\":1001,\"properties\":{\"markdown\":\"m\"}}"));
        assertTrue(message.contains("/widgets/0/x: must be an integer from 0 to 23, got 24"), message);
        assertTrue(message.contains("/widgets/0/y: must be an integer from 0 up, got -1"), message);
        assertTrue(message.contains("/widgets/0/width: must be an integer from 1 to 24, got 25"), message);
        assertTrue(message.contains("/widgets/0/height: must be an integer from 1 to 1000, got 1001"), message);
        assertTrue(dashboardRefusal("d", withWidget("{\"type\":\"metric\"}"))
                .contains("/widgets/0/properties: is required and must be an object"));
        // Properties of a Text Widget Object: markdown is required.
        assertTrue(dashboardRefusal("d", withWidget("{\"type\":\"text\",\"properties\":{}}"))
                .contains("/widgets/0/properties/markdown: is required for a text widget"));
    }

    // Properties of a Metric Widget Object: region required; metrics required unless annotations are; period a
    // multiple of 60 (at most a day: service quotas, Period).
    @Test
    void metricWidgetsWithoutRegionOrMetricsOrWithABadPeriodAreRefused() {
        assertTrue(dashboardRefusal("d", withWidget("{\"type\":\"metric\",\"properties\":{\"metrics\":[]}}"))
                .contains("/widgets/0/properties/region: is required for a metric widget"));
        assertTrue(dashboardRefusal("d", withWidget("{\"type\":\"metric\",\"properties\":{\"region\":\"us-east-1\"}}"))
                .contains("/widgets/0/properties/metrics: is required unless annotations are given"));
        accepted(DASHBOARD, Map.of("dashboardName", "d", "dashboardBody", withWidget("{\"type\":\"metric\","
                + "\"properties\":{\"region\":\"us-east-1\",\"annotations\":{\"alarms\":[\"arn\"]}}}")));
        assertTrue(dashboardRefusal("d", withWidget("{\"type\":\"metric\",\"properties\":{\"region\":\"us-east-1\","
                + "\"period\":90,\"metrics\":[[\"AWS/EC2\",\"CPUUtilization\"]]}}"))
                .contains("/widgets/0/properties/period: must be a multiple of 60 from 60 to 86400, got 90"));
        assertTrue(dashboardRefusal("d", metricWidget("[[\"AWS/EC2\",\"CPUUtilization\",{\"period\":86460}]]"))
                .contains("/widgets/0/properties/metrics/0/2/period: must be a multiple of 60 from 60 to 86400"));
    }

    // Metric Widget: Format for Each Metric in the Array: [Namespace, MetricName, (DimensionName, DimensionValue)...,
    // {rendering properties}] or [{expression}]; "." repeats the previous metric's; at most 10 dimensions (service
    // quotas, Dimensions).
    @Test
    void metricsNotInTheDocumentedArrayFormatAreRefused() {
        assertTrue(dashboardRefusal("d", metricWidget("[[\"AWS/ApplicationELB\",\"RequestCount\",\"LoadBalancer\"]]"))
                .contains("/widgets/0/properties/metrics/0: dimension LoadBalancer has no value"));
        assertTrue(dashboardRefusal("d", metricWidget("[[\".\",\"RequestCount\"]]"))
                .contains("\".\" repeats the previous metric's value, and the first metric has none"));
        accepted(DASHBOARD, Map.of("dashboardName", "d", "dashboardBody",
                metricWidget("[[\"AWS/EC2\",\"CPUUtilization\"],[\".\",\"NetworkIn\"],[{\"expression\":\"SUM(METRICS())\"}]]")));
        assertTrue(dashboardRefusal("d", metricWidget("[[\"AWS/EC2\",7]]"))
                .contains("/widgets/0/properties/metrics/0/1: namespace, metric name and dimensions are strings, got 7"));
        assertTrue(dashboardRefusal("d", metricWidget("[[{\"label\":\"x\"}]]"))
                .contains("/widgets/0/properties/metrics/0/0: an entry of one object is an expression and needs one"));
        var eleven = new StringBuilder("[\"NS\",\"M\"");
        for (int i = 0; i < 11; i++) {
            eleven.append(",\"d").append(i).append("\",\"v\"");
        }
        assertTrue(dashboardRefusal("d", metricWidget("[" + eleven + "]]"))
                .contains("/widgets/0/properties/metrics/0: 11 dimensions, a metric has at most 10"));
    }

    // Service quotas, Dashboards: "Up to 500 metrics per dashboard widget. Up to 2500 metrics per dashboard, across
    // all widgets."
    @Test
    void over500MetricsInAWidgetOrOver2500OnADashboardAreRefused() {
        var metric = "[\"AWS/EC2\",\"CPUUtilization\"]";
        var metrics501 = "[" + String.join(",", java.util.Collections.nCopies(501, metric)) + "]";
        assertTrue(dashboardRefusal("d", metricWidget(metrics501))
                .contains("/widgets/0/properties/metrics: 501 metrics, at most 500 per widget"));
        var metrics500 = "[" + String.join(",", java.util.Collections.nCopies(500, metric)) + "]";
        var widget = "{\"type\":\"metric\",\"properties\":{\"region\":\"us-east-1\",\"metrics\":" + metrics500 + "}}";
        accepted(DASHBOARD, Map.of("dashboardName", "d", "dashboardBody", "{\"widgets\":["
                + String.join(",", java.util.Collections.nCopies(5, widget)) + "]}"));
        assertTrue(dashboardRefusal("d", "{\"widgets\":[" + String.join(",", java.util.Collections.nCopies(6, widget))
                + "]}").contains("/widgets: 3000 metrics on the dashboard, at most 2500"));
    }
}
