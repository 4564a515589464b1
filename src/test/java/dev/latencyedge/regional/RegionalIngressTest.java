package dev.latencyedge.regional;

import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.latencyedge.Captured;
import dev.latencyedge.Fixtures;
import dev.latencyedge.plan.EvaluatedStack;
import dev.latencyedge.fakecloud.FakeCloud;
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

    private static final EvaluatedStack stack = Fixtures.evaluate(regional("prod", "eu-west-1"));

    private PlannedResource resource(String type, String name) {
        return single(stack, type, name);
    }

    @Test
    void everyResourceBelowTheComponentIsNamedAfterTheRegion() {
        var component = resource(RegionalIngress.TYPE, "eu-west-1");
        var below = stack.resources().stream().filter(r -> r.urn().contains("latency-edge:regional:RegionalIngress$"))
                .toList();
        assertEquals(26, below.size(), below.stream().map(PlannedResource::name).toList().toString());
        assertTrue(below.stream().allMatch(r -> r.name().startsWith("eu-west-1-")));
        // Lock-down, health check and target groups are components of their own under the Region's component.
        for (var type : List.of(AlbLockdown.TYPE, RegionalHealthCheck.TYPE, BoundTargetGroup.TYPE)) {
            assertTrue(stack.resources().stream().anyMatch(r -> r.type().equals(type)
                    && r.parent().equals(component.urn())), type);
        }
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
        assertEquals(6, rules.size());
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
    void clusterSecurityGroupAdmitsTheAlbOnBothTargetPortsByDefault() {
        var stack = Fixtures.evaluate(regional("prod", "eu-west-1").set("latency-edge:targetPort", "8443"));
        var albGroup = single(stack, SG_TYPE, "eu-west-1-alb-cloudfront");
        for (var port : List.of(8443, 8080)) {
            var rule = single(stack, INGRESS_RULE, "eu-west-1-cluster-from-alb-" + port).inputs();
            assertTrue(((String) rule.get("securityGroupId")).startsWith("sg-"));
            assertEquals((double) port, rule.get("fromPort"));
            assertEquals((double) port, rule.get("toPort"));
            assertEquals(albGroup.outputs().get("arn").toString().replaceAll(".*/", ""),
                    rule.get("referencedSecurityGroupId"));
            var egress = single(stack, EGRESS_RULE, "eu-west-1-alb-to-cluster-" + port).inputs();
            assertEquals(rule.get("securityGroupId"), egress.get("referencedSecurityGroupId"));
            assertEquals((double) port, egress.get("fromPort"));
        }
    }

    // Pods often do not carry the EKS cluster security group (terraform-aws-eks attaches it only on request;
    // node groups with their own launch templates; security groups for pods): the user names the groups.
    @Test
    void theSecurityGroupsTheTargetsCarryCanBeNamed() {
        var groups = List.of("sg-0123456789abcdef0", "sg-0fedcba9876543210");
        var stack = Fixtures.evaluate(regional("prod", "eu-west-1")
                .set("latency-edge:targetSecurityGroupIds", Fixtures.json(groups)));
        for (var group : groups) {
            for (var port : List.of(80, 8080)) {
                assertEquals(group, single(stack, INGRESS_RULE, "eu-west-1-" + group + "-from-alb-" + port)
                        .inputs().get("securityGroupId"));
                assertEquals(group, single(stack, EGRESS_RULE, "eu-west-1-alb-to-" + group + "-" + port)
                        .inputs().get("referencedSecurityGroupId"));
            }
        }
        assertTrue(stack.resources().stream().noneMatch(r -> r.name().contains("cluster-from-alb")));
    }

    // CloudFront forwards the viewer's Host and validates the origin certificate against it (CloudFront developer
    // guide, "Requiring HTTPS for communication between CloudFront and your custom origin"): the ALB certificate
    // covers the public names as well as the wildcard over the secret origin name.
    @Test
    void certificateCoversTheWildcardOverTheOriginParentAndThePublicNames() {
        var stack = Fixtures.evaluate(regional("prod", "eu-west-1")
                .set("latency-edge:extraDomains", "[\"example.com\"]"));
        var certificate = single(stack, "aws:acm/certificate:Certificate", "eu-west-1-origin-certificate").inputs();
        assertEquals("*.origin.example.com", certificate.get("domainName"));
        assertEquals(List.of("www.example.com", "example.com"), certificate.get("subjectAlternativeNames"));
        assertEquals(List.of("*.origin.example.com", "www.example.com", "example.com"),
                stack.exports().get("certificateNames"));
    }

    @Test
    void certificateValidationRecordsAreSharedAndRetained() {
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

        assertEquals(stack.exports().get("targetGroupArn"), at(headerRule, "actions", 0, "targetGroupArn"));
    }

    // ingress-nginx's catch-all server answers /healthz itself (rootfs/etc/nginx/template/nginx.tmpl), so a check
    // through the ingress controller only proves the controller is up. The health rule sends the checker's request
    // (Host = the ALB's own name, as Route 53 sends the probed FQDN) to the application's health Service instead.
    @Test
    void theHealthRuleSendsOnlyTheCheckersHostAndPathToTheApplicationsHealthService() {
        var healthRule = resource(RULE, "eu-west-1-health").inputs();
        assertEquals(20.0, healthRule.get("priority"));
        assertEquals(List.of(stack.exports().get("albDnsName")), at(healthRule, "conditions", 0, "hostHeader", "values"));
        assertEquals(List.of("/healthz"), at(healthRule, "conditions", 1, "pathPattern", "values"));
        assertEquals(List.of("GET", "HEAD"), at(healthRule, "conditions", 2, "httpRequestMethod", "values"));
        assertEquals(stack.exports().get("healthTargetGroupArn"), at(healthRule, "actions", 0, "targetGroupArn"));
        assertFalse(stack.exports().get("healthTargetGroupArn").equals(stack.exports().get("targetGroupArn")));
    }

    // The ALB keeps client connections 3600 s by default; 60 s (AWS's minimum) lets CloudFront leave a failed
    // Region's open connections quickly.
    @Test
    void albClosesClientConnectionsAfterSixtySeconds() {
        assertEquals(60.0, resource("aws:lb/loadBalancer:LoadBalancer", "eu-west-1-alb").inputs().get("clientKeepAlive"));
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

    // A public <region>.<originParent> record would publish every ALB under a guessable name: Route 53's HTTPS
    // checks probe the ALB's own DNS name instead (they do not validate certificates and send the FQDN as Host).
    @Test
    void healthCheckProbesTheAlbsOwnNameAndNoPublicRecordNamesTheAlb() {
        var endpoint = resource(HEALTH_CHECK, "eu-west-1-endpoint");
        assertEquals("HTTPS", endpoint.inputs().get("type"));
        assertEquals(stack.exports().get("albDnsName"), endpoint.inputs().get("fqdn"));
        assertEquals(true, endpoint.inputs().get("enableSni"));
        assertEquals(443.0, endpoint.inputs().get("port"));
        assertEquals("/healthz", endpoint.inputs().get("resourcePath"));
        assertEquals(30.0, endpoint.inputs().get("requestInterval"));
        assertEquals(3.0, endpoint.inputs().get("failureThreshold"));
        assertEquals(List.of("us-east-1", "eu-west-1", "ap-southeast-1"), endpoint.inputs().get("regions"));

        var records = stack.resources().stream().filter(r -> r.type().equals("aws:route53/record:Record")).toList();
        assertEquals(2, records.size());
        assertTrue(records.stream().allMatch(r -> r.inputs().get("type").equals("CNAME")
                && r.name().startsWith("eu-west-1-origin-validation-")), records.toString());

        var calculated = resource(HEALTH_CHECK, "eu-west-1-rotation");
        assertEquals("CALCULATED", calculated.inputs().get("type"));
        assertEquals(1.0, calculated.inputs().get("childHealthThreshold"));
        var endpointId = stack.exports().get("endpointHealthCheckId");
        assertEquals(List.of(endpointId), calculated.inputs().get("childHealthchecks"));
        assertTrue(((String) stack.exports().get("healthCheckId")).matches("[0-9a-f-]{36}"));
        assertFalse(stack.exports().get("healthCheckId").equals(endpointId));
    }

    // Route 53 refuses tag values outside letters, digits, space and _ . : / = + - @ ("eu-west-1 (in rotation)"
    // failed every regional up); the fake cloud refuses them too, so this stack evaluating proves they pass.
    @Test
    void healthCheckNameTagsHoldOnlyCharactersRoute53Accepts() {
        assertEquals(Map.of("Name", "eu-west-1 application health"),
                resource(HEALTH_CHECK, "eu-west-1-endpoint").inputs().get("tags"));
        assertEquals(Map.of("Name", "eu-west-1 in rotation"), resource(HEALTH_CHECK, "eu-west-1-rotation").inputs().get("tags"));
        var drained = Fixtures.evaluate(regional("prod", "eu-west-1").set("latency-edge:drain", "true"));
        assertEquals(Map.of("Name", "eu-west-1 drained"), single(drained, HEALTH_CHECK, "eu-west-1-rotation").inputs().get("tags"));
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

    // A TargetGroupBinding's serviceRef.port is the Service's port; the target group and the security-group
    // rules use the pod port (ip) or node port (instance) (AWS Load Balancer Controller, TargetGroupBinding spec).
    @Test
    void targetGroupsUseTargetPortsAndBindingsNameServicePorts() {
        var stack = Fixtures.evaluate(regional("prod", "eu-west-1").set("latency-edge:ingressServicePort", "443")
                .set("latency-edge:targetPort", "8443"));
        var ingress = single(stack, "aws:lb/targetGroup:TargetGroup", "eu-west-1-ingress").inputs();
        assertEquals("ip", ingress.get("targetType"));
        assertEquals(8443.0, ingress.get("port"));
        assertEquals("/healthz", at(ingress, "healthCheck", "path"));
        var app = single(stack, "aws:lb/targetGroup:TargetGroup", "eu-west-1-app").inputs();
        assertEquals(8080.0, app.get("port"));
        assertEquals("/healthz", at(app, "healthCheck", "path"));

        var documents = ((String) stack.exports().get("targetGroupBinding")).split("---\n");
        assertEquals(2, documents.length);
        assertEquals(String.join("\n", "apiVersion: elbv2.k8s.aws/v1beta1", "kind: TargetGroupBinding", "metadata:",
                "  name: latency-edge-eu-west-1-ingress", "  namespace: ingress-nginx", "spec:", "  serviceRef:",
                "    name: ingress-nginx-controller", "    port: 443",
                "  targetGroupARN: " + stack.exports().get("targetGroupArn"), "  targetType: ip", ""), documents[0]);
        assertTrue(documents[1].contains("  name: latency-edge-eu-west-1-app\n  namespace: shop\n"), documents[1]);
        assertTrue(documents[1].contains("    name: web-health\n    port: 80\n"), documents[1]);
        assertTrue(documents[1].contains("targetGroupARN: " + stack.exports().get("healthTargetGroupArn")));
    }

    // The controller refuses to change spec.targetGroupARN of a binding (its validating webhook), so a replaced
    // target group strands the Region; the engine refuses to replace a protected resource (pulumi/pulumi step
    // generator: "unable to replace resource ... marked for protection") unless the program unprotects it.
    @Test
    void targetGroupsAreProtectedUnlessTheStackAllowsTheirReplacement() {
        var captured = new Captured();
        StackEvaluator.evaluate(regional("prod", "eu-west-1").load(), Map.of(), captured.transformations());
        for (var name : List.of("eu-west-1-ingress", "eu-west-1-app")) {
            assertTrue(captured.custom(name).isProtect(), name);
        }
        var allowing = new Captured();
        StackEvaluator.evaluate(regional("prod", "eu-west-1").set("latency-edge:allowTargetGroupReplacement", "true")
                .load(), Map.of(), allowing.transformations());
        for (var name : List.of("eu-west-1-ingress", "eu-west-1-app")) {
            assertFalse(allowing.custom(name).isProtect(), name);
        }
    }

    @Test
    void exportsWhatTheEdgeNeedsAndNeverTheSecret() {
        assertTrue(stack.exports().keySet().containsAll(RegionalOutputs.REQUIRED_BY_EDGE));
        assertEquals("eu-west-1", stack.exports().get("region"));
        assertEquals("Z32O12XQLNTSW2", stack.exports().get("albZoneId"));
        assertTrue(((String) stack.exports().get("albDnsName")).endsWith(".eu-west-1.elb.amazonaws.com"));
        assertEquals(List.of(Secret.sha256(Fixtures.SECRET)), stack.exports().get("originSecretFingerprints"));
        assertFalse(stack.exports().toString().contains(Fixtures.SECRET));
        assertFalse(stack.exports().containsKey("regionalHost"));
    }
}
