package dev.latencyedge.delivery;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.latencyedge.plan.StackEvaluator;
import dev.latencyedge.stackfiles.StackFileNames;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the repository declares for Pulumi Deployments: each stack's settings in {@code Pulumi.<stack>.deploy.yaml}
 * (the REST API's settings body; the pulumi CLI no longer reads these files, since 3.251.0 removed
 * {@code pulumi deployment settings push} and its file format, so {@code deployments apply} is their only reader),
 * the environment's deployer in its global stack's file, and the webhooks in {@code deployments/webhooks.yaml},
 * which chain an environment's Regions to its edge.
 */
public final class DeploymentsAsCode {

    public static final String WEBHOOKS_FILE = "deployments/webhooks.yaml";
    /** The only webhook format this program manages: one that starts a Deployments run of a stack. */
    static final String DEPLOYMENTS_FORMAT = "pulumi_deployments";
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
            var filters = new HashSet<String>();
            hook.getAsJsonArray("filters").forEach(f -> filters.add(f.getAsString()));
            return filters;
        }

        /** The stack this hook deploys, when it is a Deployments hook on successful updates of its stack. */
        public Optional<String> target() {
            var prefix = StackEvaluator.PROJECT + "/";
            return DEPLOYMENTS_FORMAT.equals(format) && List.of("update_succeeded").equals(filters)
                    && payloadUrl != null && payloadUrl.startsWith(prefix)
                    ? Optional.of(payloadUrl.substring(prefix.length())) : Optional.empty();
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
     * The {@code settings} of {@code Pulumi.<stack>.deploy.yaml}, as the JSON the REST API takes. Pushes deploy the
     * stack only when {@code deploysPushes} (the first stack of the environment's chain, under Pulumi Deployments);
     * it never previews pull requests (those previews would run with the deploy role; the preview workflow runs
     * them with a read-only one); and a stack with several deployments queued runs only the newest
     * ({@code operationContext.options.skipIntermediateDeployments}, apitype deployments.go), so pushes close
     * together deploy each stack, and the edge, once after the last of them rather than once for each.
     */
    public static JsonObject settings(Path projectDir, String stack, boolean deploysPushes) {
        var file = projectDir.resolve(StackFileNames.deployFile(stack));
        if (!(yaml(file).get("settings") instanceof Map<?, ?> settings)) {
            throw new IllegalArgumentException(file + ": no 'settings' map");
        }
        var json = GSON.toJsonTree(settings).getAsJsonObject();
        var gitHub = child(json, "gitHub");
        gitHub.addProperty("deployCommits", deploysPushes);
        gitHub.addProperty("previewPullRequests", false);
        child(child(json, "operationContext"), "options").addProperty("skipIntermediateDeployments", true);
        return json;
    }

    private static JsonObject child(JsonObject parent, String key) {
        if (!parent.has(key) || !parent.get(key).isJsonObject()) {
            parent.add(key, new JsonObject());
        }
        return parent.getAsJsonObject(key);
    }

    /** The environment's deployer: {@code deployer:} in its global stack's deploy file. */
    public static Deployer deployer(Path projectDir, String env) {
        var file = projectDir.resolve(StackFileNames.deployFile(env));
        var value = String.valueOf(yaml(file).get("deployer"));
        return Deployer.of(value).orElseThrow(() -> new IllegalArgumentException(file + ": 'deployer' must be "
                + Deployer.GITHUB_ACTIONS.value() + " or " + Deployer.PULUMI_DEPLOYMENTS.value() + ", got " + value));
    }

    /**
     * The environment's webhooks in the order they fire: each Region's successful update deploys the next Region,
     * and the last Region's deploys the edge. So a push, which deploys only the first Region, deploys the edge
     * once, after every Region, never beside one. Refuses a file whose hooks for the environment do not form that
     * one chain (one hook on each Region, none on the edge, every Region once).
     *
     * @param regions the environment's regional stacks; {@code env} is its global (edge) stack
     */
    public static List<Webhook> chain(Path projectDir, String env, List<String> regions) {
        var file = projectDir.resolve(WEBHOOKS_FILE);
        var byStack = new HashMap<String, Webhook>();
        var targeted = new HashSet<String>();
        if (yaml(file).get("webhooks") instanceof List<?> list) {
            for (var item : list) {
                var hook = GSON.fromJson(GSON.toJsonTree(item), Webhook.class);
                if (!regions.contains(hook.stack()) && !hook.stack().equals(env)) {
                    continue;
                }
                var target = hook.target().orElseThrow(() -> refused(file, env, "the hook on " + hook.stack()
                        + " must be format " + DEPLOYMENTS_FORMAT + " on [update_succeeded] with payloadUrl "
                        + StackEvaluator.PROJECT + "/<stack>"));
                if (byStack.put(hook.stack(), hook) != null || !targeted.add(target)) {
                    throw refused(file, env, "two hooks on " + hook.stack() + " or two deploying " + target);
                }
            }
        }
        var heads = regions.stream().filter(r -> !targeted.contains(r)).toList();
        if (heads.size() != 1) {
            throw refused(file, env, "exactly one Region must start it, found " + heads);
        }
        var ordered = new ArrayList<Webhook>();
        var at = heads.get(0);
        while (byStack.containsKey(at) && ordered.size() <= regions.size()) {
            ordered.add(byStack.get(at));
            at = byStack.get(at).target().orElseThrow();
        }
        if (!at.equals(env) || ordered.size() != regions.size() || byStack.size() != regions.size()) {
            throw refused(file, env, "it runs " + ordered.stream().map(Webhook::stack).toList() + " then " + at);
        }
        return ordered;
    }

    private static IllegalArgumentException refused(Path file, String env, String reason) {
        return new IllegalArgumentException(file + ": the hooks of " + env + " must chain its Regions one after"
                + " another to the edge " + env + ", so that a push deploys the edge once, after its last Region: "
                + reason);
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
