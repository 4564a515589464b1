package dev.latencyedge.delivery;

import com.google.gson.JsonObject;
import dev.latencyedge.plan.StackEvaluator;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Pulumi Deployments runs no local policy pack (its settings have no policy-pack field): the pack reaches a
 * deployment only when it is published to the organization and applied to the stack through a policy group.
 * This makes the environment's group {@code latency-edge-<env>} hold every stack of the environment and the
 * newest published version of the pack, and changes nothing when it already does. Publishing stays a CLI step
 * ({@code pulumi policy publish <org>} in {@code policy/}), which uploads the built pack.
 */
final class PolicyGroupAsCode {

    /** The pack's name, as {@code policy/src/index.ts} declares it. */
    static final String PACK = "latency-edge";

    private PolicyGroupAsCode() {
    }

    static String groupName(String env) {
        return PACK + "-" + env;
    }

    /** @return how many changes were (or would be) made */
    static int apply(PulumiCloudClient client, String org, String env, List<String> stacks, boolean apply,
                     PrintStream out) {
        var version = newestVersion(client, org);
        var group = groupName(env);
        var changes = 0;
        if (!client.policyGroupNames(org).contains(group)) {
            out.println((apply ? "+ creating" : "+ would create") + " policy group " + group);
            changes++;
            if (apply) {
                client.createPolicyGroup(org, group);
            }
        }
        var current = client.policyGroup(org, group).orElseGet(JsonObject::new);
        var members = new HashSet<String>();
        if (current.has("stacks")) {
            current.getAsJsonArray("stacks").forEach(s -> members.add(
                    s.getAsJsonObject().get("routingProject").getAsString() + "/" + s.getAsJsonObject().get("name").getAsString()));
        }
        for (var stack : stacks) {
            if (!members.contains(StackEvaluator.PROJECT + "/" + stack)) {
                out.println((apply ? "+ adding" : "+ would add") + " " + stack + " to policy group " + group);
                changes++;
                if (apply) {
                    var reference = new JsonObject();
                    reference.addProperty("name", stack);
                    reference.addProperty("routingProject", StackEvaluator.PROJECT);
                    var change = new JsonObject();
                    change.add("addStack", reference);
                    client.updatePolicyGroup(org, group, change);
                }
            }
        }
        var applied = current.has("appliedPolicyPacks") && StreamSupport.stream(
                current.getAsJsonArray("appliedPolicyPacks").spliterator(), false).map(p -> p.getAsJsonObject())
                .anyMatch(p -> p.get("name").getAsString().equals(PACK) && p.get("version").getAsInt() == version);
        if (!applied) {
            out.println((apply ? "~ enabling" : "~ would enable") + " policy pack " + PACK + " version " + version
                    + " in policy group " + group);
            changes++;
            if (apply) {
                var pack = new JsonObject();
                pack.addProperty("name", PACK);
                pack.addProperty("version", version);
                pack.add("config", new JsonObject());
                var change = new JsonObject();
                change.add("addPolicyPack", pack);
                client.updatePolicyGroup(org, group, change);
            }
        }
        if (changes == 0) {
            out.println("= policy group " + group + " unchanged (pack " + PACK + " version " + version + ")");
        }
        return changes;
    }

    private static int newestVersion(PulumiCloudClient client, String org) {
        return client.policyPacks(org).stream().filter(p -> p.get("name").getAsString().equals(PACK))
                .flatMap(p -> StreamSupport.stream(p.getAsJsonArray("versions").spliterator(), false))
                .mapToInt(v -> v.getAsInt()).max()
                .orElseThrow(() -> new PulumiCloudClient.ApiException("the policy pack " + PACK + " is not published to "
                        + org + ", so Deployments would run without it: publish it first with"
                        + " (cd policy && npm ci && npm run build && pulumi policy publish " + org + ")"));
    }
}
