package dev.latencyedge.delivery;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.latencyedge.plan.StackEvaluator;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Pulumi Deployments runs no local policy pack (its settings have no policy-pack field): the pack reaches a
 * deployment only when it is published to the organization and applied to the stack through a policy group.
 * This makes the environment's group {@code latency-edge-<env>} hold exactly the environment's stacks and the
 * newest published version of the pack, and changes nothing when it already does. Publishing stays a CLI step
 * ({@code pulumi policy publish <org>} in {@code policy/}), which uploads the built pack.
 *
 * <p>A pack is enabled and disabled by its {@code versionTag}, as Pulumi's clients do (pulumi/pulumi
 * pkg/backend/httpstate/client/client.go ApplyPolicyPack and DisablePolicyPack); its {@code version} number is
 * derived by the service and output-only (pulumi-pulumiservice provider/pkg/resources/policy_group.go strips it).
 * Enabling a version does not disable the one enabled before (the provider removes the old one itself, same file,
 * its Update), so this removes it, after the new one is on: the group is never without the pack.
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
        var newest = newestTag(client, org);
        var group = groupName(env);
        var changes = new ArrayList<String>();
        Consumer<String> say = line -> {
            changes.add(line);
            out.println(line);
        };
        Consumer<JsonObject> patch = change -> {
            if (apply) {
                client.updatePolicyGroup(org, group, change);
            }
        };
        if (!client.policyGroupNames(org).contains(group)) {
            say.accept((apply ? "+ creating" : "+ would create") + " policy group " + group);
            if (apply) {
                client.createPolicyGroup(org, group);
            }
        }
        var current = client.policyGroup(org, group).orElseGet(JsonObject::new);
        var members = new ArrayList<JsonObject>();
        array(current, "stacks").forEach(s -> members.add(s.getAsJsonObject()));
        for (var stack : stacks) {
            if (members.stream().noneMatch(m -> isStack(m, stack))) {
                say.accept((apply ? "+ adding " : "+ would add ") + stack + " to policy group " + group);
                patch.accept(change("addStack", reference(stack)));
            }
        }
        for (var member : members) {
            if (stacks.stream().noneMatch(s -> isStack(member, s))) {
                var name = member.get("name").getAsString();
                say.accept((apply ? "- removing " : "- would remove ") + name + " from policy group " + group
                        + " (no longer a stack of " + env + ")");
                patch.accept(change("removeStack", member));
            }
        }
        var enabled = new ArrayList<JsonObject>();
        array(current, "appliedPolicyPacks").forEach(p -> {
            if (PACK.equals(p.getAsJsonObject().get("name").getAsString())) {
                enabled.add(p.getAsJsonObject());
            }
        });
        if (enabled.stream().noneMatch(p -> newest.equals(tagOf(p)))) {
            say.accept((apply ? "~ enabling" : "~ would enable") + " policy pack " + PACK + " " + newest
                    + " in policy group " + group);
            patch.accept(change("addPolicyPack", pack(newest)));
        }
        for (var old : enabled) {
            if (!newest.equals(tagOf(old))) {
                say.accept((apply ? "- disabling" : "- would disable") + " policy pack " + PACK + " " + tagOf(old)
                        + " in policy group " + group + " (enabled before " + newest + ")");
                patch.accept(change("removePolicyPack", pack(tagOf(old))));
            }
        }
        if (changes.isEmpty()) {
            out.println("= policy group " + group + " unchanged (pack " + PACK + " " + newest + ")");
        }
        return changes.size();
    }

    private static boolean isStack(JsonObject member, String stack) {
        return stack.equals(member.get("name").getAsString()) && member.has("routingProject")
                && StackEvaluator.PROJECT.equals(member.get("routingProject").getAsString());
    }

    private static JsonObject reference(String stack) {
        var reference = new JsonObject();
        reference.addProperty("name", stack);
        reference.addProperty("routingProject", StackEvaluator.PROJECT);
        return reference;
    }

    private static JsonObject pack(String versionTag) {
        var pack = new JsonObject();
        pack.addProperty("name", PACK);
        pack.addProperty("versionTag", versionTag);
        return pack;
    }

    private static JsonObject change(String kind, JsonObject value) {
        var change = new JsonObject();
        change.add(kind, value);
        return change;
    }

    private static String tagOf(JsonObject enabled) {
        return enabled.has("versionTag") ? enabled.get("versionTag").getAsString() : "";
    }

    private static Iterable<JsonElement> array(JsonObject object, String key) {
        return object.has(key) && object.get(key).isJsonArray() ? object.getAsJsonArray(key) : List.of();
    }

    /**
     * The tag of the pack's newest published version: the one whose {@code version} number, which the service
     * gives in publication order, is highest ({@code versions} and {@code versionTags} are listed side by side,
     * apitype policy.go PolicyPackWithVersions).
     */
    private static String newestTag(PulumiCloudClient client, String org) {
        Optional<String> newest = Optional.empty();
        for (var pack : client.policyPacks(org)) {
            if (!PACK.equals(pack.get("name").getAsString())) {
                continue;
            }
            var versions = pack.getAsJsonArray("versions");
            var tags = pack.has("versionTags") ? pack.getAsJsonArray("versionTags") : null;
            if (tags == null || tags.size() != versions.size()) {
                throw new PulumiCloudClient.ApiException("organization " + org + ": the policy pack " + PACK
                        + " is listed without a versionTag for each version, so its newest cannot be enabled");
            }
            var best = -1;
            for (int i = 0; i < versions.size(); i++) {
                if (best < 0 || versions.get(i).getAsInt() > versions.get(best).getAsInt()) {
                    best = i;
                }
            }
            if (best >= 0) {
                newest = Optional.of(tags.get(best).getAsString());
            }
        }
        return newest.orElseThrow(() -> new PulumiCloudClient.ApiException("the policy pack " + PACK
                + " is not published to " + org + ", so Deployments would run without it: publish it first with"
                + " (cd policy && npm ci && npm run build && pulumi policy publish " + org + ")"));
    }
}
