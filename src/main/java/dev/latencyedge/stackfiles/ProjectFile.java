package dev.latencyedge.stackfiles;

import com.google.gson.Gson;
import dev.latencyedge.settings.ConfigException;
import dev.latencyedge.settings.ConfigKeys;
import dev.latencyedge.settings.UnreadKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's configuration in {@code Pulumi.yaml}: the value the engine gives every stack that does not set a
 * key itself (a declaration's {@code default}, else its {@code value}, or a plain project-level value), and the
 * declared keys the program would not read, refused as a stack's are.
 *
 * @param values   key -> the text the engine passes programs (JSON for lists and maps)
 * @param problems keys of our namespace (or one a typo away) that neither role reads
 */
public record ProjectFile(Path path, Map<String, String> values, List<ConfigException.Problem> problems) {

    private static final Gson GSON = new Gson();
    /** The fields of a declaration (pulumi/pulumi sdk/go/common/workspace/project.go, ProjectConfigType). */
    private static final Set<String> DECLARATION_FIELDS = Set.of("type", "description", "default", "value", "secret",
            "items");

    public ProjectFile {
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
    }

    /** Reads {@code DIR/Pulumi.yaml}; a directory without one has no project values. */
    public static ProjectFile read(Path directory) {
        var path = directory.resolve("Pulumi.yaml");
        var values = new LinkedHashMap<String, String>();
        if (!Files.isRegularFile(path)) {
            return new ProjectFile(path, values, List.of());
        }
        var declared = new java.util.ArrayList<String>();
        if (YamlDocument.read(path).get("config") instanceof Map<?, ?> config) {
            config.forEach((rawKey, entry) -> {
                // A key without a namespace is the project's, whose name is our namespace.
                var key = qualified(String.valueOf(rawKey));
                declared.add(key);
                projectValue(entry).ifPresent(value -> values.put(key, text(value)));
            });
        }
        return new ProjectFile(path, values, UnreadKeys.problems(declared, Optional.empty()));
    }

    /** The problems as one error naming the file, if there are any. */
    public Optional<ConfigException> error() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(ConfigException.ofProject(path.toString(), problems));
    }

    static String qualified(String key) {
        return key.contains(":") ? key : ConfigKeys.NAMESPACE + ":" + key;
    }

    /** What the engine applies to a stack that does not set the key (workspace/config.go, mergeConfig). */
    private static Optional<Object> projectValue(Object entry) {
        if (entry instanceof Map<?, ?> map && !map.isEmpty() && DECLARATION_FIELDS.containsAll(map.keySet())) {
            if (map.containsKey("default")) {
                return Optional.ofNullable(map.get("default"));
            }
            return Optional.ofNullable(map.get("value"));
        }
        return Optional.ofNullable(entry);
    }

    /** The engine passes scalars as their text and structured values as JSON. */
    static String text(Object value) {
        if (value instanceof Map || value instanceof List) {
            return GSON.toJson(value);
        }
        return value == null ? "" : String.valueOf(value);
    }
}
