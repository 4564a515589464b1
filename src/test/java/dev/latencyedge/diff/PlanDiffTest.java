package dev.latencyedge.diff;

import com.google.gson.JsonParser;
import dev.latencyedge.Cli;
import dev.latencyedge.plan.PlanManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanDiffTest {

    private static final String STACK_URN = "urn:pulumi:dev::latency-edge::";
    private static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
    private static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    private static final String CERTIFICATE = "aws:acm/certificate:Certificate";

    @TempDir
    Path dir;

    /** A resource's new state as plan files hold it; {@code extra} adds state fields (protect, retainOnDelete). */
    private static Map<String, Object> state(String type, String name, Map<String, Object> inputs,
                                             Map<String, Object> extra) {
        var state = new LinkedHashMap<String, Object>(Map.of("urn", STACK_URN + type + "::" + name, "type", type,
                "custom", true, "parent", "", "provider", STACK_URN + "pulumi:providers:aws::aws-eu-west-1::0a1b",
                "inputs", inputs, "outputs", inputs));
        state.putAll(extra);
        return state;
    }

    private static Map<String, Object> state(String type, String name, Map<String, Object> inputs) {
        return state(type, name, inputs, Map.of());
    }

    /** A plan file of these resources (no manifest: a folder as older programs wrote it). */
    @SafeVarargs
    private static void plan(Path dir, String stack, Map<String, Object>... states) throws IOException {
        Files.createDirectories(dir);
        var steps = Stream.of(states).map(s -> Map.of("op", "create", "urn", s.get("urn"), "newState", s)).toList();
        Files.writeString(dir.resolve(stack + ".json"), new com.google.gson.Gson().toJson(Map.of("steps", steps)));
    }

    private static void plan(Path dir, String stack, String type, String name, Map<String, Object> inputs)
            throws IOException {
        plan(dir, stack, state(type, name, inputs));
    }

    /** The manifest plan writes, listing these stacks. */
    private static void manifest(Path dir, String... stacks) throws IOException {
        Files.writeString(dir.resolve(PlanManifest.FILE), new PlanManifest("1.0.0", "abc", List.of("dev"),
                List.of(stacks), new TreeMap<>(Map.of("Pulumi.dev.yaml", "sha256:00")),
                Stream.of(stacks).map(PlanManifest::planFile).toList()).render());
    }

    private PlanDiff.Change onlyChange(String stack) {
        var changes = PlanDiff.compare(dir.resolve("base"), dir.resolve("head")).stacks().get(stack).changes();
        assertEquals(1, changes.size(), changes.toString());
        return changes.get(0);
    }

    private List<PlanDiff.Change> changes() {
        return PlanDiff.compare(dir.resolve("base"), dir.resolve("head")).stacks().get("dev").changes();
    }

    /** Plans one resource before and after, and returns its change (or none). */
    private List<PlanDiff.Change> change(String type, Map<String, Object> before, Map<String, Object> after)
            throws IOException {
        plan(dir.resolve("base"), "dev", type, "thing", before);
        plan(dir.resolve("head"), "dev", type, "thing", after);
        return changes();
    }

    private void assertReplaces(String type, String property, Object before, Object after) throws IOException {
        var change = change(type, Map.of(property, before, "description2", "same"),
                Map.of(property, after, "description2", "same")).get(0);
        assertEquals(PlanDiff.Op.REPLACE, change.op());
        assertEquals(List.of(property), change.replaceBecause(), "paths, as pulumi preview's replaceReasons");
        assertEquals(property + " cannot change in place", change.why());
        assertEquals(property, change.properties().get(0).path());
    }

    static Stream<Arguments> forceNewProperties() {
        return ReplacementRules.FORCE_NEW.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(p -> Arguments.of(e.getKey(), p)));
    }

    // One case per ForceNew attribute of terraform-provider-aws's schemas (see ReplacementRules).
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forceNewProperties")
    void aChangeAwsCannotMakeInPlaceIsAReplacementNamingTheProperty(String type, String property) throws IOException {
        assertReplaces(type, property, "before", "after");
    }

    // The entries the issue found missing, each from its schema in terraform-provider-aws (internal/service/...).

    /** acm/certificate.go: validation_method ForceNew. */
    @Test
    void aCertificatesValidationMethodReplacesIt() throws IOException {
        assertReplaces(CERTIFICATE, "validationMethod", "DNS", "EMAIL");
    }

    /** acm/certificate.go: key_algorithm ForceNew. */
    @Test
    void aCertificatesKeyAlgorithmReplacesIt() throws IOException {
        assertReplaces(CERTIFICATE, "keyAlgorithm", "RSA_2048", "EC_prime256v1");
    }

    /** acm/certificate.go: certificate_authority_arn ForceNew. */
    @Test
    void aCertificatesAuthorityReplacesIt() throws IOException {
        assertReplaces(CERTIFICATE, "certificateAuthorityArn", "arn:aws:acm-pca:us-east-1:1:ca/a",
                "arn:aws:acm-pca:us-east-1:1:ca/b");
    }

    /** acm/certificate.go: validation_option (a set) ForceNew. */
    @Test
    void aCertificatesValidationOptionsReplaceIt() throws IOException {
        assertReplaces(CERTIFICATE, "validationOptions",
                List.of(Map.of("domainName", "a.example.com", "validationDomain", "example.com")),
                List.of(Map.of("domainName", "a.example.com", "validationDomain", "a.example.com")));
    }

    /** elbv2/load_balancer.go: customer_owned_ipv4_pool ForceNew. */
    @Test
    void aLoadBalancersCustomerOwnedPoolReplacesIt() throws IOException {
        assertReplaces(LOAD_BALANCER, "customerOwnedIpv4Pool", "ipv4pool-coip-1", "ipv4pool-coip-2");
    }

    /** cloudfront/distribution.go: staging ForceNew. */
    @Test
    void aDistributionsStagingFlagReplacesIt() throws IOException {
        assertReplaces("aws:cloudfront/distribution:Distribution", "staging", false, true);
    }

    /**
     * elbv2/load_balancer.go, customizeDiffLoadBalancerALB: an ALB's subnet mappings grow or shrink in place, but
     * a change to an existing mapping forces a new load balancer.
     */
    @Test
    void aChangedSubnetMappingReplacesAnAlbWhileAddingOrRemovingOneUpdatesIt() throws IOException {
        var a = Map.<String, Object>of("subnetId", "subnet-a");
        var b = Map.<String, Object>of("subnetId", "subnet-b");
        var bWithAddress = Map.<String, Object>of("subnetId", "subnet-b", "privateIpv4Address", "10.0.0.9");
        var change = change(LOAD_BALANCER, Map.of("subnetMappings", List.of(a, b)),
                Map.of("subnetMappings", List.of(a, bWithAddress))).get(0);
        assertEquals(PlanDiff.Op.REPLACE, change.op());
        assertEquals(List.of("subnetMappings"), change.replaceBecause());

        var c = Map.<String, Object>of("subnetId", "subnet-c");
        assertEquals(PlanDiff.Op.UPDATE, change(LOAD_BALANCER, Map.of("subnetMappings", List.of(a, b)),
                Map.of("subnetMappings", List.of(a, b, c))).get(0).op(), "one added");
        assertEquals(PlanDiff.Op.UPDATE, change(LOAD_BALANCER, Map.of("subnetMappings", List.of(a, b)),
                Map.of("subnetMappings", List.of(b))).get(0).op(), "one removed");
    }

    /**
     * ec2/vpc_security_group_ingress_rule.go, ModifyPlan: "When you modify a rule, you cannot change the rule's
     * source type": a source of another kind replaces the rule (both attributes are its RequiresReplace paths), a
     * new value of the same kind is modified in place. The egress rule shares the schema.
     */
    @ParameterizedTest
    @ValueSource(strings = {"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"})
    void aRuleWhoseSourceChangesKindIsReplacedAndOneOfTheSameKindUpdated(String type) throws IOException {
        var change = change(type, Map.of("cidrIpv4", "10.0.0.0/8", "fromPort", 443),
                Map.of("prefixListId", "pl-123", "fromPort", 443)).get(0);
        assertEquals(PlanDiff.Op.REPLACE, change.op());
        assertEquals(List.of("cidrIpv4", "prefixListId"), change.replaceBecause());
        assertEquals("the rule's source changes kind, from cidrIpv4 to prefixListId", change.why());

        var sameKind = change(type, Map.of("cidrIpv4", "10.0.0.0/8"), Map.of("cidrIpv4", "172.16.0.0/12")).get(0);
        assertEquals(PlanDiff.Op.UPDATE, sameKind.op());
        assertEquals(List.of(), sameKind.replaceBecause());
    }

    // Compared as AWS compares.

    /** route53/record.go: name's StateFunc trims a trailing dot and lowercases. */
    @Test
    void aRecordNameInAnotherCaseOrWithATrailingDotIsNoChange() throws IOException {
        assertEquals(List.of(), change("aws:route53/record:Record", Map.of("name", "www.example.com"),
                Map.of("name", "WWW.Example.com.")));
        assertEquals(PlanDiff.Op.REPLACE, change("aws:route53/record:Record", Map.of("name", "www.example.com"),
                Map.of("name", "api.example.com.")).get(0).op());
    }

    /** route53/record.go: an alias's name is compared case-insensitively. */
    @Test
    void anAliasNameInAnotherCaseIsNoChange() throws IOException {
        assertEquals(List.of(), change("aws:route53/record:Record",
                Map.of("aliases", List.of(Map.of("name", "d111.cloudfront.net", "zoneId", "Z2FDTNDATAQYW2"))),
                Map.of("aliases", List.of(Map.of("name", "D111.CloudFront.net", "zoneId", "Z2FDTNDATAQYW2")))));
    }

    /** route53/health_check.go: type's StateFunc uppercases. */
    @Test
    void aHealthCheckTypeInAnotherCaseIsNoChange() throws IOException {
        assertEquals(List.of(), change("aws:route53/healthCheck:HealthCheck", Map.of("type", "HTTPS"),
                Map.of("type", "https")));
    }

    static Stream<Arguments> sets() {
        return Stream.of(
                // acm/certificate.go: subject_alternative_names TypeSet
                Arguments.of(CERTIFICATE, "subjectAlternativeNames"),
                // acm/certificate_validation.go: validation_record_fqdns TypeSet
                Arguments.of("aws:acm/certificateValidation:CertificateValidation", "validationRecordFqdns"),
                // route53/health_check.go: regions TypeSet
                Arguments.of("aws:route53/healthCheck:HealthCheck", "regions"),
                // route53/record.go: records TypeSet
                Arguments.of("aws:route53/record:Record", "records"),
                // elbv2/load_balancer.go: security_groups, subnets TypeSet
                Arguments.of(LOAD_BALANCER, "securityGroups"),
                Arguments.of(LOAD_BALANCER, "subnets"),
                // cloudwatch/metric_alarm.go: alarm_actions TypeSet
                Arguments.of("aws:cloudwatch/metricAlarm:MetricAlarm", "alarmActions"),
                // cloudfront/distribution.go: aliases TypeSet
                Arguments.of("aws:cloudfront/distribution:Distribution", "aliases"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sets")
    void aSetInAnotherOrderIsNoChangeButAnotherMemberIs(String type, String property) throws IOException {
        assertEquals(List.of(), change(type, Map.of(property, List.of("a", "b", "c")),
                Map.of(property, List.of("c", "a", "b"))));
        assertEquals(1, change(type, Map.of(property, List.of("a", "b")), Map.of(property, List.of("b", "d"))).size());
    }

    /** elbv2/listener_rule.go: conditions and each condition's values are sets. */
    @Test
    void listenerRuleConditionsAndTheirValuesInAnotherOrderAreNoChange() throws IOException {
        var host = Map.<String, Object>of("hostHeader", Map.of("values", List.of("a.example.com", "b.example.com")));
        var path = Map.<String, Object>of("pathPattern", Map.of("values", List.of("/healthz")));
        var hostReordered = Map.<String, Object>of("hostHeader",
                Map.of("values", List.of("b.example.com", "a.example.com")));
        assertEquals(List.of(), change("aws:lb/listenerRule:ListenerRule", Map.of("conditions", List.of(host, path)),
                Map.of("conditions", List.of(path, hostReordered))));
    }

    @Test
    void anInPlaceChangeIsAnUpdateWithItsNestedPaths() throws IOException {
        var change = change("aws:route53/healthCheck:HealthCheck", Map.of("failureThreshold", 3, "tags", Map.of("Name", "a")),
                Map.of("failureThreshold", 2, "tags", Map.of("Name", "b"))).get(0);
        assertEquals(PlanDiff.Op.UPDATE, change.op());
        assertEquals(List.of("failureThreshold", "tags.Name"),
                change.properties().stream().map(PlanDiff.PropertyChange::path).toList());
    }

    @Test
    void aProviderInAnotherRegionReplaces() throws IOException {
        var type = "aws:cloudwatch/metricAlarm:MetricAlarm";
        plan(dir.resolve("base"), "dev", type, "alarm", Map.of("threshold", 1));
        plan(dir.resolve("head"), "dev", type, "alarm", Map.of("threshold", 1));
        var head = dir.resolve("head").resolve("dev.json");
        Files.writeString(head, Files.readString(head).replace("aws-eu-west-1", "aws-us-east-1"));
        var change = onlyChange("dev");
        assertEquals(PlanDiff.Op.REPLACE, change.op());
        assertEquals(List.of("provider"), change.replaceBecause());
        assertEquals("its provider (Region) changes", change.why());
    }

    // Protection: what pulumi or AWS will refuse, before it bites.

    /**
     * pulumi/pulumi pkg/resource/deploy/step_generator.go: a replacement is refused when the resource is protected
     * before and after the update, so unprotecting it in the same update lets it through.
     */
    @Test
    void replacingAProtectedTargetGroupIsBlockedNamingTheSettingThatAllowsIt() throws IOException {
        plan(dir.resolve("base"), "dev", state(TARGET_GROUP, "tg", Map.of("port", 80), Map.of("protect", true)));
        plan(dir.resolve("head"), "dev", state(TARGET_GROUP, "tg", Map.of("port", 8080), Map.of("protect", true)));
        var change = onlyChange("dev");
        assertEquals(PlanDiff.Op.REPLACE, change.op());
        assertEquals("latency-edge:allowTargetGroupReplacement", change.blocked().orElseThrow().allowedBy());
        assertEquals("port cannot change in place; blocked: pulumi up refuses to replace a protected resource; set"
                + " latency-edge:allowTargetGroupReplacement: true for this update", change.why());
        assertEquals(DiffCommand.GATE_HIT, run(new ByteArrayOutputStream(), "--fail-on", "replace"));

        plan(dir.resolve("head"), "dev", state(TARGET_GROUP, "tg", Map.of("port", 8080)));
        assertTrue(onlyChange("dev").blocked().isEmpty(), "unprotected in this update: the engine replaces it");
    }

    /** pulumi/pulumi pkg/resource/deploy/step.go: a delete of a resource whose last state is protected is refused. */
    @Test
    void deletingAProtectedResourceIsBlockedAndCountsForTheDeleteGate() throws IOException {
        plan(dir.resolve("base"), "dev", state(TARGET_GROUP, "tg", Map.of("port", 80), Map.of("protect", true)),
                state("aws:route53/record:Record", "r", Map.of("name", "x")));
        plan(dir.resolve("head"), "dev", state("aws:route53/record:Record", "r", Map.of("name", "x")));
        var change = onlyChange("dev");
        assertEquals(PlanDiff.Op.DELETE, change.op());
        assertEquals("deleted by this change; blocked: pulumi refuses to delete a protected resource; first set"
                + " latency-edge:allowTargetGroupReplacement: true and pulumi up", change.why());
        var err = new ByteArrayOutputStream();
        assertEquals(DiffCommand.GATE_HIT, Cli.run(Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), "diff", dir.resolve("base").toString(),
                dir.resolve("head").toString(), "--fail-on", "delete"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("1 of them blocked by protection"), err.toString());
    }

    /** pulumi/pulumi pkg/resource/deploy/step.go: retainOnDelete removes the resource from the stack only. */
    @Test
    void deletingARetainedResourceSaysItStaysInAws() throws IOException {
        var record = "aws:route53/record:Record";
        plan(dir.resolve("base"), "dev", state(record, "validation", Map.of("name", "_x.example.com"),
                Map.of("retainOnDelete", true)), state(record, "r", Map.of("name", "x")));
        plan(dir.resolve("head"), "dev", state(record, "r", Map.of("name", "x")));
        var change = onlyChange("dev");
        assertTrue(change.retained());
        assertTrue(change.blocked().isEmpty());
        assertEquals("deleted by this change; it leaves the stack but stays in AWS (retainOnDelete)", change.why());
    }

    /** AWS refuses DeleteLoadBalancer while deletion protection is on, so a replacement is blocked as well. */
    @Test
    void replacingALoadBalancerWithDeletionProtectionIsBlocked() throws IOException {
        var change = change(LOAD_BALANCER, Map.of("internal", false, "enableDeletionProtection", true),
                Map.of("internal", true, "enableDeletionProtection", true)).get(0);
        assertEquals("latency-edge:deletionProtection", change.blocked().orElseThrow().allowedBy());
    }

    // Whole stacks and manifests.

    private int run(ByteArrayOutputStream out, String... options) {
        var args = Stream.concat(Stream.of(dir.resolve("base").toString(), dir.resolve("head").toString()),
                Stream.of(options)).toArray(String[]::new);
        return Cli.run(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Cli.with("diff", args));
    }

    @Test
    void jsonHasTheFixedShapeWithUnchangedStacksAndGatesFailTheRun() throws IOException {
        plan(dir.resolve("base"), "dev", TARGET_GROUP, "tg", Map.of("port", 80));
        plan(dir.resolve("head"), "dev", TARGET_GROUP, "tg", Map.of("port", 8080));
        plan(dir.resolve("base"), "prod", TARGET_GROUP, "tg", Map.of("port", 80));
        plan(dir.resolve("head"), "prod", TARGET_GROUP, "tg", Map.of("port", 80));
        var out = new ByteArrayOutputStream();
        assertEquals(0, run(out, "--format", "json"));
        var json = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        var dev = json.getAsJsonObject("stacks").getAsJsonObject("dev");
        assertEquals("update", dev.get("op").getAsString());
        var change = dev.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertEquals(STACK_URN + TARGET_GROUP + "::tg", change.get("urn").getAsString());
        assertEquals(TARGET_GROUP, change.get("type").getAsString());
        assertEquals("replace", change.get("op").getAsString());
        assertEquals("[{\"path\":\"port\",\"before\":80,\"after\":8080}]", change.get("properties").toString());
        assertEquals("[\"port\"]", change.get("replaceBecause").toString());
        assertEquals("port cannot change in place", change.get("why").getAsString());
        assertFalse(change.get("blocked").getAsBoolean());
        assertTrue(change.get("allowedBy").isJsonNull());
        assertEquals("[]", json.getAsJsonObject("stacks").getAsJsonObject("prod").get("changes").toString());
        assertEquals("same", json.getAsJsonObject("stacks").getAsJsonObject("prod").get("op").getAsString());
        assertEquals(2, json.getAsJsonArray("warnings").size(), "neither folder has a manifest");

        assertEquals(DiffCommand.GATE_HIT, run(new ByteArrayOutputStream(), "--fail-on", "replace"));
        assertEquals(0, run(new ByteArrayOutputStream(), "--fail-on", "delete"));
        Files.delete(dir.resolve("head").resolve("prod.json"));
        assertEquals(DiffCommand.GATE_HIT, run(new ByteArrayOutputStream(), "--fail-on", "delete"));
        assertEquals(2, Cli.run(Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), "diff", dir.toString()));
        assertEquals(1, Cli.run(Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), "diff", dir.resolve("nothing").toString(), dir.toString()));
    }

    @Test
    void markdownPutsReplacementsAndDeletionsFirstWithWhy() throws IOException {
        plan(dir.resolve("base"), "dev-eu-west-1", "aws:route53/healthCheck:HealthCheck", "hc", Map.of("requestInterval", 30));
        plan(dir.resolve("head"), "dev-eu-west-1", "aws:route53/healthCheck:HealthCheck", "hc", Map.of("requestInterval", 10));
        plan(dir.resolve("base"), "dev", "aws:route53/record:Record", "a", Map.of("ttl", 60));
        plan(dir.resolve("head"), "dev", "aws:route53/record:Record", "a", Map.of("ttl", 300));
        var out = new ByteArrayOutputStream();
        run(out, "--format", "markdown");
        var text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("### dev: 1 to replace, 1 to update"), text);
        assertTrue(text.indexOf("**replace** | dev-eu-west-1 | `hc`") < text.indexOf("update | dev | `a`"), text);
        assertTrue(text.contains("| requestInterval cannot change in place |"), text);
        assertTrue(text.contains("> **Warning:** " + dir.resolve("base") + " has no manifest.json"), text);
    }

    /** The case: an existing stack that only gains resources is not "a new stack". */
    @Test
    void anExistingStackThatOnlyGainsResourcesIsNeverCalledNew() throws IOException {
        var record = "aws:route53/record:Record";
        plan(dir.resolve("base"), "dev", state(record, "a", Map.of("ttl", 60)));
        plan(dir.resolve("head"), "dev", state(record, "a", Map.of("ttl", 60)), state(record, "b", Map.of("ttl", 60)),
                state(record, "c", Map.of("ttl", 60)));
        manifest(dir.resolve("base"), "dev");
        manifest(dir.resolve("head"), "dev");
        var out = new ByteArrayOutputStream();
        run(out, "--format", "markdown");
        var text = out.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("new stack"), text);
        assertTrue(text.contains("| create | dev | `b` |") && text.contains("| create | dev | `c` |"), text);
    }

    /**
     * A stack on one side only is created or deleted whole: one row with its count, a deletion flagged with what
     * blocks it and what stays in AWS; the counts are every resource's.
     */
    @Test
    void aStackOnOneSideIsCreatedOrDeletedWholeInOneRow() throws IOException {
        var record = "aws:route53/record:Record";
        plan(dir.resolve("base"), "dev", state(record, "a", Map.of("ttl", 60)));
        plan(dir.resolve("base"), "dev-eu-west-1", state(TARGET_GROUP, "tg", Map.of("port", 80), Map.of("protect", true)),
                state(record, "v", Map.of("ttl", 60), Map.of("retainOnDelete", true)), state(record, "w", Map.of()));
        plan(dir.resolve("head"), "dev", state(record, "a", Map.of("ttl", 60)));
        plan(dir.resolve("head"), "dev-ap-southeast-1", state(record, "x", Map.of()), state(record, "y", Map.of()));
        manifest(dir.resolve("base"), "dev", "dev-eu-west-1");
        manifest(dir.resolve("head"), "dev", "dev-ap-southeast-1");
        var result = PlanDiff.compare(dir.resolve("base"), dir.resolve("head"));
        assertEquals(PlanDiff.StackOp.DELETE, result.stacks().get("dev-eu-west-1").op());
        assertEquals(PlanDiff.StackOp.CREATE, result.stacks().get("dev-ap-southeast-1").op());
        assertEquals(PlanDiff.StackOp.SAME, result.stacks().get("dev").op());
        var out = new ByteArrayOutputStream();
        assertEquals(DiffCommand.GATE_HIT, run(out, "--format", "markdown", "--fail-on", "delete"));
        var text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("### dev: 3 to delete, 2 to create, 1 blocked"), text);
        assertTrue(text.contains("| **delete** (whole stack, blocked) | dev-eu-west-1 | whole stack: 3 resources | | |"
                + " the whole stack is deleted; 1 blocked (`tg`): pulumi refuses to delete a protected resource; first"
                + " set latency-edge:allowTargetGroupReplacement: true and pulumi up; 1 leave the stack but stay in AWS"
                + " (retainOnDelete) |"), text);
        assertTrue(text.contains("| create | dev-ap-southeast-1 | whole stack: 2 resources | | | a new stack |"), text);
        assertFalse(text.contains("Warning"), "both folders have manifests");
    }

    /** The manifest says which stacks a folder holds: a file it does not list is no stack. */
    @Test
    void aFileTheManifestDoesNotListIsNotAStack() throws IOException {
        var record = "aws:route53/record:Record";
        plan(dir.resolve("base"), "dev", state(record, "a", Map.of("ttl", 60)));
        plan(dir.resolve("base"), "dev-eu-west-1", state(record, "b", Map.of("ttl", 60)));
        plan(dir.resolve("head"), "dev", state(record, "a", Map.of("ttl", 60)));
        plan(dir.resolve("head"), "dev-eu-west-1", state(record, "b", Map.of("ttl", 60)));
        manifest(dir.resolve("base"), "dev", "dev-eu-west-1");
        manifest(dir.resolve("head"), "dev");
        assertEquals(PlanDiff.StackOp.DELETE, PlanDiff.compare(dir.resolve("base"), dir.resolve("head")).stacks()
                .get("dev-eu-west-1").op(), "never \"no change\" for a stack that is going away");
    }
}
