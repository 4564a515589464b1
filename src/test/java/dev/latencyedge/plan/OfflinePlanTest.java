package dev.latencyedge.plan;

import dev.latencyedge.stackfiles.StackFile;
import dev.latencyedge.stackfiles.Placeholders;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.latencyedge.settings.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflinePlanTest {

    private static final Path PROJECT = Path.of(".");

    private record Run(int status, String out, String err) {
    }

    private static Run plan(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var status = dev.latencyedge.Cli.run(System.getenv(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dev.latencyedge.Cli.with("plan", args));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static Map<String, JsonObject> states(JsonObject plan) {
        var states = new HashMap<String, JsonObject>();
        plan.getAsJsonArray("steps").forEach(step -> {
            var state = step.getAsJsonObject().getAsJsonObject("newState");
            states.put(state.get("urn").getAsString(), state);
        });
        return states;
    }

    @Test
    void committedEnvironmentsPlanWithEveryRegionsLatencyRecordHealthCheckAndAlb(@TempDir Path out) throws IOException {
        for (var env : List.of("dev", "prod")) {
            var run = plan(env, "--out", out.toString(), "--no-policy");
            assertEquals(0, run.status(), run.err());
            var global = read(out.resolve(env + ".json"));
            assertFalse(global.toString().contains("pulumi:pulumi:Stack$"), "URNs as the engine writes them");
            var records = states(global).values().stream()
                    .filter(s -> s.get("type").getAsString().equals("aws:route53/record:Record")
                            && s.getAsJsonObject("inputs").has("setIdentifier")
                            && s.getAsJsonObject("inputs").get("type").getAsString().equals("A")).toList();
            var regions = env.equals("dev") ? List.of("us-east-1", "eu-west-1")
                    : List.of("us-east-1", "eu-west-1", "ap-southeast-1");
            for (var region : regions) {
                var regional = read(out.resolve(env + "-" + region + ".json"));
                var exports = regional.getAsJsonArray("steps").get(0).getAsJsonObject()
                        .getAsJsonObject("newState").getAsJsonObject("outputs");
                var record = records.stream().filter(r -> r.getAsJsonObject("inputs").get("setIdentifier")
                        .getAsString().equals(region)).findFirst().orElseThrow();
                var inputs = record.getAsJsonObject("inputs");
                assertEquals(exports.get("healthCheckId"), inputs.get("healthCheckId"));
                var alias = inputs.getAsJsonArray("aliases").get(0).getAsJsonObject();
                assertEquals(exports.get("albDnsName"), alias.get("name"));
                assertEquals(exports.get("albZoneId"), alias.get("zoneId"));
            }
            assertEquals(regions.size() + (env.equals("prod") ? 1 : 0), records.size());
            assertTrue(run.out().contains("Routing: latency label -> serving Region -> ALB"), run.out());
        }
    }

    @Test
    void stackReferencesReceiveExactlyTheRegionalExports(@TempDir Path out) throws IOException {
        assertEquals(0, plan("dev", "--out", out.toString(), "--no-policy").status());
        var global = read(out.resolve("dev.json"));
        for (var region : List.of("us-east-1", "eu-west-1")) {
            var regionalExports = read(out.resolve("dev-" + region + ".json")).getAsJsonArray("steps").get(0)
                    .getAsJsonObject().getAsJsonObject("newState").getAsJsonObject("outputs");
            var reference = states(global).get("urn:pulumi:dev::latency-edge::pulumi:pulumi:StackReference::dev-" + region);
            assertEquals("organization/latency-edge/dev-" + region,
                    reference.getAsJsonObject("inputs").get("name").getAsString());
            assertEquals(regionalExports, reference.getAsJsonObject("outputs").getAsJsonObject("outputs"));
        }
    }

    @Test
    void twoRunsWriteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        assertEquals(0, plan("prod", "--out", first.toString(), "--no-policy").status());
        assertEquals(0, plan("prod", "--out", second.toString(), "--no-policy").status());
        try (var files = Files.list(first)) {
            for (var file : files.toList()) {
                assertEquals(Files.readString(file), Files.readString(second.resolve(file.getFileName())), file.toString());
            }
        }
    }

    @Test
    void regionsEvaluatedSideBySidePlanAsEachEvaluatedAlone() {
        var environment = EnvironmentPlan.evaluate(PROJECT, "prod");
        assertEquals(List.of("us-east-1", "eu-west-1", "ap-southeast-1"), List.copyOf(environment.regionals().keySet()));
        environment.regionals().forEach((region, together) -> {
            var settings = StackFile.read(PROJECT, "prod-" + region).regionalSettings("this test");
            var alone = StackEvaluator.evaluate(settings, Map.of());
            assertEquals(PlanFile.render(alone), PlanFile.render(together), region);
        });
    }

    @Test
    void badConfigFailsNamingFileKeyAndReasonAndWritesNothing(@TempDir Path config, @TempDir Path out) throws IOException {
        copyStackFiles(config);
        var file = config.resolve("Pulumi.dev-eu-west-1.yaml");
        Files.writeString(file, Files.readString(file).replace("healthCheckInterval: 30", "healthCheckInterval: 20"));
        var run = plan("dev", "--config-dir", config.toString(), "--out", out.resolve("plan").toString(), "--no-policy");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("Pulumi.dev-eu-west-1.yaml"), run.err());
        assertTrue(run.err().contains("latency-edge:healthCheckInterval: must be 10 or 30"), run.err());
        assertFalse(Files.exists(out.resolve("plan")), "no plan file on bad config");
    }

    @Test
    void noSecretValueReachesAPlanFileOrTheOutput(@TempDir Path out) throws IOException {
        var run = plan("prod", "--out", out.toString(), "--no-policy");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("replaced by fake placeholders"), run.out());
        // The secure values became these placeholders: they are what the program treats as the secrets.
        var secret = Placeholders.forKey("latency-edge:originVerifySecret");
        var label = Placeholders.forKey("latency-edge:originLabel");
        try (var files = Files.list(out)) {
            for (var file : files.toList()) {
                var text = Files.readString(file);
                assertFalse(text.contains(secret), file + " shows the origin secret");
                assertFalse(text.contains(label), file + " shows the secret origin label");
            }
        }
        assertFalse(run.out().contains(secret) || run.out().contains(label));
        var edge = Files.readString(out.resolve("prod.json"));
        assertTrue(edge.contains("\"value\": \"[secret]\""), "the header value is masked where it occurs");
        assertTrue(edge.contains("\"name\": \"X-Origin-Verify\""), "the rest of the header stays reviewable");
        assertTrue(edge.contains("\"originHost\": \"[secret]\""));
        assertTrue(Files.readString(out.resolve("prod-eu-west-1.json")).contains(Secret.sha256(secret)),
                "fingerprints are not secrets");
    }

    @Test
    void oneMoreRegionOnlyAddsResources(@TempDir Path config, @TempDir Path before, @TempDir Path after)
            throws IOException {
        copyStackFiles(config);
        assertEquals(0, plan("dev", "--config-dir", config.toString(), "--out", before.toString(), "--no-policy").status());
        var global = config.resolve("Pulumi.dev.yaml");
        Files.writeString(global, Files.readString(global).replace("    - eu-west-1\n", "    - eu-west-1\n    - ap-southeast-1\n"));
        Files.writeString(config.resolve("Pulumi.dev-ap-southeast-1.yaml"),
                Files.readString(config.resolve("Pulumi.dev-eu-west-1.yaml")).replace("eu-west-1", "ap-southeast-1"));
        assertEquals(0, plan("dev", "--config-dir", config.toString(), "--out", after.toString(), "--no-policy").status());
        for (var stack : List.of("dev", "dev-us-east-1", "dev-eu-west-1")) {
            var old = states(read(before.resolve(stack + ".json")));
            var updated = states(read(after.resolve(stack + ".json")));
            old.forEach((urn, state) -> {
                assertTrue(updated.containsKey(urn), urn + " disappeared");
                var type = state.get("type").getAsString();
                if (type.equals("aws:cloudwatch/dashboard:Dashboard")) {
                    // The dashboard gains the Region's widgets and keeps every other as it was.
                    var oldWidgets = widgets(state);
                    var newWidgets = widgets(updated.get(urn));
                    assertTrue(newWidgets.containsAll(oldWidgets), urn);
                    assertEquals(oldWidgets.size() + 4, newWidgets.size(), urn);
                } else if (!type.equals("pulumi:pulumi:Stack")) {
                    assertEquals(state.get("inputs"), updated.get(urn).get("inputs"), urn);
                }
            });
        }
        var added = states(read(after.resolve("dev.json"))).keySet();
        added.removeAll(states(read(before.resolve("dev.json"))).keySet());
        assertEquals(3, added.size(), "the ap-southeast-1 latency alias, its TXT twin and its stack reference: "
                + added);
    }

    private static List<com.google.gson.JsonElement> widgets(com.google.gson.JsonObject dashboardState) {
        var body = dashboardState.getAsJsonObject("inputs").get("dashboardBody").getAsString();
        return com.google.gson.JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("widgets").asList();
    }

    @Test
    void aMandatoryPolicyViolationFailsThePlanAndNamesThePolicy(@TempDir Path config, @TempDir Path out)
            throws IOException {
        copyStackFiles(config);
        // The project's pack, as a project folder holds it.
        Files.createSymbolicLink(config.resolve("policy"), Path.of("policy").toAbsolutePath());
        var global = config.resolve("Pulumi.dev.yaml");
        // Valid for the program (16+ of [a-z0-9]) but guessable: the pack must stop it.
        Files.writeString(global, Files.readString(global).replace("q4z8m2t7x1c9v5b3n6", "originprod12345678"));
        var run = plan("dev", "--config-dir", config.toString(), "--out", out.toString());
        assertEquals(3, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("[mandatory] aws-cloudfront-distribution-disallow-guessable-origin"), run.out());
        assertTrue(run.out().contains("the label contains the common word(s) origin, prod"), run.out());
        assertTrue(run.err().contains("mandatory violation"), run.err());
    }

    @Test
    void aCleanPlanPassesThePolicyPack(@TempDir Path out) {
        var run = plan("dev", "--out", out.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("0 violation(s), 0 mandatory or unable to run, over 3 plan file(s) and 10 policies"), run.out());
    }

    /** The pack comes from the project (or --policy-pack), never from the folder plan runs in. */
    @Test
    void thePolicyPackIsTheProjectsAndAPackThatCannotRunHasItsOwnStatus(@TempDir Path config, @TempDir Path out)
            throws IOException {
        copyStackFiles(config);
        var run = plan("dev", "--config-dir", config.toString(), "--out", out.toString());
        assertEquals(PlanCommand.POLICY_NOT_RUN, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("policy pack in " + config.toAbsolutePath().resolve("policy")
                + " is not installed and built"), run.out());
        assertTrue(run.err().contains("could not run, so nothing was checked"), run.err());

        var named = new ByteArrayOutputStream();
        var status = PlanCommand.run(new PlanArgs("dev", false, config, out, true,
                Path.of("policy").toAbsolutePath()), Map.of(), new PrintStream(named, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, status, named.toString(StandardCharsets.UTF_8));
        assertTrue(named.toString(StandardCharsets.UTF_8).contains("0 violation(s)"));
    }

    /** Each resource's protect and retainOnDelete, where set, in its new state, and listed in the summary. */
    @Test
    void planFilesAndTheSummaryShowWhatIsProtected(@TempDir Path out) throws IOException {
        var run = plan("dev", "--out", out.toString(), "--no-policy");
        var states = states(read(out.resolve("dev-eu-west-1.json")));
        var isProtected = states.values().stream().filter(s -> s.has("protect")).map(s -> s.get("urn").getAsString())
                .sorted().toList();
        assertEquals(List.of(
                "urn:pulumi:dev-eu-west-1::latency-edge::latency-edge:regional:RegionalIngress$latency-edge:regional:BoundTargetGroup$aws:lb/targetGroup:TargetGroup::eu-west-1-app",
                "urn:pulumi:dev-eu-west-1::latency-edge::latency-edge:regional:RegionalIngress$latency-edge:regional:BoundTargetGroup$aws:lb/targetGroup:TargetGroup::eu-west-1-ingress"),
                isProtected);
        var retained = states.values().stream().filter(s -> s.has("retainOnDelete")).map(s -> s.get("type").getAsString())
                .distinct().toList();
        assertEquals(List.of("aws:route53/record:Record"), retained, "the shared validation records");
        assertTrue(run.out().contains("  dev-eu-west-1   eu-west-1-app, eu-west-1-ingress (protect, lifted by"
                + " latency-edge:allowTargetGroupReplacement: true)"), run.out());
    }

    /**
     * plan owns --out: a run removes the plan files of earlier runs it did not write again, so a stack that is
     * gone cannot leave its plan behind (and diff --fail-on delete sees the deletion).
     */
    @Test
    void aRemovedStacksPlanFileDoesNotOutliveIt(@TempDir Path config, @TempDir Path work) throws IOException {
        copyStackFiles(config);
        var out = work.resolve("plan");
        var first = plan("dev", "--config-dir", config.toString(), "--out", out.toString(), "--no-policy");
        assertEquals(0, first.status());
        assertTrue(first.out().contains("dev-eu-west-1 (region eu-west-1): 30 resources to create\n"), first.out());
        var base = Files.createDirectories(work.resolve("base"));
        try (var files = Files.list(out)) {
            for (var file : files.toList()) {
                Files.copy(file, base.resolve(file.getFileName()));
            }
        }
        var global = config.resolve("Pulumi.dev.yaml");
        Files.writeString(global, Files.readString(global).replace("    - eu-west-1\n", ""));
        Files.delete(config.resolve("Pulumi.dev-eu-west-1.yaml"));
        assertEquals(0, plan("dev", "--config-dir", config.toString(), "--out", out.toString(), "--no-policy").status());

        assertFalse(Files.exists(out.resolve("dev-eu-west-1.json")), "the removed Region's plan file is gone");
        var manifest = PlanManifest.read(out).orElseThrow();
        assertEquals(List.of("dev-us-east-1", "dev"), manifest.stacks());
        assertEquals(List.of("Pulumi.dev-us-east-1.yaml", "Pulumi.dev.yaml", "Pulumi.yaml"),
                List.copyOf(manifest.stackFiles().keySet()));
        assertEquals("sha256:" + Secret.sha256(Files.readString(global)), manifest.stackFiles().get("Pulumi.dev.yaml"));
        assertEquals(dev.latencyedge.BuildInfo.version(), manifest.version());
        var err = new ByteArrayOutputStream();
        var markdown = new ByteArrayOutputStream();
        assertEquals(4, dev.latencyedge.Cli.run(Map.of(), new PrintStream(markdown, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "diff", base.toString(), out.toString(),
                "--fail-on", "delete", "--format", "markdown"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("blocked by protection"), err.toString());
        // The same count as the summary's, of the same things.
        assertTrue(markdown.toString(StandardCharsets.UTF_8).contains(
                "| **delete** (whole stack, blocked) | dev-eu-west-1 | whole stack: 30 resources |"), markdown.toString());
    }

    /** Never a file plan did not write: such a folder is refused before anything is planned, and left as it was. */
    @Test
    void aFolderHoldingFilesPlanDidNotWriteIsRefused(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("other.json"), "{\"mine\": true}");
        var run = plan("dev", "--out", out.toString(), "--no-policy");
        assertEquals(PlanCommand.USAGE, run.status());
        assertTrue(run.err().contains(out + " holds files plan did not write (notes.txt, other.json)"), run.err());
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "nothing written, nothing removed");
        }
    }

    /** A folder planned before manifests existed holds only plan files: they are plan's own, and stale ones go. */
    @Test
    void planFilesWrittenBeforeManifestsExistedCountAsItsOwn(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("dev-ap-southeast-1.json"), "{\n  \"steps\": [],\n  \"changeSummary\": {}\n}\n");
        assertEquals(0, plan("dev", "--out", out.toString(), "--no-policy").status());
        assertFalse(Files.exists(out.resolve("dev-ap-southeast-1.json")));
        assertTrue(Files.exists(out.resolve(PlanManifest.FILE)));
    }

    private static void copyStackFiles(Path target) throws IOException {
        try (Stream<Path> files = Files.list(PROJECT)) {
            for (var file : files.filter(f -> f.getFileName().toString().matches("Pulumi\\..*yaml")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }
}
