package dev.latencyedge.delivery;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A stand-in for the Pulumi Cloud APIs Deployments-as-code uses, on loopback, answering as the service does. Each
 * behaviour names its upstream source (pulumi/pulumi = P, pulumi/pulumi-pulumiservice = S):
 * <ul>
 *   <li>{@code POST .../deployments/settings} merges: a key left out keeps its value, {@code null} removes it,
 *   objects merge, anything else is replaced (P pkg/backend/httpstate/client/client.go:2479-2492,
 *   PatchStackDeploymentSettings); it answers 204 with no body (P reads no answer from it, same lines; the 204
 *   is our choice, the service's status is not in any upstream source);</li>
 *   <li>answers leave false and empty values out ({@code omitempty}, P sdk/go/common/apitype/deployments.go:136-152);</li>
 *   <li>webhooks are created without a name and the service names them, answering with the hook (S
 *   provider/pkg/pulumiapi/webhooks.go:59-71, the request has no name, and :94, the name read from the answer);
 *   a hook's format and filters are left out when empty (P sdk/go/common/apitype/webhooks.go:27-28);</li>
 *   <li>policy packs are listed with {@code versions} and {@code versionTags} side by side (P
 *   sdk/go/common/apitype/policy.go:333-343); a pack is enabled and disabled by {@code versionTag} (P client.go
 *   ApplyPolicyPack :2151, DisablePolicyPack :2189), its {@code version} number is the service's, output-only (S
 *   provider/pkg/resources/policy_group.go:269-271), so a request naming only a number is refused; enabling a
 *   version leaves the one enabled before in place (S policy_group.go:448-466 removes it itself);</li>
 *   <li>PATCH of a policy group, POST of a new one and DELETE of a hook answer 204 with no body (S
 *   provider/pkg/pulumiapi/client.go:146-148 reads no body from a 204; policygroups.go:158,187 and webhooks.go:175
 *   expect none).</li>
 * </ul>
 * It records every request, so tests can check what was sent, and answers only requests shaped as documented
 * (Authorization and Accept headers).
 */
final class FakePulumiCloud implements AutoCloseable {

    record Request(String method, String path, Map<String, String> headers, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    static final String TOKEN = "pul-0123456789abcdef0123456789abcdef01234567";
    private static final Pattern SETTINGS = Pattern.compile("^/api/stacks/([^/]+)/([^/]+)/([^/]+)/deployments/settings$");
    private static final Pattern HOOKS = Pattern.compile("^/api/stacks/([^/]+)/([^/]+)/([^/]+)/hooks(?:/([^/]+))?$");
    private static final Pattern PACKS = Pattern.compile("^/api/orgs/([^/]+)/policypacks$");
    private static final Pattern GROUPS = Pattern.compile("^/api/orgs/([^/]+)/policygroups(?:/([^/]+))?$");

    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    /** Each stack's settings as the service stores them (false values included; answers leave them out). */
    final Map<String, JsonObject> settings = new HashMap<>();
    final Map<String, Map<String, JsonObject>> hooks = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger hookNames = new java.util.concurrent.atomic.AtomicInteger();
    /** Published pack name -> its version tags in publication order (version numbers 1, 2...); two by default. */
    final Map<String, List<String>> policyPacks = new HashMap<>(Map.of("latency-edge", List.of("1.0.0", "1.1.0")));
    /** Policy group name -> {name, stacks, appliedPolicyPacks}, as the service answers for one group. */
    final Map<String, JsonObject> policyGroups = new LinkedHashMap<>();
    /** When set, every request is answered with this status and a message that echoes the token. */
    volatile int failWith;
    /** When set, requests whose "METHOD path" contains it fail with 500 (a call failing halfway). */
    volatile String failOn;
    private final HttpServer server;

    FakePulumiCloud() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests(String method) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.method().equals(method)).toList();
        }
    }

    /** What a GET of the stack's settings answers: the stored document without its false and empty values. */
    JsonObject answered(String stack) {
        return settings.containsKey(stack) ? (JsonObject) withoutEmpty(settings.get(stack)) : null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = new LinkedHashMap<String, String>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        var path = exchange.getRequestURI().getPath();
        var method = exchange.getRequestMethod();
        requests.add(new Request(method, path, headers, body));
        if (failWith != 0) {
            reply(exchange, failWith, "{\"code\":" + failWith + ",\"message\":\"denied for token " + TOKEN + "\"}");
            return;
        }
        if (failOn != null && (method + " " + path).contains(failOn)) {
            reply(exchange, 500, "{\"code\":500,\"message\":\"Internal Server Error\"}");
            return;
        }
        if (!("token " + TOKEN).equals(headers.get("authorization"))) {
            reply(exchange, 401, "{\"code\":401,\"message\":\"Unauthorized\"}");
            return;
        }
        if (!"application/vnd.pulumi+8".equals(headers.get("accept"))) {
            reply(exchange, 406, "{\"code\":406,\"message\":\"Accept must be application/vnd.pulumi+8\"}");
            return;
        }
        var settingsPath = SETTINGS.matcher(path);
        var hooksPath = HOOKS.matcher(path);
        var groupsPath = GROUPS.matcher(path);
        if (PACKS.matcher(path).matches() && method.equals("GET")) {
            reply(exchange, 200, packList().toString());
        } else if (groupsPath.matches()) {
            policyGroup(exchange, groupsPath.group(2), body);
        } else if (settingsPath.matches()) {
            var stack = settingsPath.group(3);
            switch (method) {
                case "GET" -> {
                    var current = answered(stack);
                    reply(exchange, current == null ? 404 : 200,
                            current == null ? "{\"code\":404,\"message\":\"Not Found\"}" : current.toString());
                }
                case "POST" -> {
                    settings.put(stack, merge(settings.getOrDefault(stack, new JsonObject()),
                            JsonParser.parseString(body).getAsJsonObject()));
                    reply(exchange, 204, "");
                }
                default -> reply(exchange, 405, "{}");
            }
        } else if (hooksPath.matches()) {
            hook(exchange, hooksPath.group(3), hooksPath.group(4), body);
        } else {
            reply(exchange, 404, "{\"code\":404,\"message\":\"Not Found\"}");
        }
    }

    private JsonObject packList() {
        var packs = new JsonArray();
        policyPacks.forEach((name, tags) -> {
            var pack = new JsonObject();
            pack.addProperty("name", name);
            pack.addProperty("displayName", name);
            var versions = new JsonArray();
            var versionTags = new JsonArray();
            for (int i = 0; i < tags.size(); i++) {
                versions.add(i + 1);
                versionTags.add(tags.get(i));
            }
            pack.add("versions", versions);
            pack.add("versionTags", versionTags);
            packs.add(pack);
        });
        var answer = new JsonObject();
        answer.add("policyPacks", packs);
        return answer;
    }

    /** The deep merge of PatchStackDeploymentSettings: null removes, objects merge, anything else replaces. */
    static JsonObject merge(JsonObject stored, JsonObject patch) {
        var merged = stored.deepCopy();
        for (var entry : patch.entrySet()) {
            var value = entry.getValue();
            if (value.isJsonNull()) {
                merged.remove(entry.getKey());
            } else if (value.isJsonObject() && merged.has(entry.getKey()) && merged.get(entry.getKey()).isJsonObject()) {
                merged.add(entry.getKey(), merge(merged.getAsJsonObject(entry.getKey()), value.getAsJsonObject()));
            } else {
                merged.add(entry.getKey(), value.isJsonObject() ? merge(new JsonObject(), value.getAsJsonObject())
                        : value.deepCopy());
            }
        }
        return merged;
    }

    /** An answer as Go's omitempty writes it: false, 0, "", [] and {} left out. */
    private static JsonElement withoutEmpty(JsonElement value) {
        if (!value.isJsonObject()) {
            return value;
        }
        var copy = new JsonObject();
        for (var entry : value.getAsJsonObject().entrySet()) {
            var child = withoutEmpty(entry.getValue());
            if (!SettingsPatch.empty(child)) {
                copy.add(entry.getKey(), child);
            }
        }
        return copy;
    }

    private void hook(HttpExchange exchange, String stack, String name, String body) throws IOException {
        var stackHooks = hooks.computeIfAbsent(stack, s -> new LinkedHashMap<>());
        switch (exchange.getRequestMethod() + (name == null ? "" : " one")) {
            case "GET" -> {
                var array = new JsonArray();
                stackHooks.values().forEach(h -> array.add(withoutEmpty(h)));
                reply(exchange, 200, array.toString());
            }
            case "POST" -> {
                // The service names the hook, whatever the client sent, and answers with it.
                var hook = JsonParser.parseString(body).getAsJsonObject();
                var given = "hook-" + hookNames.incrementAndGet();
                hook.addProperty("name", given);
                hook.addProperty("hasSecret", false);
                stackHooks.put(given, hook);
                reply(exchange, 201, withoutEmpty(hook).toString());
            }
            case "DELETE one" -> reply(exchange, stackHooks.remove(name) == null ? 404 : 204, "");
            case "PATCH one" -> {
                if (!stackHooks.containsKey(name)) {
                    reply(exchange, 404, "{\"code\":404,\"message\":\"no such webhook\"}");
                } else {
                    stackHooks.put(name, JsonParser.parseString(body).getAsJsonObject());
                    reply(exchange, 200, withoutEmpty(stackHooks.get(name)).toString());
                }
            }
            default -> reply(exchange, 405, "{}");
        }
    }

    /** The policy-group calls: list, create, get one, and one change per PATCH (P apitype/policy.go:282-289). */
    private void policyGroup(HttpExchange exchange, String name, String body) throws IOException {
        switch (exchange.getRequestMethod() + (name == null ? "" : " one")) {
            case "GET" -> {
                var groups = new JsonArray();
                policyGroups.keySet().forEach(g -> {
                    var summary = new JsonObject();
                    summary.addProperty("name", g);
                    groups.add(summary);
                });
                var answer = new JsonObject();
                answer.add("policyGroups", groups);
                reply(exchange, 200, answer.toString());
            }
            case "POST" -> {
                var request = JsonParser.parseString(body).getAsJsonObject();
                var group = new JsonObject();
                group.add("name", request.get("name"));
                group.add("stacks", new JsonArray());
                group.add("appliedPolicyPacks", new JsonArray());
                policyGroups.put(request.get("name").getAsString(), group);
                reply(exchange, 204, "");
            }
            case "GET one" -> {
                var group = policyGroups.get(name);
                reply(exchange, group == null ? 404 : 200, group == null ? "{\"code\":404}" : group.toString());
            }
            case "PATCH one" -> {
                var group = policyGroups.get(name);
                if (group == null) {
                    reply(exchange, 404, "{\"code\":404}");
                    return;
                }
                var refusal = change(group, JsonParser.parseString(body).getAsJsonObject());
                reply(exchange, refusal == null ? 204 : 400,
                        refusal == null ? "" : "{\"code\":400,\"message\":\"" + refusal + "\"}");
            }
            default -> reply(exchange, 405, "{}");
        }
    }

    /** @return why the change is refused, or null when it was made */
    private String change(JsonObject group, JsonObject change) {
        if (change.has("addStack")) {
            group.getAsJsonArray("stacks").add(change.get("addStack"));
        }
        if (change.has("removeStack")) {
            var gone = change.getAsJsonObject("removeStack").get("name");
            var kept = new JsonArray();
            group.getAsJsonArray("stacks").forEach(s -> {
                if (!s.getAsJsonObject().get("name").equals(gone)) {
                    kept.add(s);
                }
            });
            group.add("stacks", kept);
        }
        for (var kind : List.of("addPolicyPack", "removePolicyPack")) {
            if (!change.has(kind)) {
                continue;
            }
            var pack = change.getAsJsonObject(kind);
            var tags = policyPacks.getOrDefault(pack.get("name").getAsString(), List.of());
            var tag = pack.has("versionTag") ? pack.get("versionTag").getAsString() : "";
            if (!tags.contains(tag)) {
                return "policy pack " + pack.get("name").getAsString() + " has no published versionTag '" + tag + "'";
            }
            var applied = new JsonArray();
            group.getAsJsonArray("appliedPolicyPacks").forEach(p -> {
                var same = p.getAsJsonObject().get("name").equals(pack.get("name"))
                        && p.getAsJsonObject().get("versionTag").getAsString().equals(tag);
                if (!same) {
                    applied.add(p);
                }
            });
            if (kind.equals("addPolicyPack")) {
                var enabled = new JsonObject();
                enabled.add("name", pack.get("name"));
                enabled.addProperty("version", tags.indexOf(tag) + 1);
                enabled.addProperty("versionTag", tag);
                applied.add(enabled);
            }
            group.add("appliedPolicyPacks", applied);
        }
        return null;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
