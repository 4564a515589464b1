package dev.latencyedge.delivery;

import com.google.gson.JsonObject;
import dev.latencyedge.plan.PlanException;
import dev.latencyedge.stackfiles.StackFile;
import dev.latencyedge.plan.StackEvaluator;
import dev.latencyedge.settings.ConfigException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code deployments apply|diff <env> --org <org>}: applies the published policy pack to every stack of an
 * environment through its policy group (first, so no deployment runs without it), then puts every stack's
 * Deployments settings and the environment's webhooks into Pulumi Cloud as its deployer requires, idempotently, or
 * shows what that would change. With Pulumi Deployments as the deployer, pushes deploy the Regions and their
 * webhooks deploy the edge; with the GitHub workflows, Deployments deploys nothing and the webhooks are removed.
 * Webhooks are found by what they do (format, payload URL, filters), never by a name this program chose. Token from {@code PULUMI_ACCESS_TOKEN}, endpoint from
 * {@code PULUMI_BACKEND_URL} as the CLI takes them.
 */
public final class DeploymentsCommand {

    private final Path projectDir;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public DeploymentsCommand(Path projectDir, Map<String, String> environment, PrintStream out, PrintStream err) {
        this.projectDir = projectDir;
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Prints who deploys the environment's pushes. */
    public int deployer(String env) {
        try {
            out.println(DeploymentsAsCode.deployer(projectDir, env).value());
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("deployments deployer " + env + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** @param apply true to apply, false to show what applying would change */
    public int run(boolean apply, String env, String org) {
        var action = apply ? "apply" : "diff";
        var token = environment.getOrDefault("PULUMI_ACCESS_TOKEN", "");
        if (token.isBlank()) {
            err.println("PULUMI_ACCESS_TOKEN is not set: create a token in Pulumi Cloud and export it");
            return 2;
        }
        try {
            var client = new PulumiCloudClient(PulumiCloudClient.apiFor(environment.get("PULUMI_BACKEND_URL")), token);
            var stacks = stacksOf(env);
            var deployer = DeploymentsAsCode.deployer(projectDir, env);
            out.println(env + " is deployed by " + deployer.value());
            var changed = PolicyGroupAsCode.apply(client, org, env, stacks, apply, out);
            for (var stack : stacks) {
                changed += settings(client, new PulumiCloudClient.StackId(org, StackEvaluator.PROJECT, stack),
                        deployer, apply);
            }
            for (var hook : DeploymentsAsCode.webhooks(projectDir, new HashSet<>(stacks))) {
                changed += deployer == Deployer.PULUMI_DEPLOYMENTS ? webhook(client, org, hook, apply)
                        : removeWebhook(client, org, hook, apply);
            }
            out.println(apply ? changed + " change(s) applied to " + env : changed + " change(s) to apply to " + env);
            return 0;
        } catch (PulumiCloudClient.ApiException | IllegalArgumentException | UncheckedIOException e) {
            err.println("deployments " + action + " " + env + " failed: " + e.getMessage());
            return 1;
        } catch (ConfigException | PlanException e) {
            err.println("deployments " + action + " " + env + " refused: " + e.getMessage());
            return 1;
        }
    }

    /** The environment's Regions' stacks, then its global stack, from the committed stack files. */
    private List<String> stacksOf(String env) {
        var stacks = new ArrayList<>(StackFile.read(projectDir, env).globalSettings().regionalStackNames());
        stacks.add(env);
        return stacks;
    }

    private int settings(PulumiCloudClient client, PulumiCloudClient.StackId id, Deployer deployer, boolean apply) {
        var desired = DeploymentsAsCode.settings(projectDir, id.stack(), deployer);
        var changes = DeploymentsAsCode.changes(client.settings(id).orElse(null), desired);
        if (changes.isEmpty()) {
            out.println("= " + id.stack() + ": deployment settings unchanged");
            return 0;
        }
        out.println((apply ? "updating " : "would update ") + id.stack() + " deployment settings:");
        changes.forEach(c -> out.println("    " + c));
        if (apply) {
            client.putSettings(id, desired);
        }
        return 1;
    }

    private int webhook(PulumiCloudClient client, String org, DeploymentsAsCode.Webhook hook, boolean apply) {
        var id = new PulumiCloudClient.StackId(org, StackEvaluator.PROJECT, hook.stack());
        var desired = hook.body(org, StackEvaluator.PROJECT);
        var existing = client.hooks(id).stream().filter(hook::sameAs).toList();
        var what = "webhook on " + hook.stack() + " -> deploys " + hook.payloadUrl() + " on "
                + String.join(",", hook.filters());
        if (existing.isEmpty()) {
            out.println((apply ? "+ creating " : "+ would create ") + what);
            if (apply) {
                var created = client.createHookNamed(id, desired);
                created.filter(h -> h.has("name")).ifPresent(h -> out.println("  named " + h.get("name").getAsString()
                        + " by the service"));
            }
            return 1;
        }
        var changed = 0;
        // Duplicates left by earlier tools would each deploy the edge: keep one.
        for (var duplicate : existing.subList(1, existing.size())) {
            out.println((apply ? "- deleting duplicate " : "- would delete duplicate ") + what + " ("
                    + duplicate.get("name").getAsString() + ")");
            changed++;
            if (apply) {
                client.deleteHook(id, duplicate.get("name").getAsString());
            }
        }
        var name = existing.get(0).get("name").getAsString();
        var changes = DeploymentsAsCode.changes(existing.get(0), withoutScope(desired));
        if (changes.isEmpty()) {
            out.println("= " + what + " unchanged (" + name + ")");
            return changed;
        }
        out.println((apply ? "~ updating " : "~ would update ") + what + " (" + name + "):");
        changes.forEach(c -> out.println("    " + c));
        if (apply) {
            var body = desired.deepCopy();
            body.addProperty("name", name);
            client.updateHook(id, name, body);
        }
        return changed + 1;
    }

    /** With the GitHub workflows as deployer, a Region's update must not also deploy the edge through a webhook. */
    private int removeWebhook(PulumiCloudClient client, String org, DeploymentsAsCode.Webhook hook, boolean apply) {
        var id = new PulumiCloudClient.StackId(org, StackEvaluator.PROJECT, hook.stack());
        var changed = 0;
        for (var existing : client.hooks(id).stream().filter(hook::sameAs).toList()) {
            var name = existing.get("name").getAsString();
            out.println((apply ? "- deleting" : "- would delete") + " webhook " + name + " on " + hook.stack()
                    + " (the GitHub workflows deploy this environment)");
            changed++;
            if (apply) {
                client.deleteHook(id, name);
            }
        }
        return changed;
    }

    /** The service answers with the scope fields in its own shape; compare what the webhook does. */
    private static JsonObject withoutScope(JsonObject body) {
        var copy = body.deepCopy();
        copy.remove("organizationName");
        copy.remove("projectName");
        copy.remove("stackName");
        return copy;
    }
}
