package dev.latencyedge.operations;

import com.google.gson.JsonParser;
import dev.latencyedge.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static dev.latencyedge.operations.AwsTestSupport.DEV_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** status and drill through the jar's command line, as a person types them. */
class OperationsCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void statusAndADryRunDrillRunThroughTheCommandLine() throws Exception {
        try (var aws = new FakeAws(Instant::now); var sdk = AwsTestSupport.pointSdkAt(aws)) {
            aws.serve(DEV_NAME, Map.of("us-east-1", "us-east-1", "eu-west-1", "eu-west-1"), Map.of());
            var config = AwsTestSupport.devConfig(dir).toString();
            var environment = AwsTestSupport.fastRoute53(Map.of());
            var status = Cli.run(environment, "status", "dev", "--config-dir", config, "--format=json",
                    "--client-ip", "203.0.113.7");
            assertEquals(ExitStatus.OK, status.status(), status.err());
            var report = JsonParser.parseString(status.out()).getAsJsonObject();
            assertEquals("eu-west-1", report.getAsJsonObject("vantages").getAsJsonObject("eu-west-1")
                    .get("answeredBy").getAsString());

            var drill = Cli.run(environment, "drill", "dev", "--config-dir", config, "--region", "eu-west-1",
                    "--poll-seconds", "5", "--dry-run");
            assertEquals(ExitStatus.OK, drill.status(), drill.err());
            assertTrue(drill.out().contains("every 5 s, up to 420 s"), drill.out());
            assertTrue(aws.requests("POST /2013-04-01/").isEmpty());
            assertFalse(Files.exists(DrillJournal.of(dir, "dev").path()));

            var restore = Cli.run(environment, "drill", "dev", "--config-dir", config, "--restore");
            assertEquals(ExitStatus.OK, restore.status(), restore.err());
            assertTrue(restore.out().contains("nothing to restore"), restore.out());
        }
    }

    @Test
    void drillTakesARegionOrRestoreNeverBothNorNeither() {
        for (var args : new String[][] {{"drill", "dev"}, {"drill", "dev", "--region", "eu-west-1", "--restore"},
                {"drill", "dev", "--region", "eu-west-1", "--poll-seconds", "0"}, {"status", "dev", "--format", "xml"}}) {
            var run = Cli.run(Map.of(), args);
            assertEquals(2, run.status(), String.join(" ", args) + ": " + run.err());
        }
    }
}
