package dev.latencyedge.passphrase;

import dev.latencyedge.plan.EnvironmentPlan;
import dev.latencyedge.plan.PlanArgs;
import dev.latencyedge.plan.PlanException;
import dev.latencyedge.stackfiles.StackFile;

import dev.latencyedge.settings.GlobalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static dev.latencyedge.passphrase.PassphraseSecretsTest.PULUMI_TEST_SALT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys derived by the launching JVM and handed to the plan JVM over its standard input. */
class KeyHandoffTest {

    private static final Map<String, String> PASSWORD = Map.of("PULUMI_CONFIG_PASSPHRASE", "password");
    private static final String PROD_SALT = "v1:AAAAAAAAAAA=:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";

    @Test
    void theLauncherDerivesTheKeysOfTheStacksThePlanReadsAndNoOthers(@TempDir Path dir) throws Exception {
        PassphraseSecretsTest.dev(dir, "x".repeat(40), "x".repeat(40));
        var prod = dir.resolve("Pulumi.prod.yaml");
        Files.writeString(prod, "encryptionsalt: " + PROD_SALT + "\n"
                + Files.readString(prod).replace(PassphraseSecretsTest.PLACEHOLDER, "v1:AAAAAAAAAAAAAAAA:AAAA"));
        Files.writeString(dir.resolve("Pulumi.prod.deploy.yaml"), "encryptionsalt: not-a-stack-file\n");

        assertEquals(List.of(PULUMI_TEST_SALT), salts(plan("dev", dir)));
        assertEquals(List.of(PULUMI_TEST_SALT, PROD_SALT),
                salts(new PlanArgs(null, true, dir, Path.of("plan"), false, null)));
        assertEquals(List.of(), salts(plan("staging", dir)));
        // No passphrase, or a folder the plan will refuse: nothing to do here, the plan says what is wrong.
        assertEquals(Optional.empty(), KeyHandoff.forPlan(plan("dev", dir), Map.of()));
        assertEquals(Optional.empty(), KeyHandoff.forPlan(plan("dev", dir.resolve("missing")), PASSWORD));
    }

    private static List<String> salts(PlanArgs args) {
        return KeyHandoff.forPlan(args, PASSWORD).map(KeyHandoff::salts).orElse(List.of());
    }

    private static PlanArgs plan(String env, Path configDir) {
        return new PlanArgs(env, false, configDir, Path.of("plan"), true, null);
    }

    @Test
    void theSaltIsReadAsTheCliWritesIt(@TempDir Path dir) throws Exception {
        var file = dir.resolve("Pulumi.dev.yaml");
        var sealed = "  latency-edge:originVerifySecret:\n    secure: v1:AAAAAAAAAAAAAAAA:AAAA\n";
        Files.writeString(file, "config:\n  aws:region: us-east-1\n" + sealed + "encryptionsalt: " + PULUMI_TEST_SALT + "\n");
        assertEquals(Optional.of(PULUMI_TEST_SALT), KeyHandoff.salt(file));
        Files.writeString(file, "config:\n  latency-edge:note: \"encryptionsalt: nested\"\n" + sealed);
        assertEquals(Optional.empty(), KeyHandoff.salt(file));
    }

    /**
     * A stack with nothing to decrypt costs no key: the CLI decrypts a stack's config only when it holds a secure
     * value (pulumi/pulumi pkg/cmd/pulumi/config: needsCrypter), and the committed placeholders are not sealed.
     */
    @Test
    void aStackWithNoSealedValueCostsNoKey(@TempDir Path dir) throws Exception {
        PassphraseSecretsTest.dev(dir, "x".repeat(40), "x".repeat(40));
        var regional = dir.resolve("Pulumi.dev-eu-west-1.yaml");
        Files.writeString(regional, Files.readString(regional)
                .replaceAll("secure: v1:\\S+", "secure: " + PassphraseSecretsTest.PLACEHOLDER));
        var global = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(global, Files.readString(global).replace("encryptionsalt: " + PULUMI_TEST_SALT,
                "encryptionsalt: " + PROD_SALT));
        var other = dir.resolve("Pulumi.dev-us-east-1.yaml");
        Files.writeString(other, Files.readString(other)
                .replaceAll("(?m)^ *latency-edge:originVerifySecret:\\n *secure: \\S+\\n", ""));

        assertEquals(List.of(PROD_SALT), salts(plan("dev", dir)));
        var secrets = PassphraseSecrets.fromEnvironment(PASSWORD).orElseThrow();
        var reader = StackFile.reader(dir, Optional.of(secrets));
        reader.apply("dev-eu-west-1");
        reader.apply("dev-us-east-1");
        assertEquals(java.util.Set.of(), secrets.saltsUnderWay());
        reader.apply("dev");
        assertEquals(java.util.Set.of(PROD_SALT), secrets.saltsUnderWay());
    }

    @Test
    void thePlanDecryptsWithTheKeyItIsHanded(@TempDir Path dir) throws Exception {
        var secret = "handed-over-origin-secret-0123456789abcdefghijk";
        var project = PassphraseSecretsTest.dev(dir, secret, secret);
        var toPlan = new PipedOutputStream();
        var fromLauncher = new PipedInputStream(toPlan, 1 << 16);
        KeyHandoff.forPlan(plan("dev", project), PASSWORD).orElseThrow()
                .start().serve(toPlan);

        var handed = KeyHandoff.receive(fromLauncher);
        assertEquals(List.of(PULUMI_TEST_SALT), List.copyOf(handed.keySet()));
        var plan = EnvironmentPlan.evaluate(project, "dev",
                PassphraseSecrets.fromEnvironment(PASSWORD).map(p -> p.withHandedKeys(handed)));
        assertEquals(secret, ((GlobalSettings) plan.global().settings()).common().originVerifySecret().reveal());
    }

    /** The plan JVM never decrypts with a key it has not checked against the salt's ciphertext of "pulumi". */
    @Test
    void aHandedKeyThatDoesNotOpenTheSaltIsRefused() {
        var handed = KeyHandoff.receive(stream("salt " + PULUMI_TEST_SALT, "end",
                "key " + PULUMI_TEST_SALT + " " + Base64.getEncoder().encodeToString(new byte[32])));
        var secrets = PassphraseSecrets.fromEnvironment(PASSWORD).orElseThrow().withHandedKeys(handed);
        var refused = assertThrows(PlanException.class,
                () -> secrets.decrypt(PULUMI_TEST_SALT, "v1:AAAAAAAAAAAAAAAA:AAAA", Path.of("Pulumi.dev.yaml")));
        assertTrue(refused.getMessage().contains("incorrect passphrase"), refused.getMessage());
    }

    /** A launcher that stops early (or announces a key it never sends) leaves that key to the plan JVM. */
    @Test
    void aKeyTheStreamEndsWithoutIsDerivedByThePlanNotWaitedFor() {
        var handed = KeyHandoff.receive(stream("salt " + PULUMI_TEST_SALT, "end"));
        var missing = assertThrows(CompletionException.class, () -> handed.get(PULUMI_TEST_SALT).join());
        assertTrue(missing.getCause().getMessage().contains("did not bring"), missing.getMessage());
        var secrets = PassphraseSecrets.fromEnvironment(PASSWORD).orElseThrow().withHandedKeys(handed);
        // The salt's own ciphertext of "pulumi" opens with the key derived here.
        assertEquals("pulumi", secrets.decrypt(PULUMI_TEST_SALT, PULUMI_TEST_SALT.substring(
                PULUMI_TEST_SALT.indexOf(":v1:") + 1), Path.of("Pulumi.dev.yaml")));
    }

    private static ByteArrayInputStream stream(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
