package dev.latencyedge.plan;

import com.pulumi.test.PulumiTest;
import dev.latencyedge.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.latencyedge.Fixtures.global;
import static dev.latencyedge.Fixtures.regional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pictures parse with Mermaid's own parser ({@code mermaid.parse}, run by {@code src/test/mermaid/check.mjs}),
 * so GitHub draws them instead of an error box. Mermaid weighs 170 MB installed, so the check is not part of the
 * build: {@code npm --prefix src/test/mermaid ci} turns it on; without it these tests are skipped, saying so.
 */
class MermaidSyntaxTest {

    private static final Path CHECKER = Path.of("src", "test", "mermaid");

    @BeforeAll
    static void mermaidIsInstalled() {
        Assumptions.assumeTrue(Files.isDirectory(CHECKER.resolve("node_modules").resolve("mermaid")),
                "Mermaid is not installed: npm --prefix src/test/mermaid ci checks the pictures' syntax");
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** Mermaid's verdict per file: "ok <file>" or "error <file>: <message>". */
    private static List<String> parse(List<Path> files) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("node", CHECKER.resolve("check.mjs").toString()));
        files.forEach(f -> command.add(f.toString()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        return output.lines().toList();
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void thePicturesOfEveryKindOfEnvironmentParse(@TempDir Path dir) throws IOException, InterruptedException {
        var drainedAndOverridden = EnvironmentPicture.render(Fixtures.plan(global("prod", "eu-west-1", "us-east-1")
                        .set("latency-edge:routingOverrides", "{\"me-south-1\":\"us-east-1\"}"),
                regional("prod", "eu-west-1").set("latency-edge:drain", "true"), regional("prod", "us-east-1")));
        var files = List.of(
                write(dir, "dev.mmd", EnvironmentPicture.render(EnvironmentPlan.evaluate(Path.of("."), "dev"))),
                write(dir, "prod.mmd", EnvironmentPicture.render(EnvironmentPlan.evaluate(Path.of("."), "prod"))),
                write(dir, "drained.mmd", drainedAndOverridden),
                write(dir, "changed.mmd", EnvironmentPicture.withChanged(drainedAndOverridden,
                        List.of("cdn", "check_eu_west_1", "label_me_south_1"))),
                write(dir, "escaped.mmd", "flowchart LR\n    a[\"" + EnvironmentPicture.text("say \"hi\" #1 <b>")
                        + "\"]\n"));
        var verdicts = parse(files);
        assertEquals(files.stream().map(f -> "ok " + f).toList(), verdicts);
    }

    @Test
    void theCheckRefusesWhatMermaidCannotParse(@TempDir Path dir) throws IOException, InterruptedException {
        // An unquoted label holding a bracket: why the picture quotes every label.
        var unquoted = write(dir, "unquoted.mmd", "flowchart LR\n    a[x]] --> b\n");
        var verdicts = parse(List.of(unquoted));
        assertEquals(1, verdicts.size(), verdicts.toString());
        assertTrue(verdicts.get(0).startsWith("error " + unquoted + ": Parse error"), verdicts.toString());
    }
}
