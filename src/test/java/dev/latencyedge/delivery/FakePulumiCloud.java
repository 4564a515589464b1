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
 * A stand-in for the two Pulumi Cloud APIs on loopback. It answers only requests shaped as documented (path,
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

    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    final Map<String, JsonObject> settings = new HashMap<>();
    final Map<String, Map<String, JsonObject>> hooks = new HashMap<>();
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
        if (settingsPath.matches()) {
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
                    var hook = JsonParser.parseString(body).getAsJsonObject();
                    if (stackHooks.containsKey(hook.get("name").getAsString())) {
                        reply(exchange, 409, "{\"code\":409,\"message\":\"webhook already exists\"}");
                    } else {
                        stackHooks.put(hook.get("name").getAsString(), hook);
                        reply(exchange, 201, hook.toString());
                    }
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
