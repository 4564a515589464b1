package dev.latencyedge.delivery;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed delivery files: workflows, Deployments settings and webhooks, checked for structure. */
class DeliveryFilesTest {

    private static final List<String> REGIONAL = List.of("dev-us-east-1", "dev-eu-west-1", "prod-us-east-1",
            "prod-eu-west-1", "prod-ap-southeast-1");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(Path.of(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> jobs(String workflow) throws IOException {
        return (Map<String, Map<String, Object>>) yaml(workflow).get("jobs");
    }

    /** YAML 1.1 reads the key "on" as true; GitHub reads it as "on". */
    private static Object trigger(String workflow) throws IOException {
        var doc = yaml(workflow);
        return doc.containsKey("on") ? doc.get("on") : doc.get(true);
    }

    @SuppressWarnings("unchecked")
    private static List<String> matrix(Map<String, Object> job) {
        return (List<String>) ((Map<String, Object>) ((Map<String, Object>) job.get("strategy")).get("matrix")).get("stack");
    }

    private static String stackStep(Map<String, Object> job) {
        return String.valueOf(job.get("steps"));
    }

    @Test
    void pullRequestsGetTheOfflinePlanForEveryoneAndPreviewsOnlyWhenTrusted() throws IOException {
        assertTrue(String.valueOf(trigger(".github/workflows/preview.yml")).contains("pull_request"));
        var jobs = jobs(".github/workflows/preview.yml");
        assertEquals(List.of("offline-plan", "plan-diff", "preview-regions", "preview-edges"), List.copyOf(jobs.keySet()));
        // Every pull request, forks included, gets the credential-free diff of its base and head plans.
        var diff = jobs.get("plan-diff");
        assertFalse(diff.containsKey("if"));
        assertFalse(((Map<?, ?>) diff.get("permissions")).containsKey("id-token"));
        var diffSteps = stackStep(diff);
        assertTrue(diffSteps.contains("plan --all --out \"$RUNNER_TEMP/plan-head\""), diffSteps);
        assertTrue(diffSteps.contains("git worktree add \"$RUNNER_TEMP/base\" \"${{ github.event.pull_request.base.sha }}\""));
        assertTrue(diffSteps.contains("diff \"$RUNNER_TEMP/plan-base\" \"$RUNNER_TEMP/plan-head\" --format markdown"));
        assertTrue(diffSteps.contains("GITHUB_STEP_SUMMARY"));
        var offline = jobs.get("offline-plan");
        var steps = stackStep(offline);
        assertTrue(steps.contains("./mvnw -B verify"));
        assertTrue(steps.contains("java -jar target/latency-edge.jar plan dev --out plan"), "with the policy pack");
        assertFalse(steps.contains("--no-policy"));
        assertTrue(steps.contains("GITHUB_STEP_SUMMARY"), "posts the plan summary");
        assertFalse(offline.containsKey("if"), "runs for forks too");
        assertFalse(offline.containsKey("permissions"), "no OIDC token for the fork-safe job");

        var regions = jobs.get("preview-regions");
        var edges = jobs.get("preview-edges");
        assertEquals("offline-plan", regions.get("needs"));
        assertEquals("preview-regions", edges.get("needs"), "Regions before the edges");
        for (var job : List.of(regions, edges)) {
            assertEquals("github.event.pull_request.head.repo.full_name == github.repository", job.get("if"));
            assertEquals("write", ((Map<?, ?>) job.get("permissions")).get("id-token"));
            assertTrue(stackStep(job).contains("uses=./.github/actions/stack"));
            assertTrue(stackStep(job).contains("command=preview"));
            assertTrue(stackStep(job).contains("comment-on-pr=true"));
        }
        assertEquals(REGIONAL, matrix(regions));
        assertEquals(List.of("dev", "prod"), matrix(edges));
    }

    @Test
    void theStackActionPreviewsWithDiffAndThePolicyPackOverOidc() throws IOException {
        var action = Files.readString(Path.of(".github/actions/stack/action.yml"));
        var doc = yaml(".github/actions/stack/action.yml");
        var steps = String.valueOf(((Map<?, ?>) doc.get("runs")).get("steps"));
        assertTrue(steps.contains("uses=pulumi/actions@v7"));
        assertTrue(steps.contains("diff=true"));
        assertTrue(steps.contains("policyPacks=policy"));
        assertTrue(steps.contains("comment-on-pr=${{ inputs.comment-on-pr }}"));
        assertTrue(steps.contains("role-to-assume=${{ inputs.aws-role }}"));
        assertTrue(steps.contains("uses=pulumi/auth-actions@v2"));
        assertFalse(action.contains("aws-access-key-id") || action.contains("aws-secret-access-key"));
    }

    // pulumi/actions' up goes through the Automation API with --skip-preview, where stack policies run after every
    // step: an up is previewed with the pack first, in a step whose failure stops the job before anything applies.
    @Test
    void anUpIsPreviewedWithThePolicyPackBeforeItApplies() throws IOException {
        @SuppressWarnings("unchecked")
        var steps = (List<Map<String, Object>>) ((Map<?, ?>) yaml(".github/actions/stack/action.yml").get("runs"))
                .get("steps");
        var pulumiSteps = steps.stream().filter(s -> "pulumi/actions@v7".equals(s.get("uses"))).toList();
        assertEquals(2, pulumiSteps.size());
        var preview = pulumiSteps.get(0);
        assertEquals("inputs.command == 'up'", preview.get("if"));
        assertEquals("preview", ((Map<?, ?>) preview.get("with")).get("command"));
        assertEquals("policy", ((Map<?, ?>) preview.get("with")).get("policyPacks"));
        assertFalse(preview.containsKey("continue-on-error"));
        assertEquals("${{ inputs.command }}", ((Map<?, ?>) pulumiSteps.get(1).get("with")).get("command"));
    }

    @Test
    void mainDeploysDevThenProdBehindApprovalRegionsBeforeEachEdge() throws IOException {
        assertTrue(String.valueOf(trigger(".github/workflows/deploy.yml")).contains("push={branches=[main]}"));
        var jobs = jobs(".github/workflows/deploy.yml");
        assertEquals("test", jobs.get("dev-regions").get("needs"));
        assertEquals("dev-regions", jobs.get("dev-edge").get("needs"));
        assertEquals(List.of("test", "dev-edge"), jobs.get("prod-regions").get("needs"));
        assertEquals("prod-regions", jobs.get("prod-edge").get("needs"));
        assertEquals("prod", jobs.get("prod-regions").get("environment"));
        assertEquals("prod", jobs.get("prod-edge").get("environment"));
        assertEquals(List.of("dev-us-east-1", "dev-eu-west-1"), matrix(jobs.get("dev-regions")));
        assertEquals(List.of("prod-us-east-1", "prod-eu-west-1", "prod-ap-southeast-1"), matrix(jobs.get("prod-regions")));
        for (var job : List.of("dev-regions", "dev-edge", "prod-regions", "prod-edge")) {
            assertTrue(stackStep(jobs.get(job)).contains("command=up"), job);
            // Deploy credentials only where a protected environment gates the job.
            assertTrue(List.of("dev", "prod").contains(jobs.get(job).get("environment")), job);
            assertTrue(stackStep(jobs.get(job)).contains("aws-role=${{ vars.AWS_DEPLOY_ROLE_ARN }}"), job);
        }
        // Pushes are deployed here only for environments whose deployer is the GitHub workflows.
        assertEquals("needs.test.outputs.dev == 'github-actions'", jobs.get("dev-regions").get("if"));
        assertTrue(String.valueOf(jobs.get("prod-regions").get("if")).contains("needs.test.outputs.prod == 'github-actions'"));
        assertTrue(stackStep(jobs.get("test")).contains("java -jar target/latency-edge.jar deployments deployer"));
    }

    // Pull-request previews run the branch's program: never with the deploy role or a token that can update
    // stacks. A read-only role, and a team token (Pulumi's Stack Read permission set allows previews).
    @Test
    void pullRequestPreviewsUseAReadOnlyRoleAndATeamTokenThatCannotUpdate() throws IOException {
        var jobs = jobs(".github/workflows/preview.yml");
        for (var job : List.of("preview-regions", "preview-edges")) {
            var steps = stackStep(jobs.get(job));
            assertTrue(steps.contains("aws-role=${{ vars.AWS_PREVIEW_ROLE_ARN }}"), job);
            assertFalse(steps.contains("AWS_DEPLOY_ROLE_ARN"), job);
            assertTrue(steps.contains("pulumi-token-type=urn:pulumi:token-type:access_token:team"), job);
            assertTrue(steps.contains("pulumi-scope=team:${{ vars.PULUMI_PREVIEW_TEAM }}"), job);
            assertFalse(jobs.get(job).containsKey("environment"), job);
        }
    }

    // GitHub runs a step's script with bash -e unless shell: bash is explicit, which adds -o pipefail; without it
    // `plan ... | tee` loses the plan's exit status (GitHub Actions docs, "defaults.run.shell").
    @SuppressWarnings("unchecked")
    @Test
    void noStepCanLoseAFailureInAPipe() throws IOException {
        for (var workflow : List.of(".github/workflows/preview.yml", ".github/workflows/deploy.yml")) {
            assertEquals(Map.of("shell", "bash"), ((Map<String, Object>) yaml(workflow).get("defaults")).get("run"), workflow);
            for (var job : jobs(workflow).values()) {
                for (var step : (List<Map<String, Object>>) job.get("steps")) {
                    assertTrue(!step.containsKey("shell") || "bash".equals(step.get("shell")), workflow + ": " + step);
                }
            }
        }
        var action = (List<Map<String, Object>>) ((Map<?, ?>) yaml(".github/actions/stack/action.yml").get("runs")).get("steps");
        action.stream().filter(s -> s.containsKey("run")).forEach(s -> assertEquals("bash", s.get("shell"), s.toString()));
    }

    // GitHub deprecates the node20 action runtime; these majors run on node24.
    @Test
    void actionsAreOnTheirNode24Majors() throws IOException {
        var current = Map.of("actions/checkout", "v6", "actions/setup-java", "v5", "actions/setup-node", "v6",
                "actions/upload-artifact", "v6", "aws-actions/configure-aws-credentials", "v5", "pulumi/actions", "v7",
                "pulumi/auth-actions", "v2");
        try (Stream<Path> files = Files.walk(Path.of(".github"))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var uses = java.util.regex.Pattern.compile("uses: ([\\w-]+/[\\w-]+)@(\\w+)").matcher(Files.readString(file));
                while (uses.find()) {
                    assertEquals(current.get(uses.group(1)), uses.group(2), file + ": " + uses.group());
                }
            }
        }
    }

    // Every placeholder stack must be refused before the CLI fails on it, in CI as in the fleet.
    @Test
    void theStackActionRefusesPlaceholderSecretsFirst() throws IOException {
        var action = Files.readString(Path.of(".github/actions/stack/action.yml"));
        assertTrue(action.indexOf("secrets check") < action.indexOf("pulumi/actions@v7"));
    }

    // CLI 3.251.0 removed pulumi deployment settings push and the deploy-file format; nothing may claim otherwise.
    @Test
    void noCommittedFileClaimsTheRemovedDeploymentSettingsPush() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            for (var file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/.git/")
                    && !f.toString().contains("node_modules") && !f.toString().contains("/target/")).toList()) {
                var text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                var at = text.indexOf("deployment settings push");
                while (at >= 0) {
                    var around = text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 200));
                    assertTrue(around.contains("removed") || file.toString().endsWith("DeliveryFilesTest.java"),
                            file + " claims `pulumi deployment settings push` exists: " + around);
                    at = text.indexOf("deployment settings push", at + 1);
                }
            }
        }
    }

    @Test
    void workflowsUseNoRepositorySecrets() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(".github"))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var text = Files.readString(file);
                assertFalse(text.contains("secrets."), file + " uses a repository secret");
                assertFalse(text.contains("AWS_SECRET_ACCESS_KEY"), file + " uses a long-lived key");
            }
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void everyStackHasDeploymentSettingsWithItsOwnPathFilterAndNoPlainSecrets() throws IOException {
        var all = Stream.concat(REGIONAL.stream(), Stream.of("dev", "prod")).toList();
        for (var stack : all) {
            var settings = (Map<String, Object>) yaml("Pulumi." + stack + ".deploy.yaml").get("settings");
            var paths = (List<String>) ((Map<String, Object>) settings.get("gitHub")).get("paths");
            assertTrue(paths.contains("Pulumi." + stack + ".yaml"), stack);
            all.stream().filter(other -> !other.equals(stack))
                    .forEach(other -> assertFalse(paths.contains("Pulumi." + other + ".yaml"), stack + " redeploys for " + other));
            var operation = (Map<String, Object>) settings.get("operationContext");
            assertEquals(List.of("./mvnw -B -q package -DskipTests"), operation.get("preRunCommands"));
            assertTrue(((Map<String, Object>) operation.get("oidc")).containsKey("aws"), stack);
            var variables = (Map<String, Object>) operation.get("environmentVariables");
            variables.forEach((name, value) -> {
                assertFalse(name.matches("(?i).*(secret|token|password|key).*"), stack + ": " + name);
                assertTrue(value instanceof String, stack + ": " + name);
            });
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void eachRegionsSuccessfulUpdateDeploysItsEnvironmentsEdge() throws IOException {
        var hooks = (List<Map<String, Object>>) yaml("deployments/webhooks.yaml").get("webhooks");
        assertEquals(REGIONAL, hooks.stream().map(h -> h.get("stack")).toList());
        for (var hook : hooks) {
            var env = ((String) hook.get("stack")).substring(0, ((String) hook.get("stack")).indexOf('-'));
            assertEquals("pulumi_deployments", hook.get("format"));
            assertEquals(List.of("update_succeeded"), hook.get("filters"));
            assertEquals("latency-edge/" + env, hook.get("payloadUrl"));
        }
        assertEquals(Set.of("dev-us-east-1", "dev-eu-west-1"), Set.copyOf(DeploymentsAsCode.webhooks(Path.of("."),
                Set.of("dev-us-east-1", "dev-eu-west-1", "dev")).stream().map(DeploymentsAsCode.Webhook::stack).toList()));
    }
}
