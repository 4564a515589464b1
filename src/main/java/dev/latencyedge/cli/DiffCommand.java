package dev.latencyedge.cli;

import dev.latencyedge.diff.PlanDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code diff <base-plan-dir> <head-plan-dir>}: what a change would do, from two sets of plan files. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Compares the plan files of two commits (base, then head) and says what the change would do:"
                + " creations, updates, replacements and deletions, with no credentials.",
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar target/latency-edge.jar diff base-plan plan --format markdown --fail-on delete"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the diff was printed and no gate was hit", "1:unreadable plan files", "2:bad usage",
                "4:a --fail-on gate was hit (a replacement, or a deletion, blocked ones included)"})
final class DiffCommand implements Callable<Integer> {

    /** How the diff is printed. */
    enum Format { text, markdown, json }

    /** The operations a gate can refuse. */
    enum Gate { replace, delete }

    @Parameters(index = "0", paramLabel = "<base-plan-dir>", description = "the plan folder of the base commit")
    private Path base;

    @Parameters(index = "1", paramLabel = "<head-plan-dir>", description = "the plan folder of the head commit")
    private Path head;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text",
            description = "text (default), markdown (for pull requests) or json")
    private Format format;

    @Option(names = "--fail-on", paramLabel = "replace|delete",
            description = "exit with 4 when the change replaces or deletes a resource (repeatable)")
    private List<Gate> failOn = new ArrayList<>();

    private final Terminal terminal;

    DiffCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        var gates = failOn.stream().map(g -> PlanDiff.Op.valueOf(g.name().toUpperCase(Locale.ROOT))).toList();
        return dev.latencyedge.diff.DiffCommand.run(base, head, format.name(), gates, terminal.out(), terminal.err());
    }
}
