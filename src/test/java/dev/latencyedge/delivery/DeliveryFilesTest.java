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
        assertEquals(List.of("test", "dev-regions", "dev-edge"), jobs.get("prod-regions").get("needs"));
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

    private static final Map<String, Map<String, String>> BOTH_HERE = Map.of("test",
            Map.of("dev", "github-actions", "prod", "github-actions"));

    private static Map<String, String> deploy(Map<String, String> endings, Map<String, Map<String, String>> outputs,
                                              boolean cancelled) throws IOException {
        return new WorkflowRun(jobs(".github/workflows/deploy.yml"), cancelled).run(endings, outputs);
    }

    // GitHub skips a job whose needed job failed: prod must not read that "skipped" as "dev is fine".
    @Test
    void prodRunsOnlyAfterEveryDevJobSucceeded() throws IOException {
        var all = deploy(Map.of(), BOTH_HERE, false);
        assertEquals("success", all.get("prod-regions"), all.toString());
        assertEquals("success", all.get("prod-edge"), all.toString());

        for (var failing : List.of("dev-regions", "dev-edge")) {
            for (var ending : List.of("failure", "cancelled")) {
                var run = deploy(Map.of(failing, ending), BOTH_HERE, false);
                assertEquals("skipped", run.get("prod-regions"), failing + " " + ending + ": " + run);
                assertEquals("skipped", run.get("prod-edge"), failing + " " + ending + ": " + run);
            }
        }
        var cancelled = deploy(Map.of(), BOTH_HERE, true);
        assertEquals("skipped", cancelled.get("prod-regions"), "a cancelled run deploys nothing more");
        var testFailed = deploy(Map.of("test", "failure"), BOTH_HERE, false);
        assertEquals("skipped", testFailed.get("prod-regions"));
    }

    // Under pulumi-deployments dev is not deployed here, deliberately: prod may run, and says why in its own clause.
    @Test
    void prodRunsWithoutDevOnlyWhenDevIsDeliberatelyLeftToPulumiDeployments() throws IOException {
        var deployments = deploy(Map.of(), Map.of("test", Map.of("dev", "pulumi-deployments", "prod", "github-actions")),
                false);
        assertEquals("skipped", deployments.get("dev-regions"));
        assertEquals("skipped", deployments.get("dev-edge"));
        assertEquals("success", deployments.get("prod-regions"), deployments.toString());
        // An answer that is neither deployer (a broken capture, an empty output) deploys no prod.
        for (var dev : List.of("", "something-else")) {
            var unknown = deploy(Map.of(), Map.of("test", Map.of("dev", dev, "prod", "github-actions")), false);
            assertEquals("skipped", unknown.get("prod-regions"), "dev=" + dev + ": " + unknown);
        }
        var prodElsewhere = deploy(Map.of(), Map.of("test", Map.of("dev", "github-actions", "prod", "pulumi-deployments")),
                false);
        assertEquals("success", prodElsewhere.get("dev-edge"));
        assertEquals("skipped", prodElsewhere.get("prod-regions"));
        assertEquals("skipped", prodElsewhere.get("prod-edge"));
    }

    // One operation per stack at a time, and a prod run waiting for its reviewers holds only prod's stacks.
    @SuppressWarnings("unchecked")
    @Test
    void everyDeployingJobTakesItsStacksGroupRunsToItsEndAndNothingTakesTheWholeWorkflow() throws IOException {
        assertFalse(yaml(".github/workflows/deploy.yml").containsKey("concurrency"), "no workflow-wide group");
        for (var entry : jobs(".github/workflows/deploy.yml").entrySet()) {
            if (!stackStep(entry.getValue()).contains("command=up")) {
                continue;
            }
            var group = (Map<String, Object>) entry.getValue().get("concurrency");
            assertEquals("pulumi-${{ matrix.stack }}", group.get("group"), entry.getKey());
            assertEquals(false, group.get("cancel-in-progress"), entry.getKey() + ": a running up is never cancelled");
            // fail-fast (the default) cancels a matrix's running legs when one fails: an up stopped halfway.
            var strategy = (Map<String, Object>) entry.getValue().get("strategy");
            assertTrue(((List<?>) ((Map<?, ?>) strategy.get("matrix")).get("stack")).size() == 1
                    || Boolean.FALSE.equals(strategy.get("fail-fast")), entry.getKey());
        }
    }

    /** A step's script run as GitHub runs it with shell: bash, with {@code java} answered by {@code fakeJava}. */
    private static int runStep(String script, String fakeJava, Path dir) throws IOException, InterruptedException {
        var bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\n" + fakeJava + "\n");
        bin.resolve("java").toFile().setExecutable(true);
        var file = dir.resolve("step.sh");
        Files.writeString(file, script);
        // GitHub's shell: bash is "bash --noprofile --norc -eo pipefail {0}" (Workflow syntax, defaults.run.shell).
        var process = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
                .redirectErrorStream(true);
        process.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        process.environment().put("GITHUB_OUTPUT", dir.resolve("output").toString());
        var running = process.start();
        running.getInputStream().readAllBytes();
        return running.waitFor();
    }

    @SuppressWarnings("unchecked")
    private static String deployersStep() throws IOException {
        var steps = (List<Map<String, Object>>) jobs(".github/workflows/deploy.yml").get("test").get("steps");
        return steps.stream().filter(s -> "deployers".equals(s.get("id"))).map(s -> (String) s.get("run"))
                .findFirst().orElseThrow();
    }

    @Test
    void theDeployersStepFailsWhenTheCommandItCapturesFails(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException, InterruptedException {
        assertTrue(runStep(deployersStep(), "echo 'deployments deployer dev failed' >&2; exit 1", dir) != 0,
                "a failing deployer command must fail the step");

        Files.deleteIfExists(dir.resolve("output"));
        assertEquals(0, runStep(deployersStep(), "if [ \"$5\" = dev ]; then echo pulumi-deployments;"
                + " else echo github-actions; fi", dir));
        assertEquals(List.of("dev=pulumi-deployments", "prod=github-actions"), Files.readAllLines(dir.resolve("output")));
    }

    // bash -e ignores a failing $(...) inside echo's arguments: capture into a variable first, everywhere.
    @Test
    void noStepEchoesACommandsOutputDirectly() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(".github"))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var text = Files.readString(file);
                assertFalse(java.util.regex.Pattern.compile("(echo|printf)[^\n]*\\$\\(").matcher(text).find(),
                        file + " echoes a command substitution whose failure it would lose");
            }
        }
    }

    // pulumi/actions installs the version the file names (action.yml input pulumi-version-file, src/config.ts);
    // the fleet and secrets commands refuse an older CLI by the same file (PulumiCli).
    @SuppressWarnings("unchecked")
    @Test
    void everyPulumiStepInstallsTheOnePinnedCliAndEveryNodeIsASupportedLts() throws IOException {
        var steps = (List<Map<String, Object>>) ((Map<?, ?>) yaml(".github/actions/stack/action.yml").get("runs"))
                .get("steps");
        var pulumiSteps = steps.stream().filter(s -> "pulumi/actions@v7".equals(s.get("uses"))).toList();
        assertEquals(2, pulumiSteps.size());
        for (var step : pulumiSteps) {
            var with = (Map<String, Object>) step.get("with");
            assertEquals(PulumiCli.PIN_FILE, with.get("pulumi-version-file"), step.toString());
            assertFalse(with.containsKey("pulumi-version"), "pulumi/actions refuses both inputs");
        }
        try (Stream<Path> files = Files.walk(Path.of(".github"))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var node = java.util.regex.Pattern.compile("node-version: \"?(\\d+)").matcher(Files.readString(file));
                while (node.find()) {
                    assertTrue(List.of("22", "24").contains(node.group(1)), file + ": Node " + node.group(1));
                }
            }
        }
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

    // GitHub deprecates the node20 action runtime; these majors run on node24 (configure-aws-credentials v6's
    // action.yml: using: node24; v5 ran on node20, end of life 2026-04-30).
    @Test
    void actionsAreOnTheirNode24Majors() throws IOException {
        var current = Map.of("actions/checkout", "v6", "actions/setup-java", "v5", "actions/setup-node", "v6",
                "actions/upload-artifact", "v6", "aws-actions/configure-aws-credentials", "v6", "pulumi/actions", "v7",
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

    private static final Map<String, List<String>> ENVIRONMENTS = Map.of(
            "dev", List.of("dev-us-east-1", "dev-eu-west-1"),
            "prod", List.of("prod-us-east-1", "prod-eu-west-1", "prod-ap-southeast-1"));

    // Under Pulumi Deployments a push deploys only the first stack of the chain, so its filter is every input of
    // the environment; the other stacks are deployed by hooks and filter nothing.
    @SuppressWarnings("unchecked")
    @Test
    void theFirstRegionOfEachChainWatchesEveryInputOfItsEnvironmentAndNoStackHoldsPlainSecrets() throws IOException {
        for (var env : ENVIRONMENTS.entrySet()) {
            var chain = DeploymentsAsCode.chain(Path.of("."), env.getKey(), env.getValue());
            var head = chain.get(0).stack();
            var stacks = Stream.concat(env.getValue().stream(), Stream.of(env.getKey())).toList();
            for (var stack : stacks) {
                var settings = (Map<String, Object>) yaml("Pulumi." + stack + ".deploy.yaml").get("settings");
                var paths = (List<String>) ((Map<String, Object>) settings.get("gitHub")).get("paths");
                if (stack.equals(head)) {
                    var inputs = new java.util.ArrayList<>(List.of("Pulumi.yaml", "pom.xml", "src/main/**", "policy/src/**"));
                    stacks.forEach(s -> inputs.add("Pulumi." + s + ".yaml"));
                    assertEquals(Set.copyOf(inputs), Set.copyOf(paths), stack);
                } else {
                    assertEquals(null, paths, stack + " is deployed by a hook, never by a push");
                }
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
    }

    // One push, one edge deployment, after every Region: each Region deploys the next, the last one the edge.
    @Test
    void eachEnvironmentsHooksChainItsRegionsToOneEdgeDeployment() throws IOException {
        for (var env : ENVIRONMENTS.entrySet()) {
            var chain = DeploymentsAsCode.chain(Path.of("."), env.getKey(), env.getValue());
            assertEquals(env.getValue(), chain.stream().map(DeploymentsAsCode.Webhook::stack).toList());
            for (int i = 0; i < chain.size(); i++) {
                var next = i + 1 < chain.size() ? chain.get(i + 1).stack() : env.getKey();
                assertEquals("latency-edge/" + next, chain.get(i).payloadUrl());
                assertEquals(List.of("update_succeeded"), chain.get(i).filters());
                assertEquals("pulumi_deployments", chain.get(i).format());
            }
        }
    }
}
