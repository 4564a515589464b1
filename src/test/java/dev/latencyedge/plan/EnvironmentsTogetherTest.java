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
        assertEquals(List.of(), DnsRecordClaims.clashes(stacks));
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
        // And the same public name: both environments' alias records.
        assertTrue(error.getMessage().contains("both write www.example.com A in zone"), error.getMessage());
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
