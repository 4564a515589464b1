package dev.latencyedge.plan;

import dev.latencyedge.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One plan run reports every problem of every file of the environment, each under its file, once. */
class ConfigurationProblemsTest {

    private static void edit(Path file, String from, String to) throws IOException {
        var text = Files.readString(file);
        assertTrue(text.contains(from), file + " has no " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void append(Path file, String lines) throws IOException {
        Files.writeString(file, Files.readString(file) + lines);
    }

    private static String problems(Path project) {
        return assertThrows(PlanException.class, () -> EnvironmentPlan.evaluate(project, "dev")).getMessage();
    }

    @Test
    void everyStacksProblemsAreReportedTogetherGroupedByFile(@TempDir Path work) throws IOException {
        var project = Fixtures.copyProject(work);
        append(project.resolve("Pulumi.dev.yaml"), "  latency-edge:clusterName: dev\n");
        append(project.resolve("Pulumi.dev-us-east-1.yaml"), "  latency-edge:drian: true\n");
        edit(project.resolve("Pulumi.dev-eu-west-1.yaml"), "  latency-edge:zone: example.com\n", "");

        var err = new ByteArrayOutputStream();
        var status = dev.latencyedge.Cli.run(Map.of(), new PrintStream(java.io.OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), "plan", "dev", "--config-dir", project.toString(), "--out",
                work.resolve("out").toString(), "--no-policy");
        var message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, message);
        assertFalse(Files.exists(work.resolve("out")), "nothing is written for bad configuration");

        var global = message.indexOf("invalid configuration for stack dev (" + project.resolve("Pulumi.dev.yaml"));
        var usEast1 = message.indexOf("invalid configuration for stack dev-us-east-1 ("
                + project.resolve("Pulumi.dev-us-east-1.yaml"));
        var euWest1 = message.indexOf("invalid configuration for stack dev-eu-west-1 ("
                + project.resolve("Pulumi.dev-eu-west-1.yaml"));
        assertTrue(global >= 0 && usEast1 > global && euWest1 > usEast1, message);
        assertTrue(message.substring(global, usEast1).contains("latency-edge:clusterName: is read only by regional"
                + " stacks"), message);
        assertTrue(message.substring(usEast1, euWest1).contains("latency-edge:drian: is not a key the program reads,"
                + " so it would be ignored; did you mean `latency-edge:drain`?"), message);
        var euWest1Problems = message.substring(euWest1);
        assertTrue(euWest1Problems.contains("latency-edge:zone: is required"), message);
        // The missing zone is the one problem: no origin.<zone> derived from it is reported too.
        assertEquals(2, euWest1Problems.lines().count(), message);
    }

    @Test
    void everyEnvironmentsProblemsAreReportedTogether(@TempDir Path work) throws IOException {
        var project = Fixtures.copyProject(work);
        append(project.resolve("Pulumi.dev-eu-west-1.yaml"), "  latency-edge:drian: true\n");
        append(project.resolve("Pulumi.prod.yaml"), "  latency-edge:priceClas: PriceClass_100\n");
        var message = assertThrows(PlanException.class, () -> EnvironmentPlan.evaluate(project,
                List.of("dev", "prod"), Optional.empty())).getMessage();
        assertTrue(message.contains("stack dev-eu-west-1 (") && message.contains("latency-edge:drian:"), message);
        assertTrue(message.contains("stack prod (") && message.contains("latency-edge:priceClas:"), message);
    }

    /** The parser's reason and where it found it; SnakeYAML counts lines and columns from 0, the message from 1. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a tab where YAML wants spaces
            "'  latency-edge:zone: example.com\n'|'\tlatency-edge:zone: example.com\n'|:5:1: found character '\\t(TAB)' that cannot start any token",
            // one space too many: the line continues the previous value, where ': ' cannot appear
            "'  latency-edge:zone: example.com\n'|'   latency-edge:zone: example.com\n'|:5:21: mapping values are not allowed here",
            // no ':' after the key
            "'  latency-edge:zone: example.com\n'|'  latency-edge:zone example.com\n'|:6:3: could not find expected ':' (while scanning a simple key that starts at line 5, column 3)",
            // a quote never closed
            "'  latency-edge:zone: example.com\n'|'  latency-edge:zone: \"example.com\n'|found unexpected end of stream (while scanning a quoted scalar that starts at line 5, column 22)",
            // a key given twice (the CLI's parser refuses it too; SnakeYAML would keep the last)
            "'  latency-edge:zone: example.com\n'|'  latency-edge:zone: example.com\n  latency-edge:zone: example.org\n'|:6:3: found duplicate key latency-edge:zone"})
    void aYamlErrorNamesFileLineColumnAndTheParsersReason(String from, String to, String expected, @TempDir Path work)
            throws IOException {
        var project = Fixtures.copyProject(work);
        var file = project.resolve("Pulumi.dev-eu-west-1.yaml");
        edit(file, from, to);
        append(project.resolve("Pulumi.dev-us-east-1.yaml"), "  latency-edge:drian: true\n");
        var message = problems(project);
        assertTrue(message.contains(file + (expected.startsWith(":") ? "" : ":")), message);
        assertTrue(message.contains(expected), message);
        assertTrue(message.contains("latency-edge:drian"), "the other stack's problem is reported too: " + message);
    }

    @Test
    void aKeyPulumiYamlDeclaresThatNoStackReadsIsRefused(@TempDir Path work) throws IOException {
        var project = Fixtures.copyProject(work);
        append(project.resolve("Pulumi.yaml"), "  drian:\n    type: boolean\n    default: false\n");
        var message = problems(project);
        assertTrue(message.startsWith("invalid project configuration (" + project.resolve("Pulumi.yaml") + "):\n"
                + "  latency-edge:drian: is not a key the program reads, so it would be ignored; did you mean"
                + " `latency-edge:drain`?"), message);
    }

    @Test
    void pulumiYamlsDefaultsOfTheOtherRoleAreNotAStacksOwnKeys(@TempDir Path work) throws IOException {
        var project = Fixtures.copyProject(work);
        // Pulumi.yaml (copied with the stack files) gives every stack the defaults of both roles' keys.
        assertTrue(Files.readString(project.resolve("Pulumi.yaml")).contains("latency-edge:priceClass:"));
        var plan = EnvironmentPlan.evaluate(project, "dev");
        assertEquals(3, plan.stacks().size());
    }
}
