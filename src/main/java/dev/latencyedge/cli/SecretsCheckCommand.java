package dev.latencyedge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code secrets check <env|stack>}. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Refuses, in one line naming the stacks, while a stack's secret is still the committed"
                + " placeholder (every preview and up of it would fail before the program runs). Needs no pulumi CLI.",
        footerHeading = "%nExample:%n", footer = "  java -jar target/latency-edge.jar secrets check prod",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:every secret is set",
                "1:a secret is still a placeholder, or the stack files are unreadable", "2:bad usage"})
final class SecretsCheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<env|stack>", description = "an environment (all its stacks) or one stack")
    private String name;

    @Mixin
    private ConfigDirOption configDir;

    private final Terminal terminal;

    SecretsCheckCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        return terminal.services().secrets(configDir.path).run("check", name, List.of());
    }
}
