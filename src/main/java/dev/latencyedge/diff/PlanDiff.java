package dev.latencyedge.diff;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.latencyedge.plan.PlanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What would change between two sets of plan files (the offline plan of a base commit and of a head commit, each
 * made by its own version of the program): per stack, the resources created, updated, replaced and deleted, and
 * per resource the input properties that change. The fake cloud's ids are deterministic, so unchanged resources
 * compare equal; secret values are already masked in plan files. Stack references are reads and the stack's own
 * exports are not resources, so neither is a change.
 */
public final class PlanDiff {

    public enum Op { DELETE, REPLACE, UPDATE, CREATE }

    /** One input property that changes, at its path ({@code healthCheck.path}); null where absent. */
    public record PropertyChange(String path, JsonElement before, JsonElement after) {
    }

    /** One resource's change; {@code replaceBecause} says why a replacement cannot be avoided. */
    public record Change(String urn, String type, Op op, List<PropertyChange> properties, List<String> replaceBecause) {
        public String name() {
            return urn.substring(urn.lastIndexOf("::") + 2);
        }
    }

    private PlanDiff() {
    }

    /** Stack -> its changes (an empty list for a stack with none), for every stack of either directory. */
    public static SortedMap<String, List<Change>> compare(Path baseDir, Path headDir) {
        var base = read(baseDir);
        var head = read(headDir);
        var stacks = new TreeSet<>(base.keySet());
        stacks.addAll(head.keySet());
        var diff = new TreeMap<String, List<Change>>();
        for (var stack : stacks) {
            diff.put(stack, compare(base.getOrDefault(stack, Map.of()), head.getOrDefault(stack, Map.of())));
        }
        return diff;
    }

    static List<Change> compare(Map<String, JsonObject> base, Map<String, JsonObject> head) {
        var urns = new LinkedHashSet<>(base.keySet());
        urns.addAll(head.keySet());
        var changes = new ArrayList<Change>();
        for (var urn : urns) {
            var before = base.get(urn);
            var after = head.get(urn);
            if (before == null) {
                changes.add(new Change(urn, type(after), Op.CREATE, List.of(), List.of()));
            } else if (after == null) {
                changes.add(new Change(urn, type(before), Op.DELETE, List.of(), List.of()));
            } else {
                var properties = new ArrayList<PropertyChange>();
                leaves("", before.getAsJsonObject("inputs"), after.getAsJsonObject("inputs"), properties);
                var providerBefore = providerUrn(before);
                var providerAfter = providerUrn(after);
                if (!providerBefore.equals(providerAfter)) {
                    properties.add(new PropertyChange(ReplacementRules.PROVIDER, new JsonPrimitive(providerBefore),
                            new JsonPrimitive(providerAfter)));
                }
                if (properties.isEmpty()) {
                    continue;
                }
                var why = new ArrayList<String>();
                properties.stream().map(p -> p.path().split("[.\\[]")[0]).distinct()
                        .forEach(top -> ReplacementRules.reason(type(after), top).ifPresent(why::add));
                changes.add(new Change(urn, type(after), why.isEmpty() ? Op.UPDATE : Op.REPLACE, properties, why));
            }
        }
        changes.sort(Comparator.comparing(Change::op).thenComparing(Change::urn));
        return List.copyOf(changes);
    }

    /** Every leaf that differs: objects are followed key by key; lists and scalars compare whole. */
    private static void leaves(String path, JsonElement before, JsonElement after, List<PropertyChange> out) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null && after != null && before.isJsonObject() && after.isJsonObject()) {
            var keys = new TreeSet<>(before.getAsJsonObject().keySet());
            keys.addAll(after.getAsJsonObject().keySet());
            for (var key : keys) {
                leaves(path.isEmpty() ? key : path + "." + key, before.getAsJsonObject().get(key),
                        after.getAsJsonObject().get(key), out);
            }
            return;
        }
        out.add(new PropertyChange(path, before, after));
    }

    private static String type(JsonObject state) {
        return state.get("type").getAsString();
    }

    /** A provider reference is {@code <urn>::<id>}; the id is the fake cloud's and says nothing. */
    private static String providerUrn(JsonObject state) {
        var provider = state.has("provider") && !state.get("provider").isJsonNull()
                ? state.get("provider").getAsString() : "";
        var cut = provider.lastIndexOf("::");
        return cut < 0 ? provider : provider.substring(0, cut);
    }

    /** Stack -> (URN -> new state) for every plan file of a directory. */
    static Map<String, Map<String, JsonObject>> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PlanException(dir + ": no such directory of plan files");
        }
        var stacks = new TreeMap<String, Map<String, JsonObject>>();
        try (var files = Files.list(dir)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                var name = file.getFileName().toString();
                var resources = new TreeMap<String, JsonObject>();
                try {
                    for (var step : JsonParser.parseString(Files.readString(file)).getAsJsonObject()
                            .getAsJsonArray("steps")) {
                        var op = step.getAsJsonObject().get("op").getAsString();
                        var state = step.getAsJsonObject().getAsJsonObject("newState");
                        if (!op.equals("read") && !state.get("type").getAsString().equals("pulumi:pulumi:Stack")) {
                            resources.put(state.get("urn").getAsString(), state);
                        }
                    }
                } catch (RuntimeException e) {
                    throw new PlanException(file + ": not a plan file (" + e.getMessage() + ")");
                }
                stacks.put(name.substring(0, name.length() - ".json".length()), resources);
            }
        } catch (IOException e) {
            throw new PlanException(dir + ": cannot read: " + e.getMessage());
        }
        if (stacks.isEmpty()) {
            throw new PlanException(dir + ": no plan files (*.json)");
        }
        return stacks;
    }
}
