package dev.latencyedge.delivery;

import com.google.gson.JsonArray;
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
 * A stand-in for the Pulumi Cloud APIs Deployments-as-code uses, on loopback; like the service may, it names
 * webhooks itself. It answers only requests shaped as documented (path,
 * method, Authorization and Accept headers, JSON body) and records them, so tests can check what was sent.
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
    final Map<String, JsonObject> settings = new HashMap<>();
    final Map<String, Map<String, JsonObject>> hooks = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger hookNames = new java.util.concurrent.atomic.AtomicInteger();
    /** Published policy pack name -> versions; the pack is published twice unless a test says otherwise. */
    final Map<String, List<Integer>> policyPacks = new HashMap<>(Map.of("latency-edge", List.of(1, 2)));
    /** Policy group name -> {name, stacks, appliedPolicyPacks}, as the service answers for one group. */
    final Map<String, JsonObject> policyGroups = new LinkedHashMap<>();
    /** When set, every request is answered with this status and a message that echoes the token. */
    volatile int failWith;
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

    private void handle(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = new LinkedHashMap<String, String>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        var path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, headers, body));
        if (failWith != 0) {
            reply(exchange, failWith, "{\"code\":" + failWith + ",\"message\":\"denied for token " + TOKEN + "\"}");
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
        if (PACKS.matcher(path).matches() && exchange.getRequestMethod().equals("GET")) {
            var packs = new JsonArray();
            policyPacks.forEach((name, versions) -> {
                var pack = new JsonObject();
                pack.addProperty("name", name);
                var list = new JsonArray();
                versions.forEach(list::add);
                pack.add("versions", list);
                packs.add(pack);
            });
            var body2 = new JsonObject();
            body2.add("policyPacks", packs);
            reply(exchange, 200, body2.toString());
        } else if (groupsPath.matches()) {
            policyGroup(exchange, groupsPath.group(2), body);
        } else if (settingsPath.matches()) {
            var stack = settingsPath.group(3);
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    var current = settings.get(stack);
                    reply(exchange, current == null ? 404 : 200, current == null ? "{\"code\":404,\"message\":\"Not Found\"}" : current.toString());
                }
                case "POST" -> {
                    settings.put(stack, JsonParser.parseString(body).getAsJsonObject());
                    reply(exchange, 200, "");
                }
                default -> reply(exchange, 405, "{}");
            }
        } else if (hooksPath.matches()) {
            var stackHooks = hooks.computeIfAbsent(hooksPath.group(3), s -> new LinkedHashMap<>());
            var name = hooksPath.group(4);
            switch (exchange.getRequestMethod() + (name == null ? "" : " one")) {
                case "GET" -> {
                    var array = new JsonArray();
                    stackHooks.values().forEach(array::add);
                    reply(exchange, 200, array.toString());
                }
                case "POST" -> {
                    // As the service may: it names the hook itself, whatever name the client sent, and answers
                    // with the hook so the client can read the name.
                    var hook = JsonParser.parseString(body).getAsJsonObject();
                    var given = "hook-" + hookNames.incrementAndGet();
                    hook.addProperty("name", given);
                    stackHooks.put(given, hook);
                    reply(exchange, 201, hook.toString());
                }
                case "DELETE one" -> {
                    reply(exchange, stackHooks.remove(name) == null ? 404 : 204, "");
                }
                case "PATCH one" -> {
                    if (!stackHooks.containsKey(name)) {
                        reply(exchange, 404, "{\"code\":404,\"message\":\"no such webhook\"}");
                    } else {
                        stackHooks.put(name, JsonParser.parseString(body).getAsJsonObject());
                        reply(exchange, 200, body);
                    }
                }
                default -> reply(exchange, 405, "{}");
            }
        } else {
            reply(exchange, 404, "{\"code\":404,\"message\":\"Not Found\"}");
        }
    }

    /** The policy-group calls of pkg/backend/httpstate/client: list, create, get one, and one change per PATCH. */
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
                reply(exchange, 201, "");
            }
            case "GET one" -> {
                var group = policyGroups.get(name);
                reply(exchange, group == null ? 404 : 200, group == null ? "{\"code\":404}" : group.toString());
            }
            case "PATCH one" -> {
                var group = policyGroups.get(name);
                var change = JsonParser.parseString(body).getAsJsonObject();
                if (group == null) {
                    reply(exchange, 404, "{\"code\":404}");
                    return;
                }
                if (change.has("addStack")) {
                    group.getAsJsonArray("stacks").add(change.get("addStack"));
                }
                if (change.has("addPolicyPack")) {
                    var packs = new JsonArray();
                    var added = change.getAsJsonObject("addPolicyPack");
                    // One version of a pack per group: adding a version replaces the one applied.
                    group.getAsJsonArray("appliedPolicyPacks").forEach(p -> {
                        if (!p.getAsJsonObject().get("name").equals(added.get("name"))) {
                            packs.add(p);
                        }
                    });
                    packs.add(added);
                    group.add("appliedPolicyPacks", packs);
                }
                reply(exchange, 204, "");
            }
            default -> reply(exchange, 405, "{}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
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
