package dev.latencyedge.delivery;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the repository declares for Pulumi Deployments: each stack's settings in the CLI's own
 * {@code Pulumi.<stack>.deploy.yaml} format, and the webhooks in {@code deployments/webhooks.yaml}.
 */
public final class DeploymentsAsCode {

    public static final String WEBHOOKS_FILE = "deployments/webhooks.yaml";
    private static final Gson GSON = new Gson();

    private DeploymentsAsCode() {
    }

    /** A webhook on {@code stack} as the REST API takes it (stack scope). */
    public record Webhook(String stack, String name, String displayName, String format, List<String> filters,
                          String payloadUrl) {

        public JsonObject body(String organization, String project) {
            var body = new JsonObject();
            body.addProperty("organizationName", organization);
            body.addProperty("projectName", project);
            body.addProperty("stackName", stack);
            body.addProperty("name", name);
            body.addProperty("displayName", displayName);
            body.addProperty("payloadUrl", payloadUrl);
            body.addProperty("format", format);
            body.add("filters", GSON.toJsonTree(filters));
            body.addProperty("active", true);
            return body;
        }
    }

    /** The {@code settings} of {@code Pulumi.<stack>.deploy.yaml}, as the JSON the REST API takes. */
    public static JsonObject settings(Path projectDir, String stack) {
        var file = projectDir.resolve("Pulumi." + stack + ".deploy.yaml");
        if (!(yaml(file).get("settings") instanceof Map<?, ?> settings)) {
            throw new IllegalArgumentException(file + ": no 'settings' map");
        }
        return GSON.toJsonTree(settings).getAsJsonObject();
    }

    /** The declared webhooks on any of these stacks. */
    public static List<Webhook> webhooks(Path projectDir, Set<String> stacks) {
        var file = projectDir.resolve(WEBHOOKS_FILE);
        var hooks = new ArrayList<Webhook>();
        if (yaml(file).get("webhooks") instanceof List<?> list) {
            for (var item : list) {
                var hook = GSON.fromJson(GSON.toJsonTree(item), Webhook.class);
                if (stacks.contains(hook.stack())) {
                    hooks.add(hook);
                }
            }
        }
        return hooks;
    }

    /** Every leaf the desired document sets that the current one does not have with that value. */
    public static List<String> changes(JsonElement current, JsonObject desired) {
        var changes = new ArrayList<String>();
        compare("", current, desired, changes);
        return changes;
    }

    private static void compare(String path, JsonElement current, JsonElement desired, List<String> changes) {
        if (desired.isJsonObject()) {
            for (var entry : desired.getAsJsonObject().entrySet()) {
                var child = current != null && current.isJsonObject()
                        ? current.getAsJsonObject().get(entry.getKey()) : null;
                compare(path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), child, entry.getValue(), changes);
            }
        } else if (current == null || current.isJsonNull()) {
            changes.add("+ " + path + ": " + desired);
        } else if (!current.equals(desired)) {
            changes.add("~ " + path + ": " + current + " -> " + desired);
        }
    }

    private static Map<?, ?> yaml(Path file) {
        try {
            var loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return loaded instanceof Map<?, ?> map ? map : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
