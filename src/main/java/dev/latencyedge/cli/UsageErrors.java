package dev.latencyedge.cli;

import dev.latencyedge.settings.EditDistance;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Bad usage in a few lines: what was wrong, the nearest valid option or command where one is near, and where the
 * help is; exit status 2. picocli's own suggestions miss a misspelt option such as {@code --polcy}; an edit
 * distance finds it.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        var commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched) {
            unmatched.getUnmatched().stream().findFirst().flatMap(typed -> nearest(commandLine, typed))
                    .ifPresent(near -> err.println("Did you mean " + near + "?"));
        }
        err.println("Usage: " + commandLine.getHelp().synopsis(0).strip().replaceAll("\\s+", " ").replaceFirst("^latency-edge",
                "java -jar target/latency-edge.jar"));
        err.println("See: java -jar target/latency-edge.jar "
                + commandLine.getCommandSpec().qualifiedName().replaceFirst("^latency-edge ?", "")
                + (commandLine.getParent() == null ? "" : " ") + "--help");
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The option or subcommand of this command nearest to what was typed, if it is near enough to be a typo. */
    static Optional<String> nearest(CommandLine commandLine, String typed) {
        var spec = commandLine.getCommandSpec();
        var candidates = new ArrayList<String>();
        var word = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        if (word.startsWith("-")) {
            spec.options().forEach(o -> candidates.addAll(List.of(o.names())));
        } else {
            candidates.addAll(spec.subcommands().keySet());
        }
        return candidates.stream().filter(c -> c.length() > 2 && EditDistance.between(word, c) <= Math.max(2, c.length() / 2))
                .min(Comparator.comparingInt(c -> EditDistance.between(word, c)));
    }
}
