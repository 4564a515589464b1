package dev.latencyedge.operations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.latencyedge.operations.AwsTestSupport.DEV_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drill killed in the middle leaves nothing changed: SIGTERM runs its shutdown hook, which restores the check;
 * after SIGKILL the journal remains, a second drill refuses, and {@code --restore} puts the check back.
 */
class DrillKillTest {

    @TempDir
    Path dir;
    private FakeAws aws;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws(Instant::now);
        aws.serve(DEV_NAME, java.util.Map.of("us-east-1", "us-east-1", "eu-west-1", "eu-west-1"), java.util.Map.of());
        aws.dnsDelay = Duration.ofDays(1);
        AwsTestSupport.devConfig(dir);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Process start(String... args) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                DrillProcess.class.getName(), dir.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("drill-" + System.nanoTime() + ".log").toFile());
        builder.environment().putAll(AwsTestSupport.fastRoute53(aws.environment()));
        return builder.start();
    }

    /** Waits until the child has inverted the check (it is then polling for the failover). */
    private void awaitInverted(Process drill) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!aws.checks.get("hc-rotation-eu-west-1").inverted) {
            assertTrue(drill.isAlive(), "the drill ended before inverting the check: " + logs());
            assertTrue(System.nanoTime() < deadline, "the drill never inverted the check: " + logs());
            Thread.sleep(50);
        }
    }

    private String logs() {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".log")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    return e.toString();
                }
            }).reduce("", String::concat);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void sigtermRestoresTheCheckFromTheShutdownHook() throws Exception {
        var drill = start("eu-west-1");
        awaitInverted(drill);
        assertTrue(Files.exists(DrillJournal.of(dir, "dev").path()), "the journal is written before the change");
        drill.destroy(); // SIGTERM (ProcessHandle.destroy on Unix)
        assertTrue(drill.waitFor(30, TimeUnit.SECONDS));
        assertFalse(aws.checks.get("hc-rotation-eu-west-1").inverted, logs());
        assertFalse(Files.exists(DrillJournal.of(dir, "dev").path()), logs());
        assertTrue(logs().contains("Restored hc-rotation-eu-west-1 (eu-west-1): Inverted false."), logs());
    }

    @Test
    void afterSigkillTheJournalBlocksAnotherDrillAndRestoreFromItPutsTheCheckBack() throws Exception {
        var drill = start("eu-west-1");
        awaitInverted(drill);
        drill.destroyForcibly(); // SIGKILL: no hook runs
        assertTrue(drill.waitFor(30, TimeUnit.SECONDS));
        assertTrue(aws.checks.get("hc-rotation-eu-west-1").inverted, "nothing could restore it");
        assertTrue(Files.exists(DrillJournal.of(dir, "dev").path()));

        var second = start("eu-west-1");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitStatus.REFUSED, second.exitValue(), logs());
        assertTrue(logs().contains("run drill dev --restore first"), logs());

        var restore = start("--restore");
        assertTrue(restore.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitStatus.OK, restore.exitValue(), logs());
        assertFalse(aws.checks.get("hc-rotation-eu-west-1").inverted, logs());
        assertFalse(Files.exists(DrillJournal.of(dir, "dev").path()));
    }
}
