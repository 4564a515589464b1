package dev.latencyedge.regional;

import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.latencyedge.Captured;
import dev.latencyedge.Fixtures;
import dev.latencyedge.plan.EvaluatedStack;
import dev.latencyedge.plan.FakeCloud;
import dev.latencyedge.plan.PlannedResource;
import dev.latencyedge.plan.StackEvaluator;
import dev.latencyedge.settings.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.latencyedge.Fixtures.at;
import static dev.latencyedge.Fixtures.regional;
import static dev.latencyedge.Fixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionalIngressTest {

    private static final String SG_TYPE = "aws:ec2/securityGroup:SecurityGroup";
    private static final String INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String RULE = "aws:lb/listenerRule:ListenerRule";
    private static final String HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";

    private final EvaluatedStack stack = Fixtures.evaluate(regional("prod", "eu-west-1"));

    private PlannedResource resource(String type, String name) {
        return single(stack, type, name);
    }

    @Test
    void everyChildIsNamedAfterTheRegionAndParentedToTheComponent() {
        var component = resource(RegionalIngress.TYPE, "eu-west-1");
        var children = stack.resources().stream().filter(r -> r.parent().equals(component.urn())).toList();
        assertEquals(16, children.size());
        assertTrue(children.stream().allMatch(r -> r.name().startsWith("eu-west-1-")));
    }

    @Test
    void albIsInternetFacingWithDeletionProtectionAndInvalidHeaderDropping() {
        var alb = resource("aws:lb/loadBalancer:LoadBalancer", "eu-west-1-alb").inputs();
        assertEquals(false, alb.get("internal"));
        assertEquals("application", alb.get("loadBalancerType"));
        assertEquals(true, alb.get("enableDeletionProtection"));
        assertEquals(true, alb.get("dropInvalidHeaderFields"));
        assertEquals(List.of(idOf(SG_TYPE, "eu-west-1-alb-cloudfront"), idOf(SG_TYPE, "eu-west-1-alb-healthchecks")),
                alb.get("securityGroups"));
        assertEquals(3, ((List<?>) alb.get("subnets")).size());
    }

    private String idOf(String type, String name) {
        var arn = (String) resource(type, name).outputs().get("arn");
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    @Test
    void publicSubnetsFromConfigAreUsedAsGiven() {
        var subnets = List.of("subnet-0123456789abcdef0", "subnet-0123456789abcdef1");
        var stack = Fixtures.evaluate(regional("prod", "eu-west-1")
                .set("latency-edge:publicSubnetIds", Fixtures.json(subnets)));
        assertEquals(subnets, single(stack, "aws:lb/loadBalancer:LoadBalancer", "eu-west-1-alb").inputs().get("subnets"));
    }

    @Test
    void onlyCloudfrontAndHealthCheckersReachPort443ThroughTwoGroups() {
        var fromCloudfront = resource(INGRESS_RULE, "eu-west-1-alb-cloudfront-https").inputs();
        assertEquals(idOf(SG_TYPE, "eu-west-1-alb-cloudfront"), fromCloudfront.get("securityGroupId"));
        assertEquals(FakeCloud.prefixListId("eu-west-1", "com.amazonaws.global.cloudfront.origin-facing"),
                fromCloudfront.get("prefixListId"));
        var fromCheckers = resource(INGRESS_RULE, "eu-west-1-alb-healthchecks-https").inputs();
        assertEquals(idOf(SG_TYPE, "eu-west-1-alb-healthchecks"), fromCheckers.get("securityGroupId"));
        assertEquals(FakeCloud.prefixListId("eu-west-1", "com.amazonaws.eu-west-1.route53-healthchecks"),
                fromCheckers.get("prefixListId"));
        for (var rule : List.of(fromCloudfront, fromCheckers)) {
            assertEquals("tcp", rule.get("ipProtocol"));
            assertEquals(443.0, rule.get("fromPort"));
            assertEquals(443.0, rule.get("toPort"));
        }
    }

    @Test
    void nothingIsOpenToTheWorld() {
        var rules = stack.resources().stream()
                .filter(r -> r.type().equals(INGRESS_RULE) || r.type().equals(EGRESS_RULE)).toList();
        assertEquals(4, rules.size());
        for (var rule : rules) {
            assertFalse(rule.inputs().containsKey("cidrIpv4"), rule.name());
            assertFalse(rule.inputs().containsKey("cidrIpv6"), rule.name());
        }
        stack.resources().stream().filter(r -> r.type().equals(SG_TYPE)).forEach(sg -> {
            assertFalse(sg.inputs().containsKey("ingress"), sg.name());
            assertFalse(sg.inputs().containsKey("egress"), sg.name());
        });
    }

    @Test
    void clusterSecurityGroupAdmitsTheAlbOnTheTargetPort() {
        var stack = Fixtures.evaluate(regional("prod", "eu-west-1").set("latency-edge:targetPort", "8443"));
        var rule = single(stack, INGRESS_RULE, "eu-west-1-cluster-from-alb").inputs();
        assertTrue(((String) rule.get("securityGroupId")).startsWith("sg-"));
        assertEquals(8443.0, rule.get("fromPort"));
        assertEquals(8443.0, rule.get("toPort"));
        var albGroup = single(stack, SG_TYPE, "eu-west-1-alb-cloudfront");
        assertEquals(albGroup.outputs().get("arn").toString().replaceAll(".*/", ""), rule.get("referencedSecurityGroupId"));
        var egress = single(stack, EGRESS_RULE, "eu-west-1-alb-to-cluster").inputs();
        assertEquals(rule.get("securityGroupId"), egress.get("referencedSecurityGroupId"));
        assertEquals(8443.0, egress.get("fromPort"));
    }

    @Test
    void certificateIsAWildcardOverTheOriginParentWithASharedRetainedValidationRecord() {
        var captured = new Captured();
        var stack = StackEvaluator.evaluate(regional("prod", "eu-west-1").load(), Map.of(), captured.transformations());
        var certificate = single(stack, "aws:acm/certificate:Certificate", "eu-west-1-origin-certificate").inputs();
        assertEquals("*.origin.example.com", certificate.get("domainName"));
        assertEquals("DNS", certificate.get("validationMethod"));
        var record = single(stack, "aws:route53/record:Record", "eu-west-1-origin-validation-origin.example.com");
        assertEquals(true, record.inputs().get("allowOverwrite"));
        assertEquals("CNAME", record.inputs().get("type"));
        assertTrue(((String) record.inputs().get("name")).endsWith(".origin.example.com."));
        var options = (CustomResourceOptions) captured.named("eu-west-1-origin-validation-origin.example.com").options();
        assertTrue(options.isRetainOnDelete(), "destroying one Region must not delete the shared record");
    }

    @Test
    void listenerAnswers403UnlessTheHeaderCarriesTheSecret() {
        var listener = resource("aws:lb/listener:Listener", "eu-west-1-https").inputs();
        assertEquals(443.0, listener.get("port"));
        assertEquals("HTTPS", listener.get("protocol"));
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", listener.get("sslPolicy"));
        assertEquals("fixed-response", at(listener, "defaultActions", 0, "type"));
        assertEquals("403", at(listener, "defaultActions", 0, "fixedResponse", "statusCode"));

        var headerRule = resource(RULE, "eu-west-1-from-cloudfront").inputs();
        assertEquals(10.0, headerRule.get("priority"));
        assertEquals("X-Origin-Verify", at(headerRule, "conditions", 0, "httpHeader", "httpHeaderName"));
        assertEquals(List.of(Fixtures.SECRET), at(headerRule, "conditions", 0, "httpHeader", "values"));
        assertEquals("forward", at(headerRule, "actions", 0, "type"));

        var healthRule = resource(RULE, "eu-west-1-health").inputs();
        assertEquals(20.0, healthRule.get("priority"));
        assertEquals(List.of("/healthz"), at(healthRule, "conditions", 0, "pathPattern", "values"));
        assertEquals(List.of("GET", "HEAD"), at(healthRule, "conditions", 1, "httpRequestMethod", "values"));
    }

    @Test
    void headerValuesAreSentAsSecrets() {
        var captured = new Captured();
        StackEvaluator.evaluate(regional("prod", "eu-west-1").load(), Map.of(), captured.transformations());
        var args = (ListenerRuleArgs) captured.named("eu-west-1-from-cloudfront").args();
        var header = Captured.value(Captured.value(args.conditions()).get(0).httpHeader().orElseThrow());
        assertTrue(Captured.isSecret(header.values()));
        assertEquals(List.of(Fixtures.SECRET), Captured.value(header.values()));
    }

    @Test
    void aSecondSecretIsAcceptedDuringRotation() {
        var stack = Fixtures.evaluate(regional("prod", "eu-west-1")
                .secret("latency-edge:originVerifySecretPrevious", Fixtures.NEXT_SECRET));
        var rule = single(stack, RULE, "eu-west-1-from-cloudfront").inputs();
        assertEquals(List.of(Fixtures.SECRET, Fixtures.NEXT_SECRET), at(rule, "conditions", 0, "httpHeader", "values"));
        assertEquals(List.of(Secret.sha256(Fixtures.SECRET), Secret.sha256(Fixtures.NEXT_SECRET)),
                stack.exports().get("originSecretFingerprints"));
    }

    @Test
    void healthCheckProbesTheRegionsOwnNameAndTheCalculatedCheckIsExported() {
        var endpoint = resource(HEALTH_CHECK, "eu-west-1-endpoint");
        assertEquals("HTTPS", endpoint.inputs().get("type"));
        assertEquals("eu-west-1.origin.example.com", endpoint.inputs().get("fqdn"));
        assertEquals(443.0, endpoint.inputs().get("port"));
        assertEquals("/healthz", endpoint.inputs().get("resourcePath"));
        assertEquals(30.0, endpoint.inputs().get("requestInterval"));
        assertEquals(3.0, endpoint.inputs().get("failureThreshold"));
        assertEquals(List.of("us-east-1", "eu-west-1", "ap-southeast-1"), endpoint.inputs().get("regions"));

        var name = resource("aws:route53/record:Record", "eu-west-1-name").inputs();
        assertEquals("eu-west-1.origin.example.com", name.get("name"));
        assertEquals(stack.exports().get("albDnsName"), at(name, "aliases", 0, "name"));

        var calculated = resource(HEALTH_CHECK, "eu-west-1-rotation");
        assertEquals("CALCULATED", calculated.inputs().get("type"));
        assertEquals(1.0, calculated.inputs().get("childHealthThreshold"));
        var endpointId = stack.exports().get("endpointHealthCheckId");
        assertEquals(List.of(endpointId), calculated.inputs().get("childHealthchecks"));
        assertTrue(((String) stack.exports().get("healthCheckId")).matches("[0-9a-f-]{36}"));
        assertFalse(stack.exports().get("healthCheckId").equals(endpointId));
    }

    @Test
    void drainRaisesTheThresholdAboveTheSingleChild() {
        var stack = Fixtures.evaluate(regional("prod", "eu-west-1").set("latency-edge:drain", "true"));
        assertEquals(2.0, single(stack, HEALTH_CHECK, "eu-west-1-rotation").inputs().get("childHealthThreshold"));
        assertEquals(true, stack.exports().get("drained"));
    }

    @Test
    void alarmWatchesTheEndpointCheckInUsEast1() {
        var alarm = resource("aws:cloudwatch/metricAlarm:MetricAlarm", "eu-west-1-health-alarm");
        assertTrue(alarm.provider().contains("::aws-us-east-1::"), alarm.provider());
        assertEquals("us-east-1", alarm.region());
        assertEquals("AWS/Route53", alarm.inputs().get("namespace"));
        assertEquals("HealthCheckStatus", alarm.inputs().get("metricName"));
        assertEquals(Map.of("HealthCheckId", stack.exports().get("endpointHealthCheckId")), alarm.inputs().get("dimensions"));
        assertEquals("LessThanThreshold", alarm.inputs().get("comparisonOperator"));
        assertTrue(alarm.outputs().get("arn").toString().startsWith("arn:aws:cloudwatch:us-east-1:"));
    }

    @Test
    void targetGroupAndBindingManifest() {
        var targetGroup = resource("aws:lb/targetGroup:TargetGroup", "eu-west-1-ingress").inputs();
        assertEquals("ip", targetGroup.get("targetType"));
        assertEquals(80.0, targetGroup.get("port"));
        assertEquals("/healthz", at(targetGroup, "healthCheck", "path"));
        var manifest = (String) stack.exports().get("targetGroupBinding");
        assertTrue(manifest.contains("kind: TargetGroupBinding"));
        assertTrue(manifest.contains("apiVersion: elbv2.k8s.aws/v1beta1"));
        assertTrue(manifest.contains("targetGroupARN: " + stack.exports().get("targetGroupArn")));
        assertTrue(manifest.contains("  namespace: ingress-nginx\n"));
    }

    @Test
    void exportsWhatTheEdgeNeedsAndNeverTheSecret() {
        assertTrue(stack.exports().keySet().containsAll(RegionalOutputs.REQUIRED_BY_EDGE));
        assertEquals("eu-west-1", stack.exports().get("region"));
        assertEquals("Z32O12XQLNTSW2", stack.exports().get("albZoneId"));
        assertTrue(((String) stack.exports().get("albDnsName")).endsWith(".eu-west-1.elb.amazonaws.com"));
        assertEquals(List.of(Secret.sha256(Fixtures.SECRET)), stack.exports().get("originSecretFingerprints"));
        assertFalse(stack.exports().toString().contains(Fixtures.SECRET));
    }
}
