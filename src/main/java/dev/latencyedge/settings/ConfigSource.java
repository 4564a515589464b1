package dev.latencyedge.settings;

import java.util.Optional;
import java.util.Set;

/**
 * Where a stack's configuration comes from: the Pulumi engine in a real run, a stack file in the offline plan,
 * or a map in tests. Values of structured keys (lists, maps) arrive as JSON text, as the engine passes them.
 */
public interface ConfigSource {

    /** The stack the values belong to, e.g. {@code prod-eu-west-1}. */
    String stackName();

    /** Where the values were read, for error messages, e.g. {@code Pulumi.prod-eu-west-1.yaml}. */
    String location();

    /** The value of a fully qualified key such as {@code latency-edge:drain}, if set. */
    Optional<String> get(String key);

    /** Whether the key was set as a secret. */
    boolean isSecret(String key);

    /**
     * The fully qualified keys the stack sets itself, beside the project's declared defaults: each must be one the
     * program reads for the stack's role, or another package's, so that no setting is silently ignored.
     */
    Set<String> stackKeys();
}
