package dev.latencyedge.operations;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.latencyedge.operations.AwsTestSupport.DEV_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar (its shaded SDK, its HTTP client) against the loopback Route 53 and CloudWatch, pointed at
 * through AWS_ENDPOINT_URL_ROUTE_53 and AWS_ENDPOINT_URL_CLOUDWATCH only; a drill of the jar killed with SIGTERM
 * puts the check back.
 */
class OperationsJarIT {

    private static final Path JAR = Path.of("target", "latency-edge.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private Process jar(FakeAws aws, Path log, String... args) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(AwsTestSupport.fastRoute53(aws.environment()));
        return builder.start();
    }

    @Test
    void statusThroughTheJarReadsRoute53AndCloudWatchFromTheStandardEndpointVariables() throws Exception {
        try (var aws = new FakeAws(Instant::now)) {
            aws.serve(DEV_NAME, Map.of("us-east-1", "us-east-1", "eu-west-1", "eu-west-1"), Map.of());
            aws.metricValues.put("Requests", List.of(42.0));
            var log = dir.resolve("status.log");
            var status = jar(aws, log, "status", "dev", "--config-dir", AwsTestSupport.devConfig(dir).toString(),
                    "--format", "json");
            assertTrue(status.waitFor(120, TimeUnit.SECONDS));
            var output = Files.readString(log);
            assertEquals(0, status.exitValue(), output);
            assertFalse(output.contains("SLF4J"), output);
            var report = JsonParser.parseString(output).getAsJsonObject();
            assertTrue(report.getAsJsonObject("regions").getAsJsonObject("eu-west-1").get("healthy").getAsBoolean());
            assertEquals(42.0, report.getAsJsonObject("metrics").getAsJsonObject("cloudfront").get("requests")
                    .getAsDouble());
        }
    }

    @Test
    void aDrillOfTheJarKilledWithSigtermPutsTheCheckBack() throws Exception {
        try (var aws = new FakeAws(Instant::now)) {
            aws.serve(DEV_NAME, Map.of("us-east-1", "us-east-1", "eu-west-1", "eu-west-1"), Map.of());
            aws.dnsDelay = Duration.ofDays(1);
            var log = dir.resolve("drill.log");
            var drill = jar(aws, log, "drill", "dev", "--config-dir", AwsTestSupport.devConfig(dir).toString(),
                    "--region", "eu-west-1", "--poll-seconds", "1", "--timeout", "120");
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!aws.checks.get("hc-rotation-eu-west-1").inverted) {
                assertTrue(drill.isAlive() && System.nanoTime() < deadline, Files.readString(log));
                Thread.sleep(50);
            }
            drill.destroy();
            assertTrue(drill.waitFor(30, TimeUnit.SECONDS));
            assertFalse(aws.checks.get("hc-rotation-eu-west-1").inverted, Files.readString(log));
            assertFalse(Files.exists(DrillJournal.of(dir, "dev").path()), Files.readString(log));
        }
    }
}
