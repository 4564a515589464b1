package dev.latencyedge.delivery;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few Pulumi Cloud REST calls Deployments-as-code needs: a stack's deployment settings and its webhooks, and
 * the organization's policy packs and policy groups (shapes as pkg/backend/httpstate/client in pulumi/pulumi).
 * Every request carries {@code Authorization: token ...} and {@code Accept: application/vnd.pulumi+8}; the
 * token never appears in a message.
 */
public final class PulumiCloudClient {

    public static final String DEFAULT_API = "https://api.pulumi.com";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    public PulumiCloudClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A failed call, with the stack it was for and what the service said. */
    public static final class ApiException extends RuntimeException {
        public ApiException(String message) {
            super(message);
        }
    }

    /** The API endpoint for a backend URL as the CLI takes it ({@code PULUMI_BACKEND_URL}); empty: the default. */
    public static URI apiFor(String backendUrl) {
        if (backendUrl == null || backendUrl.isBlank()) {
            return URI.create(DEFAULT_API);
        }
        var uri = URI.create(backendUrl.strip().replaceAll("/+$", ""));
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("PULUMI_BACKEND_URL " + backendUrl + " is a self-managed backend;"
                    + " Pulumi Deployments and webhooks need Pulumi Cloud");
        }
        // The console host of Pulumi Cloud answers the API on api.pulumi.com, as the CLI maps it.
        return "app.pulumi.com".equals(uri.getHost()) ? URI.create(DEFAULT_API) : uri;
    }

    /** The organization's published policy packs, each with its {@code versions} and their {@code versionTags}. */
    public List<JsonObject> policyPacks(String organization) {
        return orgList(organization, "/policypacks", "policyPacks");
    }

    public List<String> policyGroupNames(String organization) {
        return orgList(organization, "/policygroups", "policyGroups").stream()
                .map(g -> g.get("name").getAsString()).toList();
    }

    /** Creates a policy group that applies to stacks and blocks an update on a mandatory violation. */
    public void createPolicyGroup(String organization, String name) {
        var body = new JsonObject();
        body.addProperty("name", name);
        body.addProperty("entityType", "stacks");
        body.addProperty("mode", "preventative");
        sendToOrg(organization, "POST", "/policygroups", body, false);
    }

    public Optional<JsonObject> policyGroup(String organization, String name) {
        return sendToOrg(organization, "GET", policyGroupPath(name), null, true).map(JsonElement::getAsJsonObject);
    }

    /** One change to a policy group: {@code addStack}, {@code removeStack}, {@code addPolicyPack} or {@code removePolicyPack}. */
    public void updatePolicyGroup(String organization, String name, JsonObject change) {
        sendToOrg(organization, "PATCH", policyGroupPath(name), change, false);
    }

    private static String policyGroupPath(String name) {
        return "/policygroups/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /** The objects of one array field of an organization resource's answer; empty when there is none. */
    private List<JsonObject> orgList(String organization, String suffix, String field) {
        var items = new ArrayList<JsonObject>();
        sendToOrg(organization, "GET", suffix, null, true)
                .filter(JsonElement::isJsonObject).map(b -> b.getAsJsonObject().get(field))
                .filter(JsonElement::isJsonArray)
                .ifPresent(a -> a.getAsJsonArray().forEach(i -> items.add(i.getAsJsonObject())));
        return items;
    }

    private Optional<JsonElement> sendToOrg(String organization, String method, String suffix, JsonElement body,
                                            boolean notFoundIsEmpty) {
        return send("organization " + organization, method,
                "/api/orgs/" + URLEncoder.encode(organization, StandardCharsets.UTF_8) + suffix, body, notFoundIsEmpty);
    }

    public Optional<JsonObject> settings(StackId stack) {
        return send(stack, "GET", stack.path("/deployments/settings"), null, true).map(JsonElement::getAsJsonObject);
    }

    /** Creates or merges the stack's deployment settings: keys left out are kept, a null removes one. */
    public void putSettings(StackId stack, JsonObject settings) {
        send(stack, "POST", stack.path("/deployments/settings"), settings, false);
    }

    public List<JsonObject> hooks(StackId stack) {
        var hooks = new ArrayList<JsonObject>();
        send(stack, "GET", stack.path("/hooks"), null, true).ifPresent(body -> {
            JsonArray array = body.isJsonArray() ? body.getAsJsonArray() : new JsonArray();
            array.forEach(h -> hooks.add(h.getAsJsonObject()));
        });
        return hooks;
    }

    /** @return the hook as the service answers, with the name it gave */
    public Optional<JsonObject> createHookNamed(StackId stack, JsonObject hook) {
        return send(stack, "POST", stack.path("/hooks"), hook, false).filter(JsonElement::isJsonObject)
                .map(JsonElement::getAsJsonObject);
    }

    public void deleteHook(StackId stack, String name) {
        send(stack, "DELETE", stack.path("/hooks/" + URLEncoder.encode(name, StandardCharsets.UTF_8)), null, true);
    }

    public void updateHook(StackId stack, String name, JsonObject hook) {
        send(stack, "PATCH", stack.path("/hooks/" + URLEncoder.encode(name, StandardCharsets.UTF_8)), hook, false);
    }

    private Optional<JsonElement> send(StackId stack, String method, String path, JsonElement body,
                                       boolean notFoundIsEmpty) {
        return send(stack.toString(), method, path, body, notFoundIsEmpty);
    }

    private Optional<JsonElement> send(String what, String method, String path, JsonElement body,
                                       boolean notFoundIsEmpty) {
        var request = HttpRequest.newBuilder(base.resolve(base.getPath().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "token " + token)
                .header("Accept", "application/vnd.pulumi+8")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        // toString keeps null members (Gson's default writer drops them): null removes a key.
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException(what + ": " + method + " " + path + " failed: " + redact(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(what + ": interrupted");
        }
        if (response.statusCode() == 404 && notFoundIsEmpty) {
            return Optional.empty();
        }
        if (response.statusCode() >= 400) {
            throw new ApiException(what + ": " + method + " " + path + " answered " + response.statusCode() + ": "
                    + redact(message(response.body())));
        }
        if (response.body().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonParser.parseString(response.body()));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    private static String message(String body) {
        try {
            var json = JsonParser.parseString(body);
            if (json.isJsonObject() && json.getAsJsonObject().has("message")) {
                return json.getAsJsonObject().get("message").getAsString();
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            // not JSON: show it as it came
        }
        return body.strip();
    }

    private String redact(String text) {
        return token.isEmpty() ? text : text.replace(token, "[token]");
    }

    /** A stack in Pulumi Cloud. */
    public record StackId(String organization, String project, String stack) {
        String path(String suffix) {
            return "/api/stacks/" + organization + "/" + project + "/" + stack + suffix;
        }

        @Override
        public String toString() {
            return "stack " + organization + "/" + project + "/" + stack;
        }
    }
}
