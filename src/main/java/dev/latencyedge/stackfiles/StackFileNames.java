package dev.latencyedge.stackfiles;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CLI's stack file names, {@code Pulumi.<stack>.yaml}; {@code Pulumi.yaml} is the project and
 * {@code Pulumi.<env>.deploy.yaml} our deployment settings. Kept apart from {@link StackFile} so the launching JVM
 * can use it without the YAML library.
 */
public final class StackFileNames {

    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.([A-Za-z0-9_.-]+)\\.yaml");

    private StackFileNames() {
    }

    /** The file that holds {@code stack}'s configuration. */
    public static String of(String stack) {
        return "Pulumi." + stack + ".yaml";
    }

    /** The file that holds {@code stack}'s deployment settings (ours, beside the CLI's). */
    public static String deployFile(String stack) {
        return "Pulumi." + stack + ".deploy.yaml";
    }

    /** The stack a file in a config directory holds, if it is a stack file. */
    public static Optional<String> stack(String fileName) {
        var match = STACK_FILE.matcher(fileName);
        return match.matches() && !fileName.endsWith(".deploy.yaml") ? Optional.of(match.group(1)) : Optional.empty();
    }
}
