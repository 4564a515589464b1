package dev.latencyedge.diff;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.latencyedge.plan.PlanException;
import dev.latencyedge.plan.PlanManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What would change between two sets of plan files (the offline plan of a base commit and of a head commit, each
 * made by its own version of the program): per stack, the resources created, updated, replaced and deleted, and
 * per resource the input properties that change, compared as the provider compares them (sets in any order,
 * names as AWS normalizes them). The stacks compared are exactly those the folders' manifests list; a stack on
 * one side only is created or deleted whole. The fake cloud's ids are deterministic, so unchanged resources
 * compare equal; secret values are already masked in plan files. Stack references are reads, not resources, and
 * the stack's exports are not inputs, so neither is a change.
 */
public final class PlanDiff {

    public enum Op { DELETE, REPLACE, UPDATE, CREATE }

    /** What happens to a stack as a whole: created or deleted with all its resources, changed, or not. */
    public enum StackOp { CREATE, DELETE, UPDATE, SAME }

    /** One input property that changes, at its path ({@code healthCheck.path}); null where absent. */
    public record PropertyChange(String path, JsonElement before, JsonElement after) {
    }

    /**
     * One resource's change.
     *
     * @param replaceBecause the input properties that force a replacement (as {@code replaceReasons})
     * @param why            what a reviewer should know, in words: why it is replaced, whether it is blocked and
     *                       what allows it, whether it stays in AWS; "" for a plain create or update
     * @param blocked        what refuses the change and what allows it, for a replacement or deletion
     * @param retained       a deletion (or a replaced resource's old copy) leaves the stack but stays in AWS
     */
    public record Change(String urn, String type, Op op, List<PropertyChange> properties, List<String> replaceBecause,
                         String why, Optional<Protection.Block> blocked, boolean retained) {
        public String name() {
            return urn.substring(urn.lastIndexOf("::") + 2);
        }
    }

    /** A stack's changes, every resource's when the stack is created or deleted whole. */
    public record StackDiff(StackOp op, List<Change> changes) {
    }

    /** Every stack of either side, by name, and what a reader should be warned about. */
    public record Result(SortedMap<String, StackDiff> stacks, List<String> warnings) {
        public List<Change> changes() {
            return stacks.values().stream().flatMap(s -> s.changes().stream()).toList();
        }
    }

    /** One side: its stacks (stack -> URN -> new state), and a warning if it had no manifest. */
    private record Side(Map<String, Map<String, JsonObject>> stacks, Optional<String> warning) {
    }

    private PlanDiff() {
    }

    public static Result compare(Path baseDir, Path headDir) {
        var base = read(baseDir);
        var head = read(headDir);
        var stacks = new TreeSet<>(base.stacks().keySet());
        stacks.addAll(head.stacks().keySet());
        var diff = new TreeMap<String, StackDiff>();
        for (var stack : stacks) {
            var before = base.stacks().get(stack);
            var after = head.stacks().get(stack);
            var changes = compare(before == null ? Map.of() : before, after == null ? Map.of() : after);
            diff.put(stack, new StackDiff(before == null ? StackOp.CREATE : after == null ? StackOp.DELETE
                    : changes.isEmpty() ? StackOp.SAME : StackOp.UPDATE, changes));
        }
        var warnings = new ArrayList<String>();
        base.warning().ifPresent(warnings::add);
        head.warning().ifPresent(warnings::add);
        return new Result(diff, List.copyOf(warnings));
    }

    static List<Change> compare(Map<String, JsonObject> base, Map<String, JsonObject> head) {
        var urns = new LinkedHashSet<>(base.keySet());
        urns.addAll(head.keySet());
        var changes = new ArrayList<Change>();
        for (var urn : urns) {
            var before = base.get(urn);
            var after = head.get(urn);
            if (before == null) {
                changes.add(new Change(urn, type(after), Op.CREATE, List.of(), List.of(), "", Optional.empty(), false));
            } else if (after == null) {
                var blocked = Protection.deletion(type(before), before);
                var retained = flag(before, "retainOnDelete");
                changes.add(new Change(urn, type(before), Op.DELETE, List.of(), List.of(),
                        why("deleted by this change", blocked,
                                retained ? "it leaves the stack but stays in AWS (retainOnDelete)" : ""),
                        blocked, retained));
            } else {
                var change = change(urn, before, after);
                change.ifPresent(changes::add);
            }
        }
        changes.sort(Comparator.comparing(Change::op).thenComparing(Change::urn));
        return List.copyOf(changes);
    }

    private static Optional<Change> change(String urn, JsonObject before, JsonObject after) {
        var type = type(after);
        var inputsBefore = ReplacementRules.canonical(type, before.getAsJsonObject("inputs"));
        var inputsAfter = ReplacementRules.canonical(type, after.getAsJsonObject("inputs"));
        var properties = new ArrayList<PropertyChange>();
        leaves("", inputsBefore, inputsAfter, properties);
        var providerBefore = providerUrn(before);
        var providerAfter = providerUrn(after);
        var providerChanged = !providerBefore.equals(providerAfter);
        if (providerChanged) {
            properties.add(new PropertyChange(ReplacementRules.PROVIDER, new JsonPrimitive(providerBefore),
                    new JsonPrimitive(providerAfter)));
        }
        if (properties.isEmpty()) {
            return Optional.empty();
        }
        var replacement = ReplacementRules.replacement(type, inputsBefore, inputsAfter, providerChanged);
        if (replacement.isEmpty()) {
            return Optional.of(new Change(urn, type, Op.UPDATE, properties, List.of(), "", Optional.empty(), false));
        }
        var blocked = Protection.replacement(type, before, after);
        var retained = flag(before, "retainOnDelete");
        return Optional.of(new Change(urn, type, Op.REPLACE, properties, replacement.get().paths(),
                why(replacement.get().why(), blocked,
                        retained ? "the old one stays in AWS (retainOnDelete)" : ""), blocked, retained));
    }

    private static String why(String what, Optional<Protection.Block> blocked, String retained) {
        var parts = new ArrayList<>(List.of(what));
        blocked.ifPresent(b -> parts.add("blocked: " + b.reason()));
        if (!retained.isEmpty()) {
            parts.add(retained);
        }
        return String.join("; ", parts);
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

    /** A state's {@code protect} or {@code retainOnDelete}: absent is false, as the engine writes them. */
    static boolean flag(JsonObject state, String name) {
        return state.has(name) && state.get(name).isJsonPrimitive() && state.get(name).getAsBoolean();
    }

    /** A provider reference is {@code <urn>::<id>}; the id is the fake cloud's and says nothing. */
    private static String providerUrn(JsonObject state) {
        var provider = state.has("provider") && !state.get("provider").isJsonNull()
                ? state.get("provider").getAsString() : "";
        var cut = provider.lastIndexOf("::");
        return cut < 0 ? provider : provider.substring(0, cut);
    }

    /**
     * The stacks of a folder: exactly those its manifest lists, or, in a folder planned before manifests existed,
     * every {@code *.json}, with a warning saying so.
     */
    static Side read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PlanException(dir + ": no such directory of plan files");
        }
        var manifest = PlanManifest.read(dir);
        var files = new TreeMap<String, Path>();
        if (manifest.isPresent()) {
            for (var stack : manifest.get().stacks()) {
                var file = dir.resolve(PlanManifest.planFile(stack));
                if (!Files.isRegularFile(file)) {
                    throw new PlanException(file + ": listed in " + dir.resolve(PlanManifest.FILE) + " but missing");
                }
                files.put(stack, file);
            }
        } else {
            try (var listing = Files.list(dir)) {
                listing.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> {
                    var name = f.getFileName().toString();
                    files.put(name.substring(0, name.length() - ".json".length()), f);
                });
            } catch (IOException e) {
                throw new PlanException(dir + ": cannot read: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new PlanException(dir + ": no plan files (*.json)");
            }
        }
        var stacks = new TreeMap<String, Map<String, JsonObject>>();
        files.forEach((stack, file) -> stacks.put(stack, states(file)));
        return new Side(stacks, manifest.isPresent() ? Optional.empty() : Optional.of(dir + " has no "
                + PlanManifest.FILE + " (planned by a program older than plan manifests): every *.json in it was read"
                + " as a plan file, so a stale file there would show as a stack"));
    }

    /** URN -> new state of every resource of a plan file (stack references, which are reads, left out). */
    private static Map<String, JsonObject> states(Path file) {
        var resources = new TreeMap<String, JsonObject>();
        try {
            for (var step : JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonArray("steps")) {
                var op = step.getAsJsonObject().get("op").getAsString();
                var state = step.getAsJsonObject().getAsJsonObject("newState");
                if (!op.equals("read")) {
                    resources.put(state.get("urn").getAsString(), state);
                }
            }
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new PlanException(file + ": not a plan file (" + e.getMessage() + ")");
        }
        return resources;
    }
}
