package dev.latencyedge.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentsCommandTest {

    private final FakePulumiCloud cloud = new FakePulumiCloud();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    DeploymentsCommandTest() throws IOException {
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private int run(String... args) {
        return run(Path.of("."), args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    /** The committed files with the environment's deployer switched, as a team switching would edit them. */
    private Path withDeployer(String env, Deployer deployer) throws IOException {
        var dir = dev.latencyedge.Fixtures.copyProject(Files.createTempDirectory("latency-edge-deployments"));
        var global = dir.resolve("Pulumi." + env + ".deploy.yaml");
        Files.writeString(global, Files.readString(global).replace("deployer: github-actions",
                "deployer: " + deployer.value()));
        return dir;
    }

    private int run(Path projectDir, String... args) {
        return run(Map.of("PULUMI_ACCESS_TOKEN", FakePulumiCloud.TOKEN, "PULUMI_BACKEND_URL", cloud.uri().toString()),
                projectDir, args);
    }

    /** The command line's {@code deployments} with this environment, on {@code projectDir}. */
    private int run(Map<String, String> environment, Path projectDir, String... args) {
        var printOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        var printErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        var all = java.util.stream.Stream.concat(java.util.stream.Stream.of("deployments"), java.util.stream.Stream.concat(
                java.util.Arrays.stream(args), java.util.stream.Stream.of("--config-dir", projectDir.toString())));
        return dev.latencyedge.Cli.run(new dev.latencyedge.ServiceDoubles(null, null,
                dir -> new DeploymentsCommand(dir, environment, printOut, printErr)), environment, printOut, printErr,
                all.toArray(String[]::new));
    }

    private JsonObject hookOn(String stack, String payloadUrl) {
        var hook = new JsonObject();
        hook.addProperty("name", "legacy-" + stack);
        hook.addProperty("format", "pulumi_deployments");
        hook.addProperty("payloadUrl", payloadUrl);
        hook.add("filters", com.google.gson.JsonParser.parseString("[\"update_succeeded\"]"));
        return hook;
    }

    private static JsonObject slackHook() {
        var hook = new JsonObject();
        hook.addProperty("name", "team-chat");
        hook.addProperty("format", "slack");
        hook.addProperty("payloadUrl", "https://hooks.slack.com/services/T0/B0/x");
        return hook;
    }

    private static boolean flag(JsonObject settings, String section, String key) {
        var object = settings.getAsJsonObject(section);
        return object.has(key) && object.get(key).getAsBoolean();
    }

    // With the GitHub workflows deploying, Deployments must neither deploy pushes (two deployers collide with
    // 409 "another update is in progress") nor keep webhooks that deploy stacks beside the workflow's jobs.
    @Test
    void underTheGithubWorkflowsDeploymentsDeploysNothingAndItsWebhooksAreRemoved() {
        cloud.hooks.put("dev-us-east-1", new java.util.LinkedHashMap<>(Map.of("legacy-dev-us-east-1",
                hookOn("dev-us-east-1", "latency-edge/dev"), "team-chat", slackHook())));
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        assertTrue(printed().contains("dev is deployed by github-actions"), printed());
        for (var stack : List.of("dev-us-east-1", "dev-eu-west-1", "dev")) {
            var settings = cloud.settings.get(stack);
            assertFalse(flag(settings, "gitHub", "deployCommits"), stack);
            assertFalse(flag(settings, "gitHub", "previewPullRequests"), stack);
            assertEquals("arn:aws:iam::123456789012:role/latency-edge-deploy", settings.getAsJsonObject("operationContext")
                    .getAsJsonObject("oidc").getAsJsonObject("aws").get("roleArn").getAsString());
        }
        assertEquals(Set.of("team-chat"), cloud.hooks.get("dev-us-east-1").keySet(), "only Deployments hooks are ours");
        assertEquals(List.of("/api/stacks/acme/latency-edge/dev-us-east-1/hooks/legacy-dev-us-east-1"),
                cloud.requests("DELETE").stream().map(FakePulumiCloud.Request::path).toList());
        for (var request : cloud.requests) {
            assertEquals("token " + FakePulumiCloud.TOKEN, request.headers().get("authorization"));
            assertEquals("application/vnd.pulumi+8", request.headers().get("accept"));
        }
    }

    // One push, one edge deployment: a push deploys only the first Region, each Region's successful update the
    // next, the last Region's the edge. The official clients send no webhook name and read it from the answer.
    @Test
    void underDeploymentsAPushStartsTheChainOfRegionsThatEndsWithOneEdgeDeployment() throws IOException {
        var dir = withDeployer("dev", Deployer.PULUMI_DEPLOYMENTS);
        assertEquals(0, run(dir, "apply", "dev", "--org", "acme"), printed());
        var first = cloud.hooks.get("dev-us-east-1").values().iterator().next();
        assertEquals("latency-edge/dev-eu-west-1", first.get("payloadUrl").getAsString());
        var last = cloud.hooks.get("dev-eu-west-1").values().iterator().next();
        assertEquals("latency-edge/dev", last.get("payloadUrl").getAsString(), "the last Region deploys the edge");
        for (var hook : List.of(first, last)) {
            assertTrue(hook.get("name").getAsString().startsWith("hook-"), "named by the service");
            assertEquals("pulumi_deployments", hook.get("format").getAsString());
            assertEquals("[\"update_succeeded\"]", hook.get("filters").toString());
        }
        assertFalse(cloud.hooks.containsKey("dev") && !cloud.hooks.get("dev").isEmpty(), "the edge fires no hook");
        assertTrue(flag(cloud.settings.get("dev-us-east-1"), "gitHub", "deployCommits"), "pushes start the chain");
        assertFalse(flag(cloud.settings.get("dev-eu-west-1"), "gitHub", "deployCommits"), "only its hook deploys it");
        assertFalse(flag(cloud.settings.get("dev"), "gitHub", "deployCommits"), "only the last Region's hook deploys it");
        for (var stack : List.of("dev-us-east-1", "dev-eu-west-1", "dev")) {
            assertTrue(cloud.settings.get(stack).getAsJsonObject("operationContext").getAsJsonObject("options")
                    .get("skipIntermediateDeployments").getAsBoolean(), stack + ": queued deployments collapse");
        }
        // The edge first, the first Region last: no push starts a chain whose later hooks are not there yet.
        var settingsPosts = cloud.requests("POST").stream().map(FakePulumiCloud.Request::path)
                .filter(p -> p.endsWith("/deployments/settings")).toList();
        assertEquals(List.of("/api/stacks/acme/latency-edge/dev/deployments/settings",
                "/api/stacks/acme/latency-edge/dev-eu-west-1/deployments/settings",
                "/api/stacks/acme/latency-edge/dev-us-east-1/deployments/settings"), settingsPosts);
        for (var post : cloud.requests("POST")) {
            if (post.path().endsWith("/hooks")) {
                assertFalse(post.json().has("name"), "no client-chosen name");
            }
        }

        out.reset();
        cloud.requests.clear();
        assertEquals(0, run(dir, "apply", "dev", "--org", "acme"), printed());
        assertTrue(printed().contains("0 change(s) applied to dev"), printed());
        assertTrue(cloud.requests.stream().allMatch(r -> r.method().equals("GET")), "a second apply changes nothing");

        // A hook edited by hand is put back; a duplicate and a hook of the earlier layout (a Region deploying the
        // edge beside the other Regions) are deleted.
        out.reset();
        cloud.requests.clear();
        var name = cloud.hooks.get("dev-us-east-1").keySet().iterator().next();
        cloud.hooks.get("dev-us-east-1").get(name).addProperty("displayName", "edited by hand");
        cloud.hooks.get("dev-us-east-1").put("legacy-dev-us-east-1", hookOn("dev-us-east-1", "latency-edge/dev"));
        var duplicate = hookOn("dev-eu-west-1", "latency-edge/dev");
        cloud.hooks.get("dev-eu-west-1").put("legacy-dev-eu-west-1", duplicate);
        assertEquals(0, run(dir, "apply", "dev", "--org", "acme"), printed());
        assertEquals(List.of("/api/stacks/acme/latency-edge/dev-us-east-1/hooks/" + name),
                cloud.requests("PATCH").stream().map(FakePulumiCloud.Request::path).filter(p -> p.contains("/hooks/")).toList());
        assertEquals(Set.of(name), cloud.hooks.get("dev-us-east-1").keySet());
        assertEquals(1, cloud.hooks.get("dev-eu-west-1").size(), "a duplicate is removed");
        assertTrue(printed().contains("3 change(s) applied to dev"), printed());
    }

    // The service merges a POST (null removes a key); a key dropped from the file must be sent as null.
    @Test
    void whatAFileNoLongerHoldsIsRemovedFromTheServiceAndTheDiffShowsIt() throws IOException {
        var dir = withDeployer("dev", Deployer.GITHUB_ACTIONS);
        assertEquals(0, run(dir, "apply", "dev", "--org", "acme"), printed());
        var file = dir.resolve("Pulumi.dev-eu-west-1.deploy.yaml");
        var text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf("    environmentVariables:"))
                + "    environmentVariables: {}\n");

        out.reset();
        cloud.requests.clear();
        assertEquals(0, run(dir, "diff", "dev", "--org", "acme"), printed());
        var diff = printed();
        assertTrue(diff.contains("would update dev-eu-west-1 deployment settings:"), diff);
        assertTrue(diff.contains("- operationContext.environmentVariables.AWS_REGION: \"eu-west-1\""), diff);
        assertTrue(diff.contains("- operationContext.oidc: {\"aws\":{"), diff);
        assertTrue(diff.contains("1 change(s) to apply to dev"), diff);
        assertTrue(cloud.requests.stream().allMatch(r -> r.method().equals("GET")), "diff changes nothing");

        assertEquals(0, run(dir, "apply", "dev", "--org", "acme"), printed());
        var post = cloud.requests("POST").get(0).json().getAsJsonObject("operationContext");
        assertTrue(post.get("oidc").isJsonNull(), post.toString());
        var held = cloud.answered("dev-eu-west-1").getAsJsonObject("operationContext");
        assertFalse(held.has("oidc"), held.toString());
        assertFalse(held.has("environmentVariables"), held.toString());
        assertEquals("[\"./mvnw -B -q package -DskipTests\"]", held.get("preRunCommands").toString(), "kept");
    }

    // The service leaves false and empty values out of its answers: a declared false is no change.
    @Test
    void declaredFalseAndEmptyValuesAreNoChangeOnTheNextRun() {
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        assertFalse(cloud.answered("dev").getAsJsonObject("gitHub").has("deployCommits"), "answers omit false");
        out.reset();
        cloud.requests.clear();
        assertEquals(0, run("diff", "dev", "--org", "acme"), printed());
        assertTrue(printed().contains("0 change(s) to apply to dev"), printed());
        for (var stack : List.of("dev-us-east-1", "dev-eu-west-1", "dev")) {
            assertTrue(printed().contains("= " + stack + ": deployment settings unchanged"), printed());
        }
    }

    @Test
    void theDeployerOfAnEnvironmentIsPrintedForTheWorkflow() throws IOException {
        assertEquals(0, run("deployer", "prod"));
        assertEquals("github-actions", out.toString(StandardCharsets.UTF_8).strip());
        out.reset();
        assertEquals(0, run(withDeployer("prod", Deployer.PULUMI_DEPLOYMENTS), "deployer", "prod"));
        assertEquals("pulumi-deployments", out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(1, run("deployer", "staging"));
    }

    @Test
    void diffShowsWhatApplyWouldChangeAndChangesNothing() throws IOException {
        assertEquals(0, run(withDeployer("dev", Deployer.PULUMI_DEPLOYMENTS), "diff", "dev", "--org", "acme"), printed());
        assertTrue(cloud.requests.stream().allMatch(r -> r.method().equals("GET")));
        var text = printed();
        assertTrue(text.contains("would update dev-eu-west-1 deployment settings:"), text);
        assertTrue(text.contains("+ operationContext.oidc.aws.roleArn: \"arn:aws:iam::123456789012:role/latency-edge-deploy\""), text);
        assertTrue(text.contains("+ gitHub.deployCommits: true"), text);
        assertTrue(text.contains("+ would create webhook on dev-us-east-1 -> deploys latency-edge/dev-eu-west-1 on update_succeeded"), text);
        assertTrue(text.contains("+ would create webhook on dev-eu-west-1 -> deploys latency-edge/dev on update_succeeded"), text);
        assertTrue(text.contains("+ would create policy group latency-edge-dev"), text);
        assertTrue(text.contains("~ would enable policy pack latency-edge 1.1.0 in policy group latency-edge-dev"), text);
        // group, 3 stacks added, pack enabled; 3 settings; 2 hooks
        assertTrue(text.contains("10 change(s) to apply to dev"), text);
    }

    // Deployments settings have no policy-pack field: the pack reaches a deployment only when published to the
    // organization and applied through a policy group, by versionTag (pulumi/pulumi httpstate client
    // ApplyPolicyPack; the version number is output-only, pulumi-pulumiservice policy_group.go).
    @Test
    void theEnvironmentsPolicyGroupHoldsExactlyItsStacksAndTheNewestPackBeforeAnySettingIsWritten() {
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        var group = cloud.policyGroups.get("latency-edge-dev");
        assertEquals("[{\"name\":\"dev-us-east-1\",\"routingProject\":\"latency-edge\"},"
                + "{\"name\":\"dev-eu-west-1\",\"routingProject\":\"latency-edge\"},"
                + "{\"name\":\"dev\",\"routingProject\":\"latency-edge\"}]", group.get("stacks").toString());
        assertEquals("[{\"name\":\"latency-edge\",\"version\":2,\"versionTag\":\"1.1.0\"}]",
                group.get("appliedPolicyPacks").toString());
        assertEquals("/api/orgs/acme/policygroups", cloud.requests("POST").get(0).path());
        for (var patch : cloud.requests("PATCH")) {
            if (patch.json().has("addPolicyPack")) {
                assertFalse(patch.json().getAsJsonObject("addPolicyPack").has("version"), "version is output-only");
            }
        }

        cloud.requests.clear();
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        assertEquals(List.of(), cloud.requests("PATCH"));
        assertTrue(printed().contains("= policy group latency-edge-dev unchanged (pack latency-edge 1.1.0)"), printed());

        // A new version is published and a Region left the environment: the newest replaces the one enabled
        // before, the departed stack leaves the group, and the next apply changes nothing.
        cloud.policyPacks.put("latency-edge", List.of("1.0.0", "1.1.0", "1.2.0"));
        var departed = new JsonObject();
        departed.addProperty("name", "dev-ap-southeast-1");
        departed.addProperty("routingProject", "latency-edge");
        group.getAsJsonArray("stacks").add(departed);
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        assertEquals("[{\"name\":\"latency-edge\",\"version\":3,\"versionTag\":\"1.2.0\"}]",
                cloud.policyGroups.get("latency-edge-dev").get("appliedPolicyPacks").toString());
        assertFalse(cloud.policyGroups.get("latency-edge-dev").get("stacks").toString().contains("dev-ap-southeast-1"));
        cloud.requests.clear();
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        assertEquals(List.of(), cloud.requests("PATCH"));
    }

    // A call failing halfway: say what was applied and what was not, exit 1; the next apply finishes the job.
    @Test
    void aFailedCallStopsApplySayingWhichStacksWereAppliedAndTheNextApplyFinishes() {
        cloud.failOn = "POST /api/stacks/acme/latency-edge/dev-eu-west-1/deployments/settings";
        assertEquals(1, run("apply", "dev", "--org", "acme"));
        var message = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("deployments apply dev failed: stack acme/latency-edge/dev-eu-west-1: POST"), message);
        assertTrue(message.endsWith("answered 500: Internal Server Error; applied: dev-us-east-1;"
                + " not applied: dev-eu-west-1, dev; run it again to finish"), message);
        assertTrue(cloud.settings.containsKey("dev-us-east-1"));
        assertFalse(cloud.settings.containsKey("dev"));

        cloud.failOn = null;
        out.reset();
        err.reset();
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        assertTrue(printed().contains("= dev-us-east-1: deployment settings unchanged"), printed());
        assertTrue(printed().contains("2 change(s) applied to dev"), printed());
        assertTrue(cloud.settings.containsKey("dev"));
    }

    // Both Regions deploying the edge (the earlier layout) would start two edge deployments per push.
    @Test
    void webhooksThatDoNotChainTheRegionsToTheEdgeAreRefusedBeforeAnyCall() throws IOException {
        var dir = withDeployer("dev", Deployer.PULUMI_DEPLOYMENTS);
        var file = dir.resolve("deployments/webhooks.yaml");
        Files.writeString(file, Files.readString(file).replace("payloadUrl: latency-edge/dev-eu-west-1",
                "payloadUrl: latency-edge/dev"));
        assertEquals(1, run(dir, "apply", "dev", "--org", "acme"));
        var message = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("deployments/webhooks.yaml: the hooks of dev must chain its Regions one after"
                + " another to the edge dev, so that a push deploys the edge once, after its last Region"), message);
        assertEquals(List.of(), cloud.requests);
    }

    @Test
    void aPackListedWithoutVersionTagsIsNotGuessed() {
        cloud.policyPacks.put("latency-edge", List.of());
        assertEquals(1, run("apply", "dev", "--org", "acme"));
        assertTrue(printed().contains("the policy pack latency-edge is not published to acme"), printed());
    }

    @Test
    void anUnpublishedPackStopsApplyBeforeAnyDeploymentCanRunWithoutIt() {
        cloud.policyPacks.clear();
        assertEquals(1, run("apply", "dev", "--org", "acme"));
        assertTrue(printed().contains("the policy pack latency-edge is not published to acme, so Deployments would run"
                + " without it: publish it first with (cd policy && npm ci && npm run build && pulumi policy publish acme)"),
                printed());
        assertEquals(List.of(), cloud.requests("POST"));
    }

    @Test
    void anErrorAnswerNamesTheStackAndNeverShowsTheToken() {
        cloud.failWith = 403;
        assertEquals(1, run("apply", "dev", "--org", "acme"));
        var text = printed();
        assertTrue(text.contains("deployments apply dev failed: organization acme: GET "
                + "/api/orgs/acme/policypacks answered 403: denied for token [token]"), text);
        assertFalse(text.contains(FakePulumiCloud.TOKEN));

        cloud.failWith = 500;
        assertEquals(1, run("diff", "dev", "--org", "acme"));
        assertTrue(printed().contains("answered 500"));
    }

    @Test
    void aMissingTokenOrOrgIsAUsageError() {
        assertEquals(2, run(Map.of(), Path.of("."), "apply", "dev", "--org", "acme"));
        assertTrue(printed().contains("PULUMI_ACCESS_TOKEN is not set"));
        assertEquals(2, run("apply", "dev"));
    }

    @Test
    void theBackendUrlIsTakenAsTheCliTakesIt() {
        assertEquals("https://api.pulumi.com", PulumiCloudClient.apiFor(null).toString());
        assertEquals("https://api.pulumi.com", PulumiCloudClient.apiFor("https://app.pulumi.com").toString());
        assertEquals("https://pulumi.example.com", PulumiCloudClient.apiFor("https://pulumi.example.com/").toString());
        assertThrows(IllegalArgumentException.class, () -> PulumiCloudClient.apiFor("s3://state-bucket"));
    }
}
