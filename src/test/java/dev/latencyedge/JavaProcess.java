package dev.latencyedge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs this JDK's {@code java} in a separate process, for tests of how the program starts. */
public final class JavaProcess {

    private JavaProcess() {
    }

    /**
     * Runs {@code java args}, asserts it ends within the timeout with status 0, and returns its combined output.
     * The relaunch switch is cleared so the child starts the way a user's {@code java -jar} does.
     */
    public static String run(List<String> args, int timeoutSeconds) throws Exception {
        var result = runWithStatus(args, timeoutSeconds);
        assertEquals(0, result.status(), String.join(" ", args) + "\n" + result.output());
        return result.output();
    }

    /** A file's text, for streams of files. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a process printed (standard output and error together) and how it ended. */
    public record Result(int status, String output) {
    }

    /** Runs {@code java args}, asserts it ends within the timeout, and returns its status and output. */
    public static Result runWithStatus(List<String> args, int timeoutSeconds) throws Exception {
        return runWithStatus(args, Map.of(), timeoutSeconds);
    }

    /** As {@link #runWithStatus(List, int)}, with these variables added to the environment. */
    public static Result runWithStatus(List<String> args, Map<String, String> environment, int timeoutSeconds)
            throws Exception {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("LATENCY_EDGE_NO_RELAUNCH");
        builder.environment().putAll(environment);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), output);
        return new Result(process.exitValue(), output);
    }
}
