package dev.latencyedge.plan;

import dev.latencyedge.Fixtures;
import dev.latencyedge.settings.AwsRegions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.latencyedge.Fixtures.global;
import static dev.latencyedge.Fixtures.regional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What only shows when stacks of several environments (or every Region) are planned together. */
class EnvironmentsTogetherTest {

    // Route 53 keeps one record per zone, name, type and set identifier; dev and prod share the zone.
    @Test
    void theCommittedDevAndProdWriteNoRecordTwice() {
        var stacks = new ArrayList<EvaluatedStack>();
        for (var env : List.of("dev", "prod")) {
            stacks.addAll(EnvironmentPlan.evaluate(Path.of("."), env).stacks());
        }
        // Each latency label has an A alias and a TXT record of the same name and set identifier: two records.
        assertEquals(List.of(), DnsRecordClaims.clashes(stacks));
        assertTrue(stacks.stream().flatMap(s -> s.resources().stream())
                .anyMatch(r -> r.name().equals("origin-eu-west-1-txt") && "TXT".equals(r.inputs().get("type"))));
        // They do share ACM validation records, deliberately: identical and written with allowOverwrite.
        var validation = stacks.stream().flatMap(s -> s.resources().stream())
                .filter(r -> r.type().equals(DnsRecordClaims.RECORD_TYPE) && r.name().contains("-validation-origin.example.com"))
                .count();
        assertEquals(5, validation, "one per Region of both environments");
    }

    @Test
    void twoEnvironmentsWithTheSameOriginLabelAreRefusedNamingBothStacksAndTheRecord() {
        var dev = Fixtures.environment(global("dev", "eu-west-1"), regional("dev", "eu-west-1"));
        var prod = Fixtures.environment(global("prod", "eu-west-1"), regional("prod", "eu-west-1"));
        var all = new ArrayList<EvaluatedStack>(dev.values());
        all.addAll(prod.values());
        var error = assertThrows(PlanException.class, () -> DnsRecordClaims.verify(all));
        assertTrue(error.getMessage().contains("dev (origin-eu-west-1) and prod (origin-eu-west-1) both write "
                + Fixtures.LABEL + ".origin.example.com A (set identifier eu-west-1)"), error.getMessage());
        assertTrue(error.getMessage().contains("dev (origin-eu-west-1-txt) and prod (origin-eu-west-1-txt) both write "
                + Fixtures.LABEL + ".origin.example.com TXT (set identifier eu-west-1)"), error.getMessage());
        // And the same public name: both environments' alias records.
        assertTrue(error.getMessage().contains("both write www.example.com A in zone"), error.getMessage());
    }

    private static String[] run(String... args) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        var status = dev.latencyedge.Cli.run(java.util.Map.of(), new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), dev.latencyedge.Cli.with("plan", args));
        return new String[] {String.valueOf(status), out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8)};
    }

    @Test
    void planAllPlansEveryEnvironmentOfTheDirectoryAndChecksThemTogether(@org.junit.jupiter.api.io.TempDir Path out)
            throws java.io.IOException {
        var result = run("--all", "--out", out.toString(), "--no-policy");
        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("Offline plan of dev") && result[1].contains("Offline plan of prod"), result[1]);
        assertTrue(result[1].contains("Across 2 environments: no DNS record, origin label or public name is shared"));
        try (var files = java.nio.file.Files.list(out)) {
            assertEquals(List.of("dev-eu-west-1.json", "dev-us-east-1.json", "dev.json", "dev.mmd", "manifest.json",
                    "prod-ap-southeast-1.json", "prod-eu-west-1.json", "prod-us-east-1.json", "prod.json", "prod.mmd"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "7 plan files, 2 pictures and the manifest");
        }
        var manifest = PlanManifest.read(out).orElseThrow();
        assertEquals(List.of("dev", "prod"), manifest.environments());
        assertEquals(7, manifest.stacks().size());
    }

    @Test
    void planAllRefusesEnvironmentsSharingALabelOrAPublicNameNamingBothStacks(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        dev.latencyedge.Fixtures.copyProject(dir);
        // staging: a copy of dev under another name, keeping dev's label and public name.
        for (var suffix : List.of("", "-us-east-1", "-eu-west-1")) {
            java.nio.file.Files.writeString(dir.resolve("Pulumi.staging" + suffix + ".yaml"),
                    java.nio.file.Files.readString(dir.resolve("Pulumi.dev" + suffix + ".yaml")));
        }
        var result = run("--all", "--config-dir", dir.toString(), "--out", dir.resolve("out").toString(), "--no-policy");
        assertEquals("1", result[0]);
        assertTrue(result[2].startsWith("plan of every environment in " + dir + " failed: the environments clash:"), result[2]);
        assertTrue(result[2].contains("dev and staging use the same latency-edge:originLabel"), result[2]);
        assertTrue(result[2].contains("dev and staging both serve the public name dev.example.com"), result[2]);
        assertTrue(result[2].contains("dev (origin-eu-west-1) and staging (origin-eu-west-1) both write"), result[2]);
        assertFalse(java.nio.file.Files.exists(dir.resolve("out")), "nothing written");
    }

    // The offline plan once crashed with a stack trace on Regions the settings accepted (no ALB zone in the fake
    // cloud), and the settings refused latency labels AWS accepts. Every Region of the one table plans.
    @Test
    void everyRegionTheSettingsAcceptPlans() {
        var regions = AwsRegions.CODES.stream().toList();
        var regionals = regions.stream().map(r -> regional("all", r)).toArray(Fixtures.Config[]::new);
        var plan = Fixtures.environment(global("all", regions.toArray(String[]::new)), regionals);
        assertEquals(regions.size() + 1, plan.size());
        for (var region : regions) {
            assertEquals(AwsRegions.albHostedZone(region).orElseThrow(),
                    plan.get("all-" + region).exports().get("albZoneId"), region);
        }
    }
}
