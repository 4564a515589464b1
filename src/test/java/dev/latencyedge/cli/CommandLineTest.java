package dev.latencyedge.cli;

import dev.latencyedge.Cli;
import dev.latencyedge.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line through the entry {@code Main} hands over to: help, version, usage errors, missing tools. */
class CommandLineTest {

    /** Every command and subcommand, as typed after the jar. */
    static List<String> commands() {
        var all = new ArrayList<String>();
        collect(root().getSubcommands(), "", all);
        return all;
    }

    private static void collect(Map<String, CommandLine> commands, String prefix, List<String> all) {
        commands.forEach((word, command) -> {
            all.add(prefix + word);
            collect(command.getSubcommands(), prefix + word + " ", all);
        });
    }

    private static CommandLine root() {
        return LatencyEdgeCommand.commandLine(new Terminal(Map.of(), System.out, System.err, null));
    }

    /** Each runnable command's synopsis, as the README's command-line block shows them. */
    static String synopses() {
        var text = new StringBuilder();
        for (var command : commands()) {
            var commandLine = root();
            for (var word : command.split(" ")) {
                commandLine = commandLine.getSubcommands().get(word);
            }
            if (commandLine.getSubcommands().isEmpty()) {
                text.append(commandLine.getHelp().synopsis(0).strip().replaceAll("\\s+", " ")
                        .replaceFirst("^latency-edge", "java -jar target/latency-edge.jar")).append('\n');
            }
        }
        return text.toString();
    }

    /** The README and --help agree: its command-line block is what picocli prints. */
    @Test
    void theReadmeShowsEverySynopsisAsHelpPrintsIt() throws IOException {
        var readme = Files.readString(Path.of("README.md"));
        var start = readme.indexOf("<!-- synopses: CommandLineTest -->\n```text\n");
        assertTrue(start >= 0, "the README's command-line block");
        var body = readme.substring(readme.indexOf("```text\n", start) + 8);
        assertEquals(synopses(), body.substring(0, body.indexOf("```")));
    }

    @Test
    void everyCommandExistingTodayIsThere() {
        assertTrue(commands().containsAll(List.of("plan", "diff", "preview", "up", "destroy", "secrets",
                "secrets check", "secrets init", "secrets rotate", "deployments", "deployments apply",
                "deployments diff", "deployments deployer")), commands().toString());
    }

    @Test
    void everyCommandAnswersHelpWithADescriptionItsOptionsAnExampleAndItsExitStatuses() {
        for (var command : commands()) {
            var args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            var run = Cli.run(Map.of(), args.toArray(String[]::new));
            assertEquals(0, run.status(), command + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: latency-edge " + command), run.out());
            assertTrue(run.out().contains("--help"), command + " lists its options:\n" + run.out());
            assertTrue(run.out().contains("Example"), command + " shows an example:\n" + run.out());
            assertTrue(run.out().contains("Exit status:"), command + " lists its exit statuses:\n" + run.out());
            assertTrue(run.out().contains("java -jar target/latency-edge.jar " + command.split(" ")[0]),
                    command + ": the example is a real command line:\n" + run.out());
        }
    }

    @Test
    void versionNamesTheProjectsVersionAndTheCommit() {
        var run = Cli.run(Map.of(), "--version");
        assertEquals(0, run.status());
        assertTrue(run.out().matches("latency-edge \\S+ \\(commit \\S+\\)\\n"), run.out());
        assertEquals(run.out(), Cli.run(Map.of(), "plan", "--version").out(), "every command says the same");
    }

    @Test
    void anUnknownCommandIsNamedWithTheNearestOneAndStatus2() {
        var run = Cli.run(Map.of(), "pln", "dev");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("'pln'"), run.err());
        assertTrue(run.err().contains("Did you mean plan?"), run.err());
        var sub = Cli.run(Map.of(), "secrets", "int", "dev");
        assertEquals(2, sub.status());
        assertTrue(sub.err().contains("Did you mean init?"), sub.err());
    }

    @Test
    void anUnknownOptionIsNamedWithTheNearestOneAndStatus2() {
        var run = Cli.run(Map.of(), "plan", "dev", "--polcy");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("Unknown option: '--polcy'\nDid you mean --no-policy?\n"), run.err());
        assertTrue(run.err().contains("See: java -jar target/latency-edge.jar plan --help"), run.err());
        var far = Cli.run(Map.of(), "plan", "dev", "--colour");
        assertEquals(2, far.status());
        assertTrue(!far.err().contains("Did you mean"), "nothing near, nothing suggested: " + far.err());
        assertEquals(2, Cli.run(Map.of(), "diff", "a", "b", "--format", "yaml").status());
        assertEquals(2, Cli.run(Map.of(), "diff", "a", "b", "--fail-on", "update").status());
        assertEquals(2, Cli.run(Map.of(), "plan").status(), "an environment or --all");
        assertEquals(2, Cli.run(Map.of(), "plan", "dev", "--all").status(), "not both");
    }

    @Test
    void optionsTakeTheirValueEitherWay(@TempDir Path tmp) throws IOException {
        var project = Fixtures.copyProject(tmp.resolve("project"));
        var spaced = Cli.run(Map.of(), "deployments", "deployer", "prod", "--config-dir", project.toString());
        var joined = Cli.run(Map.of(), "deployments", "deployer", "prod", "--config-dir=" + project);
        assertEquals(0, joined.status(), joined.err());
        assertEquals("github-actions\n", joined.out());
        assertEquals(spaced, joined);
        // The folder is the one named, not the current one.
        Files.writeString(project.resolve("Pulumi.prod.deploy.yaml"), Files.readString(
                project.resolve("Pulumi.prod.deploy.yaml")).replace("deployer: github-actions",
                "deployer: pulumi-deployments"));
        assertEquals("pulumi-deployments\n", Cli.run(Map.of(), "deployments", "deployer", "prod",
                "--config-dir=" + project).out());
    }

    /** The jar started with no command outside the engine (no PULUMI_MONITOR) says what it is, in one line. */
    @Test
    void withNoCommandOutsideTheEngineItSaysHowToRunIt() {
        var run = Cli.run(Map.of("PATH", "/usr/bin"), new String[0]);
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals(LatencyEdgeCommand.NOT_UNDER_THE_ENGINE + "\n", run.err());
    }

    /** Every command that needs the pulumi CLI looks for it before it does or prints anything else. */
    @ParameterizedTest
    @ValueSource(strings = {"preview dev", "up dev --parallel 2", "destroy dev", "secrets init dev",
            "secrets rotate prod --policy-pack policy"})
    void withoutThePulumiCliItRefusesInOneLineWithStatus127BeforeAnythingElse(String command, @TempDir Path empty) {
        var run = Cli.run(Map.of("PATH", empty.toString()), command.split(" "));
        assertEquals(127, run.status(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("the pulumi CLI is not on the PATH: install version "), run.err());
    }

    @Test
    void secretsCheckNeedsNoCliAndNamesThePlaceholderStacks(@TempDir Path empty) {
        var run = Cli.run(Map.of("PATH", empty.toString()), "secrets", "check", "dev");
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("secrets are still placeholders in dev-us-east-1"), run.err());
    }

    @Test
    void completionPrintsAScriptForEveryCommand() {
        var run = Cli.run(Map.of(), "completion");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("complete -F _complete_latency-edge"), run.out().lines().limit(5).toList()
                .toString());
        for (var command : List.of("plan", "diff", "preview", "up", "destroy", "secrets", "deployments")) {
            assertTrue(run.out().contains(command), command);
        }
        assertTrue(run.out().contains("--policy-pack") && run.out().contains("--config-dir"));
    }
}
