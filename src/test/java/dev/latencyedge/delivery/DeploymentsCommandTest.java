package dev.latencyedge.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        return new DeploymentsCommand(Path.of("."),
                Map.of("PULUMI_ACCESS_TOKEN", FakePulumiCloud.TOKEN, "PULUMI_BACKEND_URL", cloud.uri().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void applyPutsEveryStacksSettingsAndTheWebhooksWithTheDocumentedShapes() {
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        var posts = cloud.requests("POST");
        assertEquals(List.of(
                "/api/orgs/acme/policygroups",
                "/api/stacks/acme/latency-edge/dev-us-east-1/deployments/settings",
                "/api/stacks/acme/latency-edge/dev-eu-west-1/deployments/settings",
                "/api/stacks/acme/latency-edge/dev/deployments/settings",
                "/api/stacks/acme/latency-edge/dev-us-east-1/hooks",
                "/api/stacks/acme/latency-edge/dev-eu-west-1/hooks"), posts.stream().map(r -> r.path()).toList());
        for (var request : cloud.requests) {
            assertEquals("token " + FakePulumiCloud.TOKEN, request.headers().get("authorization"));
            assertEquals("application/vnd.pulumi+8", request.headers().get("accept"));
        }
        var settings = posts.get(2).json();
        assertEquals(DeploymentsAsCode.settings(Path.of("."), "dev-eu-west-1"), settings);
        assertEquals("arn:aws:iam::123456789012:role/latency-edge-deploy",
                settings.getAsJsonObject("operationContext").getAsJsonObject("oidc").getAsJsonObject("aws")
                        .get("roleArn").getAsString());
        var hook = posts.get(5).json();
        assertEquals("acme", hook.get("organizationName").getAsString());
        assertEquals("latency-edge", hook.get("projectName").getAsString());
        assertEquals("dev-eu-west-1", hook.get("stackName").getAsString());
        assertEquals("pulumi_deployments", hook.get("format").getAsString());
        assertEquals("latency-edge/dev", hook.get("payloadUrl").getAsString());
        assertEquals("[\"update_succeeded\"]", hook.get("filters").toString());
        assertTrue(hook.get("active").getAsBoolean());
    }

    @Test
    void applyingTwiceChangesNothingAndAnEditedWebhookIsUpdatedNotDuplicated() {
        assertEquals(0, run("apply", "dev", "--org", "acme"));
        cloud.requests.clear();
        cloud.hooks.get("dev-us-east-1").get("deploy-dev-edge").addProperty("displayName", "edited by hand");
        assertEquals(0, run("apply", "dev", "--org", "acme"), printed());
        assertEquals(List.of(), cloud.requests("POST"), "nothing created twice");
        var patches = cloud.requests("PATCH");
        assertEquals(1, patches.size());
        assertEquals("/api/stacks/acme/latency-edge/dev-us-east-1/hooks/deploy-dev-edge", patches.get(0).path());
        assertEquals(1, cloud.hooks.get("dev-us-east-1").size());
        assertTrue(printed().contains("1 change(s) applied to dev"), printed());
    }

    @Test
    void diffShowsWhatApplyWouldChangeAndChangesNothing() {
        assertEquals(0, run("diff", "dev", "--org", "acme"), printed());
        assertTrue(cloud.requests.stream().allMatch(r -> r.method().equals("GET")));
        var text = printed();
        assertTrue(text.contains("would update dev-eu-west-1 deployment settings:"), text);
        assertTrue(text.contains("+ operationContext.oidc.aws.roleArn: \"arn:aws:iam::123456789012:role/latency-edge-deploy\""), text);
        assertTrue(text.contains("+ would create webhook deploy-dev-edge on dev-us-east-1 -> deploys latency-edge/dev on update_succeeded"), text);
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
        var command = new DeploymentsCommand(Path.of("."), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, command.run(new String[] {"apply", "dev", "--org", "acme"}));
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
