package dev.latencyedge.delivery;

import dev.latencyedge.Cli;
import dev.latencyedge.Fixtures;
import dev.latencyedge.ServiceDoubles;
import dev.latencyedge.settings.ConfigKeys;
import dev.latencyedge.settings.Secret;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsCommandTest {

    private static final String OLD = "old-origin-secret-0123456789abcdefghijklmnopqrstuv";
    private static final String NEW = "new-origin-secret-0123456789abcdefghijklmnopqrstuv";
    private static final List<String> PROD_REGIONS = List.of("prod-us-east-1", "prod-eu-west-1", "prod-ap-southeast-1");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final InMemoryStacks stacks = new InMemoryStacks("prod");
    private final AtomicInteger generated = new AtomicInteger();
    /** init and rotate need the pulumi CLI: one of the pinned version, on a PATH of its own. */
    private final Map<String, String> cli;

    SecretsCommandTest() throws IOException {
        cli = PulumiCliTest.pinnedCliOnPath(Files.createTempDirectory("latency-edge-pulumi"));
    }

    /** The command line's {@code secrets} with the test's stacks, a pulumi CLI on the PATH and {@code projectDir}. */
    private int run(Path projectDir, String... args) {
        var printOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        var printErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        var secrets = new SecretsCommand(projectDir, new SecretsCommand.Stacks() {
            @Override
            public StackRunner runner(List<String> policyPacks) {
                assertEquals(List.of("policy"), policyPacks, "every step previewed with the pack");
                return stacks;
            }

            @Override
            public StackConfig config() {
                return stacks;
            }
        }, printOut, printErr, () -> {
            generated.incrementAndGet();
            return NEW;
        }, () -> "0123456789abcdef0123456789abcdef", cli);
        var withDir = java.util.stream.Stream.concat(java.util.stream.Stream.of("secrets"), java.util.stream.Stream.concat(
                java.util.Arrays.stream(args), java.util.stream.Stream.of("--config-dir", projectDir.toString())));
        return Cli.run(new ServiceDoubles(null, dir -> secrets, null), cli,
                printOut, printErr, withDir.toArray(String[]::new));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static Path project() throws IOException {
        return Fixtures.withSecretsSet(Fixtures.copyProject(Files.createTempDirectory("latency-edge-secrets")));
    }

    @Test
    void checkRefusesPlaceholdersInOneLineNamingTheStacksAndKeys() throws IOException {
        assertEquals(1, run(Path.of("."), "check", "prod"));
        assertEquals("secrets are still placeholders in prod-us-east-1 (latency-edge:originVerifySecret), "
                + "prod-eu-west-1 (latency-edge:originVerifySecret), prod-ap-southeast-1 (latency-edge:originVerifySecret), "
                + "prod (latency-edge:originLabel, latency-edge:originVerifySecret): run java -jar"
                + " target/latency-edge.jar secrets init prod first\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run(Path.of("."), "check", "dev-eu-west-1"));
        assertEquals(0, run(project(), "check", "prod"));
        assertEquals(0, run(project(), "check", "prod-eu-west-1"));
    }

    @Test
    void initSetsOneStrongSecretInEveryStackAndALabelWhereTheEdgesIsAPlaceholderWithoutPrintingThem() {
        assertEquals(0, run(Path.of("."), "init", "prod"), printed());
        for (var stack : List.of("prod-us-east-1", "prod-eu-west-1", "prod-ap-southeast-1", "prod")) {
            assertEquals(NEW, stacks.config(stack, ConfigKeys.ORIGIN_VERIFY_SECRET).orElseThrow(), stack);
        }
        assertEquals("0123456789abcdef0123456789abcdef", stacks.config("prod", ConfigKeys.ORIGIN_LABEL).orElseThrow());
        assertTrue(stacks.config("prod-eu-west-1", ConfigKeys.ORIGIN_LABEL).isEmpty());
        assertFalse(printed().contains(NEW));
        assertFalse(printed().contains("0123456789abcdef0123456789abcdef"));

        var dev = new InMemoryStacks("dev");
        assertEquals(0, new SecretsCommand(Path.of("."), new SecretsCommand.Stacks() {
            @Override
            public StackRunner runner(List<String> p) {
                return dev;
            }

            @Override
            public StackConfig config() {
                return dev;
            }
        }, new PrintStream(out), new PrintStream(err), cli).run("init", "dev", List.of()));
        assertTrue(dev.config("dev", ConfigKeys.ORIGIN_LABEL).isEmpty(), "dev's label is plain config");
    }

    @Test
    void generatedSecretsAndLabelsMeetTheRulesTheyMustPass() {
        var secret = SecretsCommand.newSecret();
        assertTrue(secret.matches("[A-Za-z0-9+/=]{64}"), secret);
        assertFalse(secret.equals(SecretsCommand.newSecret()));
        var label = SecretsCommand.newLabel();
        assertTrue(label.matches("[0-9a-f]{32}"), label);
    }

    @Test
    void initRefusesAnEnvironmentWhoseSecretsAreSet() throws IOException {
        assertEquals(1, run(project(), "init", "prod"));
        assertTrue(printed().contains("already hold(s) a real latency-edge:originVerifySecret; change it with secrets rotate prod"),
                printed());
        assertEquals(List.of(), stacks.operations);
    }

    /** The environment as deployed with OLD everywhere. */
    private void deployedWith(String secret) {
        for (var stack : List.of("prod-us-east-1", "prod-eu-west-1", "prod-ap-southeast-1", "prod")) {
            stacks.setSecret(stack, ConfigKeys.ORIGIN_VERIFY_SECRET, secret);
            stacks.run(stack, Operation.UP, line -> { });
        }
        stacks.operations.clear();
    }

    @Test
    void rotateRunsTheThreeStepsInOrderPreviewingEachStackBeforeApplyingIt() throws IOException {
        deployedWith(OLD);
        assertEquals(0, run(project(), "rotate", "prod", "--policy-pack", "policy"), printed());
        var expected = new java.util.ArrayList<String>();
        for (var region : PROD_REGIONS) {
            expected.addAll(List.of("set " + region + " latency-edge:originVerifySecretPrevious", "preview " + region, "up " + region));
        }
        expected.addAll(List.of("set prod latency-edge:originVerifySecret", "preview prod", "up prod"));
        for (var region : PROD_REGIONS) {
            expected.addAll(List.of("set " + region + " latency-edge:originVerifySecret",
                    "remove " + region + " latency-edge:originVerifySecretPrevious", "preview " + region, "up " + region));
        }
        assertEquals(expected, stacks.operations);
        for (var region : PROD_REGIONS) {
            assertEquals(List.of(Secret.sha256(NEW)), stacks.outputs(region).get("originSecretFingerprints"));
        }
        assertEquals(Secret.sha256(NEW), stacks.outputs("prod").get("originSecretFingerprint"));
        assertFalse(printed().contains(NEW) || printed().contains(OLD));
    }

    @Test
    void aFailureMidwayStopsWithTheEnvironmentServingAndTheNextRunResumesWhereItStopped() throws IOException {
        deployedWith(OLD);
        var project = project();
        stacks.failNext("prod-eu-west-1", Operation.UP);
        assertEquals(1, run(project, "rotate", "prod", "--policy-pack", "policy"));
        assertTrue(printed().contains("secrets rotate prod stopped at stack prod-eu-west-1: error: update failed. The"
                + " environment still serves; run the command again to resume."), printed());
        assertFalse(stacks.operations.contains("up prod"), "the edge waits for every Region");

        stacks.operations.clear();
        stacks.failNext("prod", Operation.PREVIEW);
        assertEquals(1, run(project, "rotate", "prod", "--policy-pack", "policy"));
        assertTrue(printed().contains("resuming the rotation under way for prod"), printed());
        assertFalse(stacks.operations.contains("up prod-us-east-1"), "a Region already done is not run again");
        assertFalse(stacks.operations.contains("up prod"), "a failed preview applies nothing");

        stacks.operations.clear();
        stacks.failNext("prod-ap-southeast-1", Operation.UP);
        assertEquals(1, run(project, "rotate", "prod", "--policy-pack", "policy"));
        assertEquals(Map.of("originSecretFingerprint", Secret.sha256(NEW)), stacks.outputs("prod"));

        stacks.operations.clear();
        assertEquals(0, run(project, "rotate", "prod", "--policy-pack", "policy"), printed());
        assertEquals(List.of("set prod-ap-southeast-1 latency-edge:originVerifySecret",
                "remove prod-ap-southeast-1 latency-edge:originVerifySecretPrevious", "preview prod-ap-southeast-1",
                "up prod-ap-southeast-1"), stacks.operations);
        assertEquals(1, generated.get(), "the new secret is made once and found again on every resume");
        for (var region : PROD_REGIONS) {
            assertEquals(List.of(Secret.sha256(NEW)), stacks.outputs(region).get("originSecretFingerprints"));
            assertTrue(stacks.config(region, ConfigKeys.ORIGIN_VERIFY_SECRET_PREVIOUS).isEmpty());
        }
        assertFalse(printed().contains(NEW) || printed().contains(OLD));
    }

    @Test
    void rotateRefusesPlaceholders() {
        assertEquals(1, run(Path.of("."), "rotate", "prod", "--policy-pack", "policy"));
        assertTrue(printed().contains("secrets are still placeholders in prod-us-east-1"));
        assertEquals(List.of(), stacks.operations);
    }

    // CI runs secrets check before pulumi/actions installs the CLI (.github/actions/stack): check reads files only.
    @Test
    void initAndRotateNeedThePinnedCliWhileCheckReadsOnlyTheStackFiles() throws IOException {
        var noCli = Map.of("PATH", Files.createTempDirectory("latency-edge-no-pulumi").toString());
        var project = project();
        var printOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        var printErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        var services = new ServiceDoubles(null, dir -> new SecretsCommand(dir, null, printOut, printErr, noCli), null);
        for (var command : List.of("init", "rotate")) {
            err.reset();
            assertEquals(127, Cli.run(services, noCli, printOut, printErr, "secrets", command, "prod", "--config-dir",
                    project.toString()), command);
            assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count(), command);
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("the pulumi CLI is not on the PATH"), command);
        }
        assertEquals(0, Cli.run(services, noCli, printOut, printErr, "secrets", "check", "prod", "--config-dir",
                project.toString()));
        assertEquals(List.of(), stacks.operations);
    }
}
