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
 * What the repository declares for Pulumi Deployments: each stack's settings in {@code Pulumi.<stack>.deploy.yaml}
 * (the REST API's settings body; the pulumi CLI no longer reads these files, since 3.251.0 removed
 * {@code pulumi deployment settings push} and its file format, so {@code deployments apply} is their only reader),
 * the environment's deployer in its global stack's file, and the webhooks in {@code deployments/webhooks.yaml}.
 */
public final class DeploymentsAsCode {

    public static final String WEBHOOKS_FILE = "deployments/webhooks.yaml";
    private static final Gson GSON = new Gson();

    private DeploymentsAsCode() {
    }

    /**
     * A webhook on {@code stack}, identified by what it does (format, payload URL, filters). It carries no name:
     * the official clients send none and read the one the service gives from its answer.
     */
    public record Webhook(String stack, String displayName, String format, List<String> filters, String payloadUrl) {

        /** Whether a hook the service lists does what this one does, whatever it is called. */
        public boolean sameAs(JsonObject existing) {
            return existing.has("format") && existing.get("format").getAsString().equals(format)
                    && existing.has("payloadUrl") && existing.get("payloadUrl").getAsString().equals(payloadUrl)
                    && existing.has("filters") && existing.get("filters").isJsonArray()
                    && filtersOf(existing).equals(Set.copyOf(filters));
        }

        private static Set<String> filtersOf(JsonObject hook) {
            var filters = new java.util.HashSet<String>();
            hook.getAsJsonArray("filters").forEach(f -> filters.add(f.getAsString()));
            return filters;
        }

        public JsonObject body(String organization, String project) {
            var body = new JsonObject();
            body.addProperty("organizationName", organization);
            body.addProperty("projectName", project);
            body.addProperty("stackName", stack);
            body.addProperty("displayName", displayName);
            body.addProperty("payloadUrl", payloadUrl);
            body.addProperty("format", format);
            body.add("filters", GSON.toJsonTree(filters));
            body.addProperty("active", true);
            return body;
        }
    }

    /**
     * The {@code settings} of {@code Pulumi.<stack>.deploy.yaml}, as the JSON the REST API takes, made to match
     * the environment's deployer: Pulumi Deployments deploys pushes only when it is the deployer, and it never
     * previews pull requests (those previews would run with the deploy role; the preview workflow runs them with
     * a read-only one).
     */
    public static JsonObject settings(Path projectDir, String stack, Deployer deployer) {
        var file = projectDir.resolve("Pulumi." + stack + ".deploy.yaml");
        if (!(yaml(file).get("settings") instanceof Map<?, ?> settings)) {
            throw new IllegalArgumentException(file + ": no 'settings' map");
        }
        var json = GSON.toJsonTree(settings).getAsJsonObject();
        if (!json.has("gitHub")) {
            json.add("gitHub", new JsonObject());
        }
        json.getAsJsonObject("gitHub").addProperty("deployCommits", deployer == Deployer.PULUMI_DEPLOYMENTS);
        json.getAsJsonObject("gitHub").addProperty("previewPullRequests", false);
        return json;
    }

    /** The environment's deployer: {@code deployer:} in its global stack's deploy file. */
    public static Deployer deployer(Path projectDir, String env) {
        var file = projectDir.resolve("Pulumi." + env + ".deploy.yaml");
        var value = String.valueOf(yaml(file).get("deployer"));
        return Deployer.of(value).orElseThrow(() -> new IllegalArgumentException(file + ": 'deployer' must be "
                + Deployer.GITHUB_ACTIONS.value() + " or " + Deployer.PULUMI_DEPLOYMENTS.value() + ", got " + value));
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
