package dev.latencyedge.plan;

import dev.latencyedge.Fixtures;
import dev.latencyedge.diff.PlanDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The add-a-Region runbook's first step, the new Region's own stack before the global stack lists it, has a plan
 * and a diff: the stack file is planned on its own and shown as not yet in the latency set, and the edge is
 * planned exactly as before.
 */
class UnlistedRegionTest {

    private static Path addStackFile(Path project, String region) throws IOException {
        var file = project.resolve("Pulumi.dev-" + region + ".yaml");
        Files.writeString(file, Files.readString(project.resolve("Pulumi.dev-eu-west-1.yaml"))
                .replace("eu-west-1", region));
        return file;
    }

    private static String plan(Path project, Path out) {
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        var status = dev.latencyedge.Cli.run(Map.of(), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), "plan", "dev", "--config-dir", project.toString(), "--out", out.toString(),
                "--no-policy");
        assertEquals(0, status, stderr.toString(StandardCharsets.UTF_8));
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aStackFileTheGlobalStackDoesNotListIsPlannedOnItsOwn(@TempDir Path work) throws IOException {
        var project = Fixtures.copyProject(work.resolve("project"));
        plan(project, work.resolve("base"));
        addStackFile(project, "ap-southeast-1");
        var summary = plan(project, work.resolve("head"));

        assertTrue(summary.contains("\ndev-ap-southeast-1 (region ap-southeast-1, not yet in the latency set): "),
                summary);
        assertTrue(summary.contains("Not yet in the latency set (dev's stacks of Regions that latency-edge:regions in"
                + " Pulumi.dev.yaml does not list; the edge sends them nothing until it does)\n"
                + "  ap-southeast-1  dev-ap-southeast-1 -> ap-southeast-1-alb-"), summary);
        assertTrue(!summary.substring(summary.indexOf("Routing:"), summary.indexOf("Health checks"))
                .contains("ap-southeast-1"), "the routing is unchanged: " + summary);

        // A plan file of its own, and a diff that creates that stack and changes nothing else.
        assertTrue(Files.isRegularFile(work.resolve("head").resolve("dev-ap-southeast-1.json")));
        var diff = PlanDiff.compare(work.resolve("base"), work.resolve("head"));
        diff.stacks().forEach((stack, stackDiff) -> {
            var changes = stackDiff.changes();
            if (stack.equals("dev-ap-southeast-1")) {
                assertEquals(PlanDiff.StackOp.CREATE, stackDiff.op(), "a stack of its own, created whole");
                assertTrue(!changes.isEmpty() && changes.stream().allMatch(c -> c.op() == PlanDiff.Op.CREATE),
                        changes.toString());
            } else {
                assertEquals(List.of(), changes, stack);
            }
        });
        assertEquals(Files.readString(work.resolve("base").resolve("dev.json")),
                Files.readString(work.resolve("head").resolve("dev.json")));
    }

    @Test
    void theEdgeGetsNoReferenceToAnUnlistedStack(@TempDir Path work) throws IOException {
        var project = Fixtures.copyProject(work);
        addStackFile(project, "ap-southeast-1");
        var plan = EnvironmentPlan.evaluate(project, "dev");
        assertEquals(List.of("us-east-1", "eu-west-1"), List.copyOf(plan.regionals().keySet()));
        assertEquals(List.of("ap-southeast-1"), List.copyOf(plan.candidates().keySet()));
        assertEquals(List.of("dev-us-east-1", "dev-eu-west-1", "dev-ap-southeast-1", "dev"),
                plan.stacks().stream().map(EvaluatedStack::stackName).toList());
        assertEquals(2, plan.global().resources().stream().filter(r -> r.type().equals("pulumi:pulumi:StackReference"))
                .count());
    }

    @Test
    void anUnlistedStacksProblemsAreReportedToo(@TempDir Path work) throws IOException {
        var project = Fixtures.copyProject(work);
        var file = addStackFile(project, "ap-southeast-1");
        Files.writeString(file, Files.readString(file) + "  latency-edge:drian: true\n");
        var message = assertThrows(PlanException.class, () -> EnvironmentPlan.evaluate(project, "dev")).getMessage();
        assertTrue(message.contains("invalid configuration for stack dev-ap-southeast-1 (" + file + "):\n"
                + "  latency-edge:drian:"), message);
    }

    @Test
    void aListedRegionWithoutAStackFileStaysAnError(@TempDir Path work) throws IOException {
        var project = Fixtures.copyProject(work);
        var global = project.resolve("Pulumi.dev.yaml");
        Files.writeString(global, Files.readString(global).replace("    - eu-west-1\n",
                "    - eu-west-1\n    - ap-southeast-1\n"));
        var message = assertThrows(PlanException.class, () -> EnvironmentPlan.evaluate(project, "dev")).getMessage();
        assertEquals(project.resolve("Pulumi.dev-ap-southeast-1.yaml") + ": no such stack file (stack"
                + " dev-ap-southeast-1)", message);
    }

    @Test
    void anotherEnvironmentsStacksAreNotCandidates(@TempDir Path work) throws IOException {
        var project = Fixtures.copyProject(work);
        // prod's stacks do not start with "dev-", and dev-canary names no Region.
        Files.copy(project.resolve("Pulumi.dev-eu-west-1.yaml"), project.resolve("Pulumi.dev-canary.yaml"));
        assertEquals(List.of(), EnvironmentPlan.unlistedRegions(project, "dev", List.of("us-east-1", "eu-west-1")));
        assertEquals(List.of(), EnvironmentPlan.unlistedRegions(project, "prod",
                List.of("us-east-1", "eu-west-1", "ap-southeast-1")));
    }
}
