package dev.latencyedge.diff;

import dev.latencyedge.Fixtures;
import dev.latencyedge.plan.PlanCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The markdown diff shows the head's picture of each changed environment, with what the change touches marked. */
class ChangePictureTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static void plan(Path project, Path out) {
        assertEquals(0, dev.latencyedge.Cli.run(Map.of(), QUIET, QUIET, "plan", "dev", "--config-dir",
                project.toString(), "--out", out.toString(), "--no-policy"));
    }

    /** Plans dev into work/base, then with us-east-1 drained into work/head. */
    private static void planDrainingUsEast1(Path work) throws IOException {
        var project = Fixtures.copyProject(work.resolve("project"));
        plan(project, work.resolve("base"));
        var usEast1 = project.resolve("Pulumi.dev-us-east-1.yaml");
        Files.writeString(usEast1, Files.readString(usEast1) + "  latency-edge:drain: true\n");
        plan(project, work.resolve("head"));
    }

    private static String markdown(Path base, Path head) {
        var out = new ByteArrayOutputStream();
        assertEquals(0, dev.latencyedge.Cli.run(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), QUIET,
                "diff", base.toString(), head.toString(), "--format", "markdown"));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void drainingARegionMarksItsHealthCheckOnTheHeadsPicture(@TempDir Path work) throws IOException {
        planDrainingUsEast1(work);

        var markdown = markdown(work.resolve("base"), work.resolve("head"));
        var start = markdown.indexOf("```mermaid\n") + "```mermaid\n".length();
        assertTrue(start > "```mermaid\n".length(), markdown);
        var block = markdown.substring(start, markdown.indexOf("```\n", start));
        var head = Files.readString(work.resolve("head").resolve("dev.mmd"));
        assertEquals(head + "    classDef changed stroke:#d73a49,stroke-width:4px\n"
                + "    class check_us_east_1 changed\n", block);
        assertTrue(head.contains("region_us_east_1[\"us-east-1 (drained)"), head);
        assertTrue(markdown.contains("\ndev after this change (what it changes is outlined in red):\n\n```mermaid\n"),
                markdown);
    }

    @Test
    void aHeadFolderWithoutAPictureGetsNone(@TempDir Path work) throws IOException {
        planDrainingUsEast1(work);
        Files.delete(work.resolve("head").resolve("dev.mmd"));

        var markdown = markdown(work.resolve("base"), work.resolve("head"));
        assertTrue(markdown.contains("`us-east-1-rotation`"), markdown);
        assertFalse(markdown.contains("mermaid"), markdown);
    }
}
