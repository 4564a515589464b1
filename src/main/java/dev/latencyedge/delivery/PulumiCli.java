package dev.latencyedge.delivery;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The {@code pulumi} CLI that the Automation API drives. Every command that needs it looks for it before it does
 * anything else, says in one line which CLI it found, and refuses in one line when there is none (status 127, the
 * shell's "command not found") or when it is older than the project's pin (status 126, the shell's "found but
 * cannot be run": it is there, but not one this project can use).
 *
 * <p>The pin is {@value #PIN_FILE} in the project directory, one version on one line: the file pulumi/actions
 * installs from in CI ({@code pulumi-version-file}, pulumi/actions src/config.ts, read and trimmed), so CI and
 * people run the same minimum.
 */
public final class PulumiCli {

    /** The shell's exit status for "command not found". */
    public static final int MISSING = 127;
    /** The shell's exit status for a command found but unusable: here, a CLI older than the pin. */
    public static final int TOO_OLD = 126;
    /** The one file that pins the Pulumi CLI for the whole project (CI and local commands). */
    public static final String PIN_FILE = ".pulumi.version";

    /** {@code pulumi version} prints {@code v3.251.0} (pulumi/actions src/libs/pulumi-cli.ts reads it so). */
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)\\S*");

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

    /**
     * Finds the CLI and checks it against the pin: prints which CLI it found on {@code out}, or why it cannot be
     * used on {@code err}, one line either way.
     *
     * @param env the environment the command is for, to suggest the offline plan instead
     * @return 0 when the CLI can be used, {@link #MISSING} or {@link #TOO_OLD} otherwise
     */
    public static int check(Path projectDir, Map<String, String> environment, String env, PrintStream out,
                            PrintStream err) {
        String pinned;
        java.util.regex.Matcher minimum;
        try {
            pinned = pin(projectDir);
            minimum = parse(pinned, projectDir);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println(e.getMessage() + ": it pins the pulumi CLI for this project (one version, e.g. 3.251.0)");
            return 1;
        }
        var cli = find(environment);
        if (cli.isEmpty()) {
            err.println("the pulumi CLI is not on the PATH: install version " + pinned + " or later"
                    + " (https://www.pulumi.com/docs/install/), or plan offline with: java -jar"
                    + " target/latency-edge.jar plan " + env);
            return MISSING;
        }
        var printed = version(cli.get(), environment);
        var found = VERSION.matcher(printed);
        if (!found.matches()) {
            err.println("the pulumi CLI at " + cli.get() + " did not print its version (`pulumi version` said: "
                    + printed + "); this project needs " + pinned + " or later (" + PIN_FILE + ")");
            return TOO_OLD;
        }
        if (compare(found, minimum) < 0) {
            err.println("the pulumi CLI at " + cli.get() + " is " + printed + ", older than " + pinned
                    + " pinned in " + PIN_FILE + ": upgrade it (https://www.pulumi.com/docs/install/)");
            return TOO_OLD;
        }
        out.println("using the pulumi CLI " + printed + " at " + cli.get() + " (pinned: " + pinned + " or later)");
        return 0;
    }

    /** The pinned version, as {@value #PIN_FILE} holds it. */
    static String pin(Path projectDir) {
        try {
            return Files.readString(projectDir.resolve(PIN_FILE), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + projectDir.resolve(PIN_FILE), e);
        }
    }

    private static java.util.regex.Matcher parse(String pinned, Path projectDir) {
        var matcher = VERSION.matcher(pinned);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(projectDir.resolve(PIN_FILE) + ": not a version: " + pinned);
        }
        return matcher;
    }

    private static int compare(java.util.regex.Matcher found, java.util.regex.Matcher pinned) {
        for (int group = 1; group <= 3; group++) {
            var order = Long.compare(Long.parseLong(found.group(group)), Long.parseLong(pinned.group(group)));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** What {@code pulumi version} prints, stripped; empty when it cannot run or takes too long. */
    private static String version(Path cli, Map<String, String> environment) {
        var process = new ProcessBuilder(cli.toString(), "version").redirectErrorStream(true);
        process.environment().clear();
        process.environment().putAll(environment);
        try {
            var running = process.start();
            running.getOutputStream().close();
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                return "";
            }
            var text = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            // An upgrade notice may follow the version; a failure's message is shown whole, on one line.
            return running.exitValue() == 0
                    ? text.lines().filter(l -> VERSION.matcher(l).matches()).findFirst().orElse(text.replace('\n', ' '))
                    : text.replace('\n', ' ');
        } catch (IOException e) {
            return String.valueOf(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
