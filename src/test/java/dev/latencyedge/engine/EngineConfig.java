package dev.latencyedge.engine;

import com.google.gson.Gson;
import dev.latencyedge.stackfiles.Placeholders;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stack's configuration as the CLI hands it to the language host, which passes it on as PULUMI_CONFIG and
 * PULUMI_CONFIG_SECRET_KEYS (pulumi/pulumi-java pkg/cmd/pulumi-language-java/main.go, constructEnv: the RunRequest's
 * config map and secret keys, JSON-encoded). The CLI (pulumi/pulumi sdk/go/common/workspace/config.go, mergeConfig)
 * takes the stack file's values and adds the project's declared default of every key the stack does not set; every
 * value is text, lists and objects as JSON; keys without a namespace belong to the project. Secure values arrive
 * decrypted: here to the stand-in the offline plan uses ({@link Placeholders}), so both doors see one value.
 *
 * @param values     full key -> value
 * @param secretKeys the keys whose values were secure
 */
public record EngineConfig(Map<String, String> values, List<String> secretKeys) {

    private static final Gson GSON = new Gson();

    public static EngineConfig of(Path projectDir, String stack) {
        var values = new TreeMap<String, String>();
        var secrets = new TreeSet<String>();
        var project = yaml(projectDir.resolve("Pulumi.yaml"));
        var namespace = String.valueOf(project.get("name"));
        if (yaml(projectDir.resolve("Pulumi." + stack + ".yaml")).get("config") instanceof Map<?, ?> config) {
            config.forEach((k, v) -> {
                var key = k.toString().contains(":") ? k.toString() : namespace + ":" + k;
                if (v instanceof Map<?, ?> secure && secure.size() == 1 && secure.containsKey("secure")) {
                    secrets.add(key);
                    values.put(key, Placeholders.forKey(key));
                } else {
                    values.put(key, text(v));
                }
            });
        }
        if (project.get("config") instanceof Map<?, ?> declared) {
            declared.forEach((k, declaration) -> {
                if (declaration instanceof Map<?, ?> d && d.containsKey("default")) {
                    values.putIfAbsent(k.toString(), text(d.get("default")));
                }
            });
        }
        return new EngineConfig(values, List.copyOf(secrets));
    }

    /** The same configuration with one value set as {@code pulumi config set} would. */
    public EngineConfig with(String key, String value) {
        var changed = new TreeMap<>(values);
        changed.put(key, value);
        return new EngineConfig(changed, secretKeys);
    }

    public String configJson() {
        return GSON.toJson(values);
    }

    public String secretKeysJson() {
        return GSON.toJson(secretKeys);
    }

    private static String text(Object value) {
        return value instanceof Map || value instanceof List ? GSON.toJson(value) : String.valueOf(value);
    }

    private static Map<?, ?> yaml(Path file) {
        try {
            Map<?, ?> loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return loaded == null ? Map.of() : loaded;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
