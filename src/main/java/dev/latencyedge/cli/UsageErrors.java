package dev.latencyedge.cli;

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
        return candidates.stream().filter(c -> c.length() > 2 && distance(word, c) <= Math.max(2, c.length() / 2))
                .min(Comparator.comparingInt(c -> distance(word, c)));
    }

    /** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
    static int distance(String a, String b) {
        var d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
