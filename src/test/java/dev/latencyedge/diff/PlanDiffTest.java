package dev.latencyedge.diff;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanDiffTest {

    private static final String STACK_URN = "urn:pulumi:dev::latency-edge::";

    /** A plan file with one resource of this type, with these inputs. */
    private static void plan(Path dir, String stack, String type, String name, Map<String, Object> inputs)
            throws IOException {
        Files.createDirectories(dir);
        var state = Map.of("urn", STACK_URN + type + "::" + name, "type", type, "custom", true, "parent", "",
                "provider", STACK_URN + "pulumi:providers:aws::aws-eu-west-1::0a1b", "inputs", inputs, "outputs", inputs);
        var json = new com.google.gson.Gson().toJson(Map.of("steps", List.of(Map.of("op", "create",
                "urn", state.get("urn"), "newState", state))));
        Files.writeString(dir.resolve(stack + ".json"), json);
    }

    static Stream<Arguments> forceNewProperties() {
        return ReplacementRules.FORCE_NEW.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(p -> Arguments.of(e.getKey(), p)));
    }

    // One case per ForceNew attribute of terraform-provider-aws's schemas (see ReplacementRules).
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forceNewProperties")
    void aChangeAwsCannotMakeInPlaceIsAReplacementNamingTheProperty(String type, String property, @TempDir Path dir)
            throws IOException {
        plan(dir.resolve("base"), "dev", type, "thing", Map.of(property, "before", "description2", "same"));
        plan(dir.resolve("head"), "dev", type, "thing", Map.of(property, "after", "description2", "same"));
        var change = PlanDiff.compare(dir.resolve("base"), dir.resolve("head")).get("dev").get(0);
        assertEquals(PlanDiff.Op.REPLACE, change.op());
        assertEquals(List.of(property + " cannot change in place"), change.replaceBecause());
        assertEquals(property, change.properties().get(0).path());
    }

    @Test
    void anInPlaceChangeIsAnUpdateWithItsNestedPaths(@TempDir Path dir) throws IOException {
        var type = "aws:route53/healthCheck:HealthCheck";
        plan(dir.resolve("base"), "dev", type, "hc", Map.of("failureThreshold", 3, "tags", Map.of("Name", "a")));
        plan(dir.resolve("head"), "dev", type, "hc", Map.of("failureThreshold", 2, "tags", Map.of("Name", "b")));
        var change = PlanDiff.compare(dir.resolve("base"), dir.resolve("head")).get("dev").get(0);
        assertEquals(PlanDiff.Op.UPDATE, change.op());
        assertEquals(List.of("failureThreshold", "tags.Name"), change.properties().stream().map(PlanDiff.PropertyChange::path).toList());
    }

    @Test
    void aProviderInAnotherRegionReplaces(@TempDir Path dir) throws IOException {
        var type = "aws:cloudwatch/metricAlarm:MetricAlarm";
        plan(dir.resolve("base"), "dev", type, "alarm", Map.of("threshold", 1));
        plan(dir.resolve("head"), "dev", type, "alarm", Map.of("threshold", 1));
        var head = dir.resolve("head").resolve("dev.json");
        Files.writeString(head, Files.readString(head).replace("aws-eu-west-1", "aws-us-east-1"));
        var change = PlanDiff.compare(dir.resolve("base"), dir.resolve("head")).get("dev").get(0);
        assertEquals(PlanDiff.Op.REPLACE, change.op());
        assertEquals(List.of("its provider (Region) changes"), change.replaceBecause());
    }

    private static int run(String[] args, ByteArrayOutputStream out) {
        return dev.latencyedge.Cli.run(java.util.Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                dev.latencyedge.Cli.with("diff", args));
    }

    @Test
    void jsonHasTheFixedShapeWithUnchangedStacksAndGatesFailTheRun(@TempDir Path dir) throws IOException {
        var type = "aws:lb/targetGroup:TargetGroup";
        plan(dir.resolve("base"), "dev", type, "tg", Map.of("port", 80));
        plan(dir.resolve("head"), "dev", type, "tg", Map.of("port", 8080));
        plan(dir.resolve("base"), "prod", type, "tg", Map.of("port", 80));
        plan(dir.resolve("head"), "prod", type, "tg", Map.of("port", 80));
        var out = new ByteArrayOutputStream();
        assertEquals(0, run(new String[] {dir.resolve("base").toString(), dir.resolve("head").toString(), "--format",
                "json"}, out));
        var json = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        var change = json.getAsJsonObject("stacks").getAsJsonObject("dev").getAsJsonArray("changes").get(0).getAsJsonObject();
        assertEquals(STACK_URN + type + "::tg", change.get("urn").getAsString());
        assertEquals(type, change.get("type").getAsString());
        assertEquals("replace", change.get("op").getAsString());
        assertEquals("[{\"path\":\"port\",\"before\":80,\"after\":8080}]", change.get("properties").toString());
        assertEquals("[\"port cannot change in place\"]", change.get("replaceBecause").toString());
        assertEquals("[]", json.getAsJsonObject("stacks").getAsJsonObject("prod").get("changes").toString());

        assertEquals(DiffCommand.GATE_HIT, run(new String[] {dir.resolve("base").toString(),
                dir.resolve("head").toString(), "--fail-on", "replace"}, new ByteArrayOutputStream()));
        assertEquals(0, run(new String[] {dir.resolve("base").toString(), dir.resolve("head").toString(),
                "--fail-on", "delete"}, new ByteArrayOutputStream()));
        Files.delete(dir.resolve("head").resolve("prod.json"));
        assertEquals(DiffCommand.GATE_HIT, run(new String[] {dir.resolve("base").toString(),
                dir.resolve("head").toString(), "--fail-on", "delete"}, new ByteArrayOutputStream()));
        assertEquals(2, run(new String[] {dir.toString()}, new ByteArrayOutputStream()));
        assertEquals(1, run(new String[] {dir.resolve("nothing").toString(), dir.toString()}, new ByteArrayOutputStream()));
    }

    @Test
    void markdownPutsReplacementsAndDeletionsFirstWithWhy(@TempDir Path dir) throws IOException {
        plan(dir.resolve("base"), "dev-eu-west-1", "aws:route53/healthCheck:HealthCheck", "hc", Map.of("requestInterval", 30));
        plan(dir.resolve("head"), "dev-eu-west-1", "aws:route53/healthCheck:HealthCheck", "hc", Map.of("requestInterval", 10));
        plan(dir.resolve("base"), "dev", "aws:route53/record:Record", "a", Map.of("ttl", 60));
        plan(dir.resolve("head"), "dev", "aws:route53/record:Record", "a", Map.of("ttl", 300));
        var out = new ByteArrayOutputStream();
        run(new String[] {dir.resolve("base").toString(), dir.resolve("head").toString(), "--format", "markdown"}, out);
        var text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("### dev: 1 to replace, 1 to update"), text);
        assertTrue(text.indexOf("**replace** | dev-eu-west-1 | `hc`") < text.indexOf("update | dev | `a`"), text);
        assertTrue(text.contains("| requestInterval cannot change in place |"), text);
    }
}
