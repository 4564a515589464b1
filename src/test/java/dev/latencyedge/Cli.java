package dev.latencyedge;

import dev.latencyedge.cli.LatencyEdgeCommand;
import dev.latencyedge.cli.Terminal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the jar's command line in this JVM, through the same entry {@code Main} hands over to. */
public final class Cli {

    /** A run's exit status and what it printed. */
    public record Run(int status, String out, String err) {
    }

    private Cli() {
    }

    /** With the real delivery services, writing to the given streams. */
    public static int run(Map<String, String> environment, PrintStream out, PrintStream err, String... args) {
        return LatencyEdgeCommand.execute(args, new Terminal(environment, out, err,
                Terminal.Services.real(environment, out, err)));
    }

    /** With the given delivery services (test doubles), writing to the given streams. */
    public static int run(Terminal.Services services, Map<String, String> environment, PrintStream out,
                          PrintStream err, String... args) {
        return LatencyEdgeCommand.execute(args, new Terminal(environment, out, err, services));
    }

    /** With the real delivery services, capturing what it prints. */
    public static Run run(Map<String, String> environment, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var status = run(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code prefix} then {@code args}: a command word before the arguments a test already has. */
    public static String[] with(String prefix, String... args) {
        var all = new String[args.length + 1];
        all[0] = prefix;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
