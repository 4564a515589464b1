package dev.latencyedge.delivery;

import com.google.gson.JsonObject;
import dev.latencyedge.plan.PlanException;
import dev.latencyedge.plan.StackEvaluator;
import dev.latencyedge.settings.ConfigException;
import dev.latencyedge.stackfiles.StackFile;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code deployments apply|diff} of one environment: makes Pulumi Cloud hold exactly what the files declare (the
 * policy group first, so no deployment runs without the pack, then each stack's Deployments settings and webhooks),
 * or shows what that would change. A second apply changes nothing.
 *
 * <p>Under {@code deployer: pulumi-deployments} a push deploys only the first Region of the environment's chain
 * ({@link DeploymentsAsCode#chain}); each Region's successful update deploys the next, and the last one's deploys the
 * edge. Under {@code github-actions} Deployments deploys no push and the environment's stacks keep no Deployments
 * webhook. Webhooks of other formats (chat, plain HTTP) are not this program's and are left alone.
 *
 * <p>Stacks are applied one by one, each whole (settings, then webhooks), in an order that is safe to stop in:
 * when Deployments takes over, the edge first and the first Region last, so no push starts a chain whose later
 * hooks are missing; when it hands over, the first Region first, so pushes stop before anything else changes. A
 * failed call stops the apply, says which stacks were applied and which were not, and exits 1; applied again, it
 * finds the applied stacks unchanged and finishes the rest.
 */
public final class DeploymentsConvergence {

    private final Path projectDir;
    private final PulumiCloudClient client;
    private final String org;
    private final PrintStream out;
    private final PrintStream err;

    public DeploymentsConvergence(Path projectDir, PulumiCloudClient client, String org, PrintStream out,
                                  PrintStream err) {
        this.projectDir = projectDir;
        this.client = client;
        this.org = org;
        this.out = out;
        this.err = err;
    }

    /** @return 0 when done (or, for a diff, shown), 1 when refused or stopped by the service */
    public int run(String env, boolean apply) {
        var verb = apply ? "apply" : "diff";
        List<String> order;
        List<DeploymentsAsCode.Webhook> chain;
        Deployer deployer;
        try {
            var regions = StackFile.read(projectDir, env).globalSettings().regionalStackNames();
            deployer = DeploymentsAsCode.deployer(projectDir, env);
            chain = DeploymentsAsCode.chain(projectDir, env, regions);
            order = new ArrayList<>(chain.stream().map(DeploymentsAsCode.Webhook::stack).toList());
            order.add(env);
            if (deployer == Deployer.PULUMI_DEPLOYMENTS) {
                Collections.reverse(order);
            }
        } catch (ConfigException | PlanException e) {
            err.println("deployments " + verb + " " + env + " refused: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("deployments " + verb + " " + env + " failed: " + e.getMessage());
            return 1;
        }
        out.println(env + " is deployed by " + deployer.value());
        var head = chain.get(0).stack();
        var applied = new ArrayList<String>();
        var changed = 0;
        try {
            changed += PolicyGroupAsCode.apply(client, org, env, order, apply, out);
            for (var stack : order) {
                var id = new PulumiCloudClient.StackId(org, StackEvaluator.PROJECT, stack);
                var deploysPushes = deployer == Deployer.PULUMI_DEPLOYMENTS && stack.equals(head);
                changed += settings(id, DeploymentsAsCode.settings(projectDir, stack, deploysPushes), apply);
                var hooks = deployer == Deployer.PULUMI_DEPLOYMENTS
                        ? chain.stream().filter(h -> h.stack().equals(stack)).toList()
                        : List.<DeploymentsAsCode.Webhook>of();
                changed += webhooks(id, hooks, apply);
                applied.add(stack);
            }
        } catch (PulumiCloudClient.ApiException | IllegalArgumentException | UncheckedIOException e) {
            var rest = order.subList(applied.size(), order.size());
            err.println("deployments " + verb + " " + env + " failed: " + e.getMessage()
                    + (apply ? "; applied: " + (applied.isEmpty() ? "none" : String.join(", ", applied))
                    + "; not applied: " + String.join(", ", rest) + "; run it again to finish" : ""));
            return 1;
        }
        out.println(apply ? changed + " change(s) applied to " + env : changed + " change(s) to apply to " + env);
        return 0;
    }

    private int settings(PulumiCloudClient.StackId id, JsonObject desired, boolean apply) {
        var patch = SettingsPatch.between(client.settings(id).orElse(null), desired);
        if (patch.changes().isEmpty()) {
            out.println("= " + id.stack() + ": deployment settings unchanged");
            return 0;
        }
        out.println((apply ? "updating " : "would update ") + id.stack() + " deployment settings:");
        patch.changes().forEach(c -> out.println("    " + c));
        if (apply) {
            client.putSettings(id, patch.body());
        }
        return 1;
    }

    /**
     * Makes the stack's Deployments hooks exactly {@code declared}: each found by what it does, whatever the service
     * named it; a missing one created without a name (the service names it), one edited by hand put back, and every
     * other Deployments hook on the stack (a duplicate, one from an earlier layout) deleted, since it would start a
     * deployment the chain does not expect.
     */
    private int webhooks(PulumiCloudClient.StackId id, List<DeploymentsAsCode.Webhook> declared, boolean apply) {
        var existing = new ArrayList<>(client.hooks(id).stream()
                .filter(h -> h.has("format") && DeploymentsAsCode.DEPLOYMENTS_FORMAT.equals(h.get("format").getAsString()))
                .toList());
        var changed = 0;
        for (var hook : declared) {
            var what = "webhook on " + hook.stack() + " -> deploys " + hook.payloadUrl() + " on "
                    + String.join(",", hook.filters());
            var desired = hook.body(org, StackEvaluator.PROJECT);
            var match = existing.stream().filter(hook::sameAs).findFirst();
            if (match.isEmpty()) {
                out.println((apply ? "+ creating " : "+ would create ") + what);
                changed++;
                if (apply) {
                    client.createHookNamed(id, desired).filter(h -> h.has("name"))
                            .ifPresent(h -> out.println("  named " + h.get("name").getAsString() + " by the service"));
                }
                continue;
            }
            existing.remove(match.get());
            var name = match.get().get("name").getAsString();
            var changes = SettingsPatch.additions(match.get(), withoutScope(desired));
            if (changes.isEmpty()) {
                out.println("= " + what + " unchanged (" + name + ")");
                continue;
            }
            out.println((apply ? "~ updating " : "~ would update ") + what + " (" + name + "):");
            changes.forEach(c -> out.println("    " + c));
            changed++;
            if (apply) {
                var body = desired.deepCopy();
                body.addProperty("name", name);
                client.updateHook(id, name, body);
            }
        }
        for (var stale : existing) {
            var name = stale.get("name").getAsString();
            out.println((apply ? "- deleting" : "- would delete") + " webhook " + name + " on " + id.stack()
                    + " (deploys " + (stale.has("payloadUrl") ? stale.get("payloadUrl").getAsString() : "?")
                    + "; not in " + DeploymentsAsCode.WEBHOOKS_FILE + " for this deployer)");
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
