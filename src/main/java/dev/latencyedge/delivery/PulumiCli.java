package dev.latencyedge.delivery;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code pulumi} CLI that the Automation API drives. Every command that needs it looks for it before it does
 * or prints anything else, and refuses in one line with the shell's status for a missing command (127).
 */
public final class PulumiCli {

    /** The shell's exit status for "command not found". */
    public static final int MISSING = 127;

    private PulumiCli() {
    }

    /** The CLI on the PATH of this environment, if any. */
    public static Optional<Path> find(Map<String, String> environment) {
        for (var dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pulumi"))) {
                return Optional.of(Path.of(dir, "pulumi"));
            }
        }
        return Optional.empty();
    }

    /** Why a command for environment {@code env} cannot run here, in one line, or empty when the CLI is there. */
    public static Optional<String> refusal(Map<String, String> environment, String env) {
        if (find(environment).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("the pulumi CLI is not on the PATH: install it (https://www.pulumi.com/docs/install/),"
                + " or plan offline with: java -jar target/latency-edge.jar plan " + env);
    }
}
