package dev.latencyedge.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every scenario under examples/ plans cleanly, with what its README says it shows. */
class ExamplesTest {

    @ParameterizedTest
    @CsvSource({
            "five-regions, shop, 'ap-southeast-1  -> ap-southeast-1'",
            "active-active, app, DRAINED",
            "forced-routing, portal, 'me-central-1    -> us-east-1'"})
    void plansCleanly(String folder, String env, String shown, @org.junit.jupiter.api.io.TempDir Path out) {
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        var status = dev.latencyedge.Cli.run(java.util.Map.of(), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), "plan", env, "--config-dir", "examples/" + folder,
                "--out", out.toString(), "--no-policy");
        assertEquals(0, status, stderr.toString(StandardCharsets.UTF_8));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains(shown), stdout.toString(StandardCharsets.UTF_8));
    }
}
