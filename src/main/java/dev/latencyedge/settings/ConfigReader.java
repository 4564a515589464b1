package dev.latencyedge.settings;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reads over a {@link ConfigSource}. A bad value is recorded as a problem and a default returned, so one
 * run reports every problem of a stack at once; {@link #finish()} throws them together.
 */
final class ConfigReader {

    private final ConfigSource source;
    private final List<ConfigException.Problem> problems = new ArrayList<>();

    ConfigReader(ConfigSource source) {
        this.source = source;
    }

    String stackName() {
        return source.stackName();
    }

    void fail(String key, String reason) {
        problems.add(new ConfigException.Problem(key, reason));
    }

    boolean hasProblemFor(String key) {
        return problems.stream().anyMatch(p -> p.key().equals(key));
    }

    void finish() {
        if (!problems.isEmpty()) {
            throw new ConfigException(source.stackName(), source.location(), problems);
        }
    }

    /** A value that is absent or blank counts as unset: Pulumi.yaml declares "" as the default of such keys. */
    Optional<String> optional(String key) {
        return source.get(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    String required(String key, String why) {
        var value = optional(key);
        if (value.isEmpty()) {
            fail(key, "is required " + why);
            return "";
        }
        return value.get();
    }

    String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    String oneOf(String key, String defaultValue, Set<String> allowed) {
        var value = string(key, defaultValue);
        if (!allowed.contains(value)) {
            fail(key, "must be one of " + sorted(allowed) + ", got \"" + value + "\"");
            return defaultValue;
        }
        return value;
    }

    int integer(String key, int defaultValue, int min, int max) {
        var raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            var value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                fail(key, "must be between " + min + " and " + max + ", got " + value);
                return defaultValue;
            }
            return value;
        } catch (NumberFormatException e) {
            fail(key, "must be a whole number, got \"" + raw.get() + "\"");
            return defaultValue;
        }
    }

    /** A limit where 0 (the declared default) means none. */
    Optional<Integer> optionalLimit(String key, int max) {
        var value = integer(key, 0, 0, max);
        return value == 0 ? Optional.empty() : Optional.of(value);
    }

    boolean bool(String key, boolean defaultValue) {
        var raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                fail(key, "must be true or false, got \"" + raw.get() + "\"");
                yield defaultValue;
            }
        };
    }

    List<String> stringList(String key) {
        return json(key, List.of(), element -> {
            var values = new ArrayList<String>();
            for (var item : element.getAsJsonArray()) {
                values.add(item.getAsString());
            }
            return List.copyOf(values);
        }, "a list of strings");
    }

    Map<String, String> stringMap(String key) {
        return json(key, Map.of(), element -> {
            var values = new LinkedHashMap<String, String>();
            for (var entry : element.getAsJsonObject().entrySet()) {
                values.put(entry.getKey(), entry.getValue().getAsString());
            }
            return values;
        }, "a map of strings");
    }

    /** A structured value (object or list of objects); the parser turns its shape into typed values. */
    <T> T json(String key, T defaultValue, Function<JsonElement, T> parser, String expected) {
        var raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(JsonParser.parseString(raw.get()));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | ClassCastException | NullPointerException e) {
            fail(key, "must be " + expected + ", got " + raw.get());
            return defaultValue;
        }
    }

    /** A secret: the key must have been set with {@code pulumi config set --secret}. */
    Optional<Secret> secret(String key) {
        var value = source.get(key).filter(v -> !v.isEmpty());
        if (value.isPresent() && !source.isSecret(key)) {
            fail(key, "must be set as a secret (pulumi config set --secret " + key + " ...), it is in plain text");
        }
        return value.map(Secret::new);
    }

    boolean isSecret(String key) {
        return source.isSecret(key);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
