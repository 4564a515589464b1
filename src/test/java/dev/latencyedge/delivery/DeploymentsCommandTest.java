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

    // With the GitHub workflows deploying, Deployments must neither deploy pushes (two deployers collide with
    // 409 "another update is in progress") nor keep webhooks that deploy the edge beside the workflow's edge job.
    @Test
    void underTheGithubWorkflowsDeploymentsDeploysNothingAndItsWebhooksAreRemoved() {
        cloud.hooks.put("dev-us-east-1", new java.util.LinkedHashMap<>(Map.of("legacy-dev-us-east-1",
                hookOn("dev-us-east-1", "latency-edge/dev"))));
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        assertTrue(printed().contains("dev is deployed by github-actions"), printed());
        for (var stack : List.of("dev-us-east-1", "dev-eu-west-1", "dev")) {
            var settings = cloud.settings.get(stack);
            assertFalse(settings.getAsJsonObject("gitHub").get("deployCommits").getAsBoolean(), stack);
            assertFalse(settings.getAsJsonObject("gitHub").get("previewPullRequests").getAsBoolean(), stack);
            assertEquals("arn:aws:iam::123456789012:role/latency-edge-deploy", settings.getAsJsonObject("operationContext")
                    .getAsJsonObject("oidc").getAsJsonObject("aws").get("roleArn").getAsString());
        }
        assertEquals(Map.of(), cloud.hooks.get("dev-us-east-1"));
        assertEquals(List.of("/api/stacks/acme/latency-edge/dev-us-east-1/hooks/legacy-dev-us-east-1"),
                cloud.requests("DELETE").stream().map(FakePulumiCloud.Request::path).toList());
        for (var request : cloud.requests) {
            assertEquals("token " + FakePulumiCloud.TOKEN, request.headers().get("authorization"));
            assertEquals("application/vnd.pulumi+8", request.headers().get("accept"));
        }
    }

    // The official clients send no webhook name and read it from the answer; where the service names hooks
    // itself, matching by a name of our own would add a hook on every apply.
    @Test
    void underDeploymentsPushesDeployRegionsAndEachRegionsHookDeploysTheEdgeHowEverOftenApplied() throws IOException {
        var dir = withDeployer("dev", Deployer.PULUMI_DEPLOYMENTS);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, run(dir, "apply", "dev", "--org", "acme"), printed());
        }
        for (var region : List.of("dev-us-east-1", "dev-eu-west-1")) {
            var hooks = cloud.hooks.get(region);
            assertEquals(1, hooks.size(), region + ": " + hooks);
            var hook = hooks.values().iterator().next();
            assertTrue(hook.get("name").getAsString().startsWith("hook-"), "named by the service");
            assertEquals("pulumi_deployments", hook.get("format").getAsString());
            assertEquals("latency-edge/dev", hook.get("payloadUrl").getAsString());
            assertEquals("[\"update_succeeded\"]", hook.get("filters").toString());
            assertTrue(cloud.settings.get(region).getAsJsonObject("gitHub").get("deployCommits").getAsBoolean());
        }
        assertFalse(cloud.hooks.containsKey("dev"), "the edge fires no hook");
        var edgePaths = cloud.settings.get("dev").getAsJsonObject("gitHub").get("paths").toString();
        assertEquals("[\"Pulumi.dev.yaml\"]", edgePaths, "the edge deploys after its Regions, not beside them");
        for (var post : cloud.requests("POST")) {
            if (post.path().endsWith("/hooks")) {
                assertFalse(post.json().has("name"), "no client-chosen name");
            }
        }

        cloud.requests.clear();
        var name = cloud.hooks.get("dev-us-east-1").keySet().iterator().next();
        cloud.hooks.get("dev-us-east-1").get(name).addProperty("displayName", "edited by hand");
        cloud.hooks.get("dev-eu-west-1").put("legacy-dev-eu-west-1", hookOn("dev-eu-west-1", "latency-edge/dev"));
        assertEquals(0, run(dir, "apply", "dev", "--org", "acme"), printed());
        assertEquals(List.of("/api/stacks/acme/latency-edge/dev-us-east-1/hooks/" + name),
                cloud.requests("PATCH").stream().map(FakePulumiCloud.Request::path).filter(p -> p.contains("/hooks/")).toList());
        assertEquals(1, cloud.hooks.get("dev-eu-west-1").size(), "a duplicate is removed");
        assertTrue(printed().contains("2 change(s) applied to dev"), printed());
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
        assertTrue(text.contains("+ would create webhook on dev-us-east-1 -> deploys latency-edge/dev on update_succeeded"), text);
        assertTrue(text.contains("+ would create policy group latency-edge-dev"), text);
        assertTrue(text.contains("~ would enable policy pack latency-edge version 2 in policy group latency-edge-dev"), text);
        assertTrue(text.contains("10 change(s) to apply to dev"), text);
    }

    // Deployments settings have no policy-pack field: the pack reaches a deployment only when published to the
    // organization and applied through a policy group (pulumi policy publish / enable; httpstate client shapes).
    @Test
    void theEnvironmentsPolicyGroupHoldsEveryStackAndTheNewestPackBeforeAnySettingIsWritten() {
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        var group = cloud.policyGroups.get("latency-edge-dev");
        assertEquals("[{\"name\":\"dev-us-east-1\",\"routingProject\":\"latency-edge\"},"
                + "{\"name\":\"dev-eu-west-1\",\"routingProject\":\"latency-edge\"},"
                + "{\"name\":\"dev\",\"routingProject\":\"latency-edge\"}]", group.get("stacks").toString());
        assertEquals("[{\"name\":\"latency-edge\",\"version\":2,\"config\":{}}]",
                group.get("appliedPolicyPacks").toString());
        assertEquals("/api/orgs/acme/policygroups", cloud.requests("POST").get(0).path());

        cloud.requests.clear();
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        assertEquals(List.of(), cloud.requests("PATCH"));
        assertTrue(printed().contains("= policy group latency-edge-dev unchanged (pack latency-edge version 2)"));

        cloud.policyPacks.put("latency-edge", List.of(1, 2, 3));
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        assertEquals("[{\"name\":\"latency-edge\",\"version\":3,\"config\":{}}]",
                cloud.policyGroups.get("latency-edge-dev").get("appliedPolicyPacks").toString());
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
