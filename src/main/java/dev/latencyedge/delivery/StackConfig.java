package dev.latencyedge.delivery;

import java.util.Map;
import java.util.Optional;

/**
 * A stack's configuration and deployed outputs, as {@code pulumi config} and {@code pulumi stack output} see
 * them: values are decrypted by the stack's own secrets manager, and a secret is set with
 * {@code pulumi config set --secret} semantics (encrypted into the stack file).
 */
public interface StackConfig {

    /** The plain value of a key, decrypted; empty when unset. */
    Optional<String> config(String stack, String key);

    /** Sets a key as a secret; creates the stack first when it does not exist yet. */
    void setSecret(String stack, String key, String value);

    void removeConfig(String stack, String key);

    /** What the stack's last update exported. */
    Map<String, Object> outputs(String stack);
}
