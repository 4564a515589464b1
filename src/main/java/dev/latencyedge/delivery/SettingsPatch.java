package dev.latencyedge.delivery;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What to send so that a document Pulumi Cloud holds becomes exactly the one a file declares, and what that
 * changes, one line per leaf ({@code + path: value}, {@code ~ path: old -> new}, {@code - path: old}).
 *
 * <p>Two facts of the service shape it. {@code POST .../deployments/settings} merges (pulumi/pulumi
 * pkg/backend/httpstate/client/client.go, PatchStackDeploymentSettings: a key left out keeps its value, {@code null}
 * removes it, objects merge, anything else is replaced whole), so the body is the declared document plus
 * {@code null} for every key the service holds and the file no longer does. And the service leaves false and empty
 * values out of its answers (the {@code omitempty} fields of sdk/go/common/apitype/deployments.go), so a declared
 * {@code false}, {@code ""}, {@code []} or {@code {}} is the same as an absent one: no change, every run.
 *
 * @param body    the POST body; sent only when {@code changes} is not empty
 * @param changes what the body changes, empty when the service already holds the declared document
 */
public record SettingsPatch(JsonObject body, List<String> changes) {

    /** Converges {@code current} (the service's answer, or null when it holds none) to {@code desired}. */
    public static SettingsPatch between(JsonElement current, JsonObject desired) {
        var body = desired.deepCopy();
        var changes = new ArrayList<String>();
        converge("", current, desired, body, changes);
        return new SettingsPatch(body, List.copyOf(changes));
    }

    /**
     * Every leaf {@code desired} sets that {@code current} does not hold with that value, keys {@code desired} leaves
     * out ignored: for documents the service adds its own keys to, such as a webhook (its name, hasSecret...).
     */
    public static List<String> additions(JsonElement current, JsonObject desired) {
        var changes = new ArrayList<String>();
        converge("", current, desired, null, changes);
        return changes;
    }

    /** @param body where to put {@code null} for what {@code current} holds beyond {@code desired}; null: nowhere */
    private static void converge(String path, JsonElement current, JsonObject desired, JsonObject body,
                                 List<String> changes) {
        var held = current != null && current.isJsonObject() ? current.getAsJsonObject() : new JsonObject();
        for (Map.Entry<String, JsonElement> entry : desired.entrySet()) {
            var key = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            var want = entry.getValue();
            var have = held.get(entry.getKey());
            if (want.isJsonObject() && (empty(have) || have.isJsonObject())) {
                converge(key, have, want.getAsJsonObject(),
                        body == null ? null : body.getAsJsonObject(entry.getKey()), changes);
            } else if (empty(have) && !empty(want)) {
                changes.add("+ " + key + ": " + want);
            } else if (!same(have, want)) {
                changes.add("~ " + key + ": " + have + " -> " + want);
            }
        }
        if (body == null) {
            return;
        }
        for (var entry : held.entrySet()) {
            if (!desired.has(entry.getKey()) && !empty(entry.getValue())) {
                changes.add("- " + (path.isEmpty() ? "" : path + ".") + entry.getKey() + ": " + entry.getValue());
                body.add(entry.getKey(), JsonNull.INSTANCE);
            }
        }
    }

    /** Whether the service would leave the value out of an answer: null, false, 0, "", [] or an object of those. */
    static boolean empty(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return true;
        }
        if (value.isJsonObject()) {
            return value.getAsJsonObject().entrySet().stream().allMatch(e -> empty(e.getValue()));
        }
        if (value.isJsonArray()) {
            return value.getAsJsonArray().isEmpty();
        }
        var primitive = value.getAsJsonPrimitive();
        return primitive.isBoolean() ? !primitive.getAsBoolean()
                : primitive.isNumber() ? primitive.getAsDouble() == 0 : primitive.getAsString().isEmpty();
    }

    /** Equal, counting a false or empty value the same as an absent one at any depth. */
    static boolean same(JsonElement a, JsonElement b) {
        if (empty(a) || empty(b)) {
            return empty(a) && empty(b);
        }
        if (a.isJsonObject() && b.isJsonObject()) {
            var keys = new HashSet<>(a.getAsJsonObject().keySet());
            keys.addAll(b.getAsJsonObject().keySet());
            return keys.stream().allMatch(k -> same(a.getAsJsonObject().get(k), b.getAsJsonObject().get(k)));
        }
        if (a.isJsonArray() && b.isJsonArray()) {
            var x = a.getAsJsonArray();
            var y = b.getAsJsonArray();
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
