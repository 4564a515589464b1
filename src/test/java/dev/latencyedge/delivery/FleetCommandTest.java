package dev.latencyedge.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class FleetCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StackRunner runner = mock(StackRunner.class);
    /** The committed project with its secrets set, as after secrets init. */
    private final Path project;

    FleetCommandTest() throws IOException {
        project = dev.latencyedge.Fixtures.withSecretsSet(dev.latencyedge.Fixtures.copyProject(
                Files.createTempDirectory("latency-edge-fleet")));
    }

    /** up previews every stack before applying it; previews pass unless a test says otherwise. */
    @org.junit.jupiter.api.BeforeEach
    void previewsPass() {
        when(runner.run(any(), eq(Operation.PREVIEW), any())).thenAnswer(i -> new StackResult(i.getArgument(0),
                Operation.PREVIEW, StackResult.Status.SUCCEEDED, 0, 0, 0, 0, java.time.Duration.ZERO, ""));
    }

    /** The command line with {@code path} as PATH, run on the test's project unless the arguments name another. */
    private int fleet(String path, String... args) {
        return fleet(path, packs -> runner, args);
    }

    private int fleet(String path, java.util.function.Function<List<String>, dev.latencyedge.delivery.StackRunner> runners,
                      String... args) {
        var printOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        var printErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        var withProject = List.of(args).contains("--config-dir") ? args
                : java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                        java.util.stream.Stream.of("--config-dir", project.toString())).toArray(String[]::new);
        return dev.latencyedge.Cli.run(new dev.latencyedge.ServiceDoubles(
                dir -> new FleetCommand(dir, runners, printOut, printErr), null, null),
                Map.of("PATH", path), printOut, printErr, withProject);
    }

    private static String fakePulumiOnPath(Path dir) throws IOException {
        return PulumiCliTest.pinnedCliOnPath(dir).get("PATH");
    }

    @Test
    void withoutThePulumiCliItSaysSoInOneLine(@TempDir Path empty) {
        var status = fleet(empty.toString(), "up", "dev");
        assertEquals(127, status);
        var message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("the pulumi CLI is not on the PATH"));
        verify(runner, never()).run(any(), any(), any());
    }

    @Test
    void aCliOlderThanThePinIsRefusedBeforeAnyStackRuns(@TempDir Path bin) throws IOException {
        var status = fleet(PulumiCliTest.pulumiOnPath(bin, "v3.200.0"), "up", "dev");
        assertEquals(126, status);
        var message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("is v3.200.0, older than"), message);
        verify(runner, never()).run(any(), any(), any());
    }

    @Test
    void upOfTheCommittedDevEnvironmentRunsItsRegionsThenTheEdgeAndPrintsTheTable(@TempDir Path bin)
            throws IOException {
        when(runner.run(any(), eq(Operation.UP), any())).thenAnswer(i -> new StackResult(i.getArgument(0),
                Operation.UP, StackResult.Status.SUCCEEDED, 1, 0, 0, 0, Duration.ofMillis(1500), ""));
        var status = fleet(fakePulumiOnPath(bin), "up", "dev", "--parallel", "2");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        verify(runner).run(eq("dev-us-east-1"), eq(Operation.UP), any());
        verify(runner).run(eq("dev-eu-west-1"), eq(Operation.UP), any());
        verify(runner).run(eq("dev"), eq(Operation.UP), any());
        var table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("dev-eu-west-1            up       succeeded"), table);
    }

    @Test
    void aFailingRegionExitsNonZeroNamingTheStackAndTheEngineError(@TempDir Path bin) throws IOException {
        when(runner.run(any(), eq(Operation.UP), any())).thenAnswer(i -> i.getArgument(0).equals("dev-us-east-1")
                ? new StackResult("dev-us-east-1", Operation.UP, StackResult.Status.FAILED, 0, 0, 0, 0, Duration.ZERO,
                "error: update failed")
                : new StackResult(i.getArgument(0), Operation.UP, StackResult.Status.SUCCEEDED, 0, 0, 0, 0,
                Duration.ZERO, ""));
        var status = fleet(fakePulumiOnPath(bin), "up", "dev");
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("up of dev failed at stack dev-us-east-1: error: update failed"));
        verify(runner, never()).run(eq("dev"), any(), any());
    }

    @Test
    void destroyTakesARegionNoLongerListedOnlyWhenNamed(@TempDir Path bin) throws IOException {
        when(runner.run(any(), eq(Operation.DESTROY), any())).thenAnswer(i -> new StackResult(i.getArgument(0),
                Operation.DESTROY, StackResult.Status.SUCCEEDED, 0, 0, 5, 0, Duration.ZERO, ""));
        var path = fakePulumiOnPath(bin);
        fleet(path, "destroy", "dev");
        verify(runner, never()).run(eq("dev-ap-southeast-1"), any(), any());
        fleet(path, "destroy", "dev", "--region", "ap-southeast-1");
        verify(runner).run(eq("dev-ap-southeast-1"), eq(Operation.DESTROY), any());
    }

    // A secure: value no secrets manager can decrypt fails every preview and up before the program runs.
    @Test
    void placeholderSecretsAreRefusedInOneLineNamingTheStacks(@TempDir Path bin) throws IOException {
        var status = fleet(fakePulumiOnPath(bin), "up", "dev", "--config-dir", ".");
        assertEquals(1, status);
        var message = err.toString(StandardCharsets.UTF_8);
        assertEquals("up of dev refused: secrets are still placeholders in dev-us-east-1, dev-eu-west-1, dev; run java"
                + " -jar target/latency-edge.jar secrets init dev\n", message);
        verify(runner, never()).run(any(), any(), any());
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path bin) throws IOException {
        var path = fakePulumiOnPath(bin);
        assertEquals(2, fleet(path, "up"));
        assertEquals(2, fleet(path, "up", "dev", "--parallel", "0"));
        assertEquals(2, fleet(path, "up", "dev", "--region", "eu-west-1"));
    }

    @Test
    void policyPacksReachTheRunner(@TempDir Path bin) throws IOException {
        var seen = new java.util.ArrayList<List<String>>();
        var path = fakePulumiOnPath(bin);
        when(runner.run(any(), any(), any())).thenAnswer(i -> new StackResult(i.getArgument(0), i.getArgument(1),
                StackResult.Status.SUCCEEDED, 0, 0, 0, 0, Duration.ZERO, ""));
        fleet(path, packs -> {
            seen.add(packs);
            return runner;
        }, "preview", "dev", "--policy-pack", "policy");
        assertEquals(List.of(List.of("policy")), seen);
    }
}
