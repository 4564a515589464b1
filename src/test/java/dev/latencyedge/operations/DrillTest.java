package dev.latencyedge.operations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.model.Route53Exception;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static dev.latencyedge.operations.AwsTestSupport.DEV_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drill against Route 53 as its API answers, through the real SDK, on a fake clock: the fake Route 53 moves
 * its answers a set time after the check changes, and the drill's sleeps advance the same clock.
 */
class DrillTest {

    /** dev's eu-west-1: 30 s x 3 + 60 s TTL + 60 s keep-alive (Pulumi.dev-eu-west-1.yaml). */
    private static final int BUDGET = 210;

    @TempDir
    Path dir;
    private Instant now = Instant.parse("2026-12-03T12:00:00Z");
    private FakeAws aws;
    private AutoCloseable sdk;
    private AwsClients clients;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final Drill.Timing timing = new Drill.Timing() {
        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            now = now.plus(duration);
        }
    };

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws(() -> now);
        sdk = AwsTestSupport.pointSdkAt(aws);
        aws.serve(DEV_NAME, Map.of("us-east-1", "us-east-1", "eu-west-1", "eu-west-1"), Map.of());
        clients = new AwsClients(new Route53RateLimiter(500, System::nanoTime, java.util.concurrent.TimeUnit.NANOSECONDS::sleep));
        AwsTestSupport.devConfig(dir);
    }

    @AfterEach
    void stop() throws Exception {
        clients.close();
        sdk.close();
        aws.close();
    }

    private Drill drill() {
        return new Drill(OperatedEnvironment.read(dir, "dev", Map.of()), new Route53Reader(clients.route53()),
                DrillJournal.of(dir, "dev"), timing, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private int drill(Optional<Integer> timeout, boolean dryRun) {
        return drill().drill(new Drill.Options("eu-west-1", 20, timeout, dryRun));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The check on eu-west-1's latency records: the calculated one, which no alarm watches. */
    private FakeAws.Check rotation() {
        return aws.checks.get("hc-rotation-eu-west-1");
    }

    @Test
    void failoverWithinTheBudgetIsMeasuredFromRoute53sAnswersAndEverythingIsPutBack() {
        aws.dnsDelay = Duration.ofSeconds(60);
        assertEquals(ExitStatus.OK, drill(Optional.empty(), false), output());
        var text = output();
        assertTrue(text.contains("answered by another Region after 60 s; with the 60 s TTL and 60 s ALB keep-alive"
                + " viewers have moved by 180 s, within the budget of " + BUDGET + " s"), text);
        assertTrue(text.contains("every vantage point answered by eu-west-1 again after 60 s"), text);
        // Inverted under the version read, put back under the version after it: never over someone's edit.
        var updates = aws.requests("POST /2013-04-01/healthcheck/hc-rotation-eu-west-1");
        assertEquals(2, updates.size());
        assertTrue(updates.get(0).body().contains("<HealthCheckVersion>1</HealthCheckVersion>"), updates.get(0).body());
        assertTrue(updates.get(0).body().contains("<Inverted>true</Inverted>"));
        assertTrue(updates.get(1).body().contains("<HealthCheckVersion>2</HealthCheckVersion>"), updates.get(1).body());
        assertTrue(updates.get(1).body().contains("<Inverted>false</Inverted>"));
        assertFalse(rotation().inverted);
        assertFalse(Files.exists(DrillJournal.of(dir, "dev").path()));
        // The endpoint check, which the Region's alarm watches (regional/RegionalHealthCheck), is never touched.
        assertTrue(aws.requests("POST /2013-04-01/healthcheck/hc-endpoint").isEmpty());
    }

    @Test
    void failoverSlowerThanTheBudgetExitsNonZero() {
        aws.dnsDelay = Duration.ofSeconds(120);
        assertEquals(ExitStatus.OVER_BUDGET, drill(Optional.empty(), false), output());
        assertTrue(output().contains("viewers have moved by 240 s, OVER the budget of " + BUDGET + " s"), output());
        assertFalse(rotation().inverted);
    }

    @Test
    void failoverThatNeverHappensExitsNonZeroAndStillRestores() {
        aws.dnsDelay = Duration.ofDays(1);
        assertEquals(ExitStatus.OVER_BUDGET, drill(Optional.of(100), false), output());
        assertTrue(output().contains("FAILOVER DID NOT HAPPEN"), output());
        assertFalse(rotation().inverted);
        assertFalse(Files.exists(DrillJournal.of(dir, "dev").path()));
    }

    @Test
    void refusesWhenNoOtherRegionIsHealthyAndServing() {
        aws.checks.get("hc-rotation-us-east-1").threshold = 2;
        var refused = assertThrows(OperationsException.class, () -> drill(Optional.empty(), false));
        assertEquals(ExitStatus.REFUSED, refused.exitStatus());
        assertTrue(refused.getMessage().contains("no Region other than eu-west-1 is healthy and serving"));
        assertTrue(aws.requests("POST /2013-04-01/").isEmpty());
        assertFalse(Files.exists(DrillJournal.of(dir, "dev").path()));
    }

    @Test
    void aSecondDrillRefusesWhileAJournalExists() {
        DrillJournal.of(dir, "dev").create(new DrillJournal.Entry("dev", "eu-west-1", "hc-rotation-eu-west-1", false,
                1, "2026-12-03T11:00:00Z"));
        var refused = assertThrows(OperationsException.class, () -> drill(Optional.empty(), false));
        assertEquals(ExitStatus.REFUSED, refused.exitStatus());
        assertTrue(refused.getMessage().contains("run drill dev --restore first"), refused.getMessage());
        assertTrue(aws.requests.isEmpty());
    }

    @Test
    void aDryRunPrintsEachStepAndChangesNothing() {
        assertEquals(ExitStatus.OK, drill(Optional.empty(), true));
        var text = output();
        assertTrue(text.contains("2. UpdateHealthCheck hc-rotation-eu-west-1 Inverted=true HealthCheckVersion=1"), text);
        assertTrue(text.contains("Dry run: nothing was changed."), text);
        assertTrue(aws.requests("POST /2013-04-01/").isEmpty());
        assertFalse(Files.exists(DrillJournal.of(dir, "dev").path()));
    }

    // UpdateHealthCheck answers 409 HealthCheckVersionMismatch when the check changed since it was read (Route 53
    // API reference, UpdateHealthCheck): the drill stops, and its journal goes, since nothing was changed.
    @Test
    void aConcurrentEditOfTheCheckStopsTheDrillWithNothingChanged() {
        aws.failNext("UpdateHealthCheck", "HealthCheckVersionMismatch");
        var error = assertThrows(Route53Exception.class, () -> drill(Optional.empty(), false));
        assertEquals(409, error.statusCode());
        assertFalse(rotation().inverted);
        assertFalse(Files.exists(DrillJournal.of(dir, "dev").path()));
    }

    @Test
    void restoreFromAJournalPutsTheCheckBackAndDeletesIt() {
        rotation().inverted = true;
        rotation().version = 2;
        DrillJournal.of(dir, "dev").create(new DrillJournal.Entry("dev", "eu-west-1", "hc-rotation-eu-west-1", false,
                1, "2026-12-03T11:00:00Z"));
        assertTrue(drill().restoreFromJournal());
        assertFalse(rotation().inverted);
        assertEquals(3, rotation().version);
        assertFalse(Files.exists(DrillJournal.of(dir, "dev").path()));
    }
}
