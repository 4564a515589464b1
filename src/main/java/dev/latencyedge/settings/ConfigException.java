package dev.latencyedge.settings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad configuration, found before any resource is registered. Every problem names the stack, where its
 * configuration was read, the key and the reason.
 */
public final class ConfigException extends RuntimeException {

    /** One thing wrong with one key. */
    public record Problem(String key, String reason) {
        @Override
        public String toString() {
            return key + ": " + reason;
        }
    }

    private final String stackName;
    private final String location;
    private final List<Problem> problems;

    public ConfigException(String stackName, String location, List<Problem> problems) {
        super(format(stackName, location, problems));
        this.stackName = stackName;
        this.location = location;
        this.problems = List.copyOf(problems);
    }

    /** Problems of the project file ({@code Pulumi.yaml}), which belongs to no one stack. */
    public static ConfigException ofProject(String location, List<Problem> problems) {
        return new ConfigException("", location, problems);
    }

    /** The stack, or "" for the project file. */
    public String stackName() {
        return stackName;
    }

    public String location() {
        return location;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String stackName, String location, List<Problem> problems) {
        var head = (stackName.isEmpty() ? "invalid project configuration" : "invalid configuration for stack "
                + stackName) + " (" + location + "):";
        return problems.stream()
                .map(p -> "  " + p)
                .collect(Collectors.joining("\n", head + "\n", ""));
    }
}
