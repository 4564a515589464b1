package dev.latencyedge.settings;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Configuration as the Pulumi engine hands it to the program. Secret values arrive decrypted; which keys were
 * secrets comes from the deployment, because the public Config API does not say (pulumi/pulumi#7127).
 *
 * <p>The engine gives the program every key of the stack, with the project's declared defaults merged in
 * (pulumi/pulumi sdk/go/common/workspace/config.go, mergeConfig), as the JSON object in {@code PULUMI_CONFIG}
 * (pulumi-java pkg/cmd/pulumi-language-java/main.go, constructEnv); the SDK keeps that map private, so it is read
 * here with the SDK's own parser. A key the stack sets itself is one whose value is not the project's.
 */
public final class PulumiConfigSource implements ConfigSource {

    /** The variable the Java language host passes the stack's configuration in. */
    public static final String CONFIG_VARIABLE = "PULUMI_CONFIG";

    private final String stackName;
    private final Map<String, String> config;
    private final Predicate<String> secret;
    private final Map<String, String> projectValues;

    /**
     * @param config        every key the engine passes, as the SDK parsed it
     * @param projectValues Pulumi.yaml's value of each key it gives every stack, as the engine passes it
     */
    public PulumiConfigSource(String stackName, Map<String, String> config, Predicate<String> secret,
                              Map<String, String> projectValues) {
        this.stackName = stackName;
        this.config = Map.copyOf(config);
        this.secret = secret;
        this.projectValues = Map.copyOf(projectValues);
    }

    /** The running deployment's configuration. */
    public static PulumiConfigSource fromEngine(Context ctx, Map<String, String> projectValues,
                                                Map<String, String> environment) {
        var json = environment.getOrDefault(CONFIG_VARIABLE, "{}");
        return new PulumiConfigSource(ctx.stackName(), DeploymentImpl.Config.parseConfig(json),
                DeploymentInternal.getInstance()::isConfigSecret, projectValues);
    }

    @Override
    public String stackName() {
        return stackName;
    }

    @Override
    public String location() {
        return "Pulumi." + stackName + ".yaml";
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(config.get(key));
    }

    @Override
    public boolean isSecret(String key) {
        return secret.test(key);
    }

    @Override
    public Set<String> stackKeys() {
        var keys = new LinkedHashSet<String>();
        config.forEach((key, value) -> {
            var project = projectValues.get(key);
            if (project == null || !sameValue(project, value)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** Equal as the engine's text: JSON values compared as JSON (the engine's encoder is not Gson). */
    private static boolean sameValue(String project, String engine) {
        if (project.equals(engine)) {
            return true;
        }
        try {
            return Objects.equals(JsonParser.parseString(project), JsonParser.parseString(engine));
        } catch (JsonParseException e) {
            return false;
        }
    }
}
