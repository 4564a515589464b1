package dev.latencyedge.passphrase;

import dev.latencyedge.Cli;

import dev.latencyedge.plan.EnvironmentPlan;
import dev.latencyedge.plan.PlanCommand;
import dev.latencyedge.plan.PlanException;
import dev.latencyedge.plan.PlanSummary;
import dev.latencyedge.plan.PlanFile;

import dev.latencyedge.Fixtures;
import dev.latencyedge.settings.ConfigException;
import dev.latencyedge.settings.GlobalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stack files on Pulumi's passphrase provider. The encryptionsalt below is pulumi/pulumi's own test state
 * (pkg/secrets/passphrase tests, passphrase "password"): its ciphertext of "pulumi" opens only with the key
 * PBKDF2-HMAC-SHA256(passphrase, salt, 1,000,000, 32 bytes), so decrypting it checks the derivation and the
 * AES-256-GCM format against the CLI's. Secure values are then sealed here with that key, as the CLI seals them.
 */
public class PassphraseSecretsTest {

    public static final String PULUMI_TEST_SALT = "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";
    /** The committed placeholder of every secure value. */
    public static final String PLACEHOLDER = "v1:cmVwbGFjZS1tZS13aXRoLXB1bHVtaS1jb25maWctc2V0LS1zZWNyZXQ=";
    /** The JDK's PBKDF2WithHmacSHA256 of "password" over the test salt, with the CLI's parameters. */
    private static final byte[] KEY = PulumiPassphrase.key("password", PULUMI_TEST_SALT);

    /**
     * dev's stack files on the passphrase provider (passphrase "password"), with these secrets sealed for the
     * global and regional stacks.
     */
    public static Path dev(Path dir, String globalSecret, String regionalSecret) throws Exception {
        Fixtures.copyProject(dir);
        for (var stack : new String[] {"dev", "dev-us-east-1", "dev-eu-west-1"}) {
            seal(dir, stack, PULUMI_TEST_SALT, KEY, stack.equals("dev") ? globalSecret : regionalSecret);
        }
        return dir;
    }

    /** Puts a stack file on the passphrase provider with this salt, and seals its placeholders with the salt's key. */
    static void seal(Path dir, String stack, String encryptionSalt, byte[] key, String secret) throws IOException {
        var file = dir.resolve("Pulumi." + stack + ".yaml");
        Files.writeString(file, "encryptionsalt: " + encryptionSalt + "\n"
                + Files.readString(file).replace(PLACEHOLDER, PulumiPassphrase.seal(key, secret)));
    }

    /** A plan of an environment, and the salts whose keys it derived: one derivation each. */
    public record KeyedPlan(EnvironmentPlan plan, java.util.Set<String> salts) {
    }

    /** Plans an environment with a passphrase of its own, so every key it needs is derived (and counted) afresh. */
    public static KeyedPlan plan(Path project, String env, String passphrase) {
        var secrets = PassphraseSecrets.fromEnvironment(Map.of("PULUMI_CONFIG_PASSPHRASE", passphrase)).orElseThrow();
        return new KeyedPlan(EnvironmentPlan.evaluate(project, env, Optional.of(secrets)), secrets.saltsUnderWay());
    }

    /** One provider for every test: it keeps the key of the shared salt, so the slow derivation runs once. */
    private static final Optional<PassphraseSecrets> PASSWORD =
            PassphraseSecrets.fromEnvironment(Map.of("PULUMI_CONFIG_PASSPHRASE", "password"));

    private static Optional<PassphraseSecrets> passphrase(String phrase) {
        return phrase.equals("password") ? PASSWORD
                : PassphraseSecrets.fromEnvironment(Map.of("PULUMI_CONFIG_PASSPHRASE", phrase));
    }

    @Test
    void theRealSecretsAreDecryptedAndPlannedWithNoPlaceholderLeft(@TempDir Path dir) throws Exception {
        var secret = "decrypted-origin-secret-0123456789abcdefghijklmnop";
        var plan = EnvironmentPlan.evaluate(dev(dir, secret, secret), "dev", passphrase("password"));
        assertEquals(secret, ((GlobalSettings) plan.global().settings()).common().originVerifySecret().reveal());
        assertEquals(Map.of(), plan.placeholders());
        assertFalse(PlanSummary.render(plan).contains(secret));
        assertFalse(PlanFile.render(plan.global()).contains(secret), "plan files mask the real secret");
    }

    @Test
    void aShortSecretOrOneARegionDoesNotAcceptIsRefusedOfflineAsAtDeployTime(@TempDir Path dir) throws Exception {
        // Every stack's problems are reported together, as one PlanException grouped by file.
        var shortOne = assertThrows(dev.latencyedge.plan.PlanException.class, () -> EnvironmentPlan.evaluate(
                dev(dir.resolve("a"), "short", "short"), "dev", passphrase("password")));
        assertTrue(shortOne.getMessage().contains("latency-edge:originVerifySecret: must be 32 to 128 characters"),
                shortOne.getMessage());
        var mismatch = assertThrows(ConfigException.class, () -> EnvironmentPlan.evaluate(
                dev(dir.resolve("b"), "the-edge-sends-this-value-0123456789abcdefgh",
                        "the-regions-accept-this-one-0123456789abcdefgh"), "dev", passphrase("password")));
        assertTrue(mismatch.getMessage().contains("latency-edge:originVerifySecret: is not accepted by Region"),
                mismatch.getMessage());
    }

    @Test
    void aWrongPassphraseIsOneLineNamingTheStackFileExitOneAndNothingWritten(@TempDir Path dir) throws Exception {
        var project = dev(dir.resolve("project"), "x".repeat(40), "x".repeat(40));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var status = Cli.run(Map.of("PULUMI_CONFIG_PASSPHRASE", "wrong"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "plan", "dev", "--config-dir", project.toString(),
                "--out", dir.resolve("out").toString(), "--no-policy");
        assertEquals(1, status);
        var message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, message.lines().count(), message);
        assertEquals("plan of dev failed: " + project.resolve("Pulumi.dev.yaml") + ": incorrect passphrase"
                + " (PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE)\n", message);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void withoutAPassphraseTheSummarySaysWhichStacksKeepPlaceholdersAndWhy(@TempDir Path dir) throws Exception {
        var plan = EnvironmentPlan.evaluate(dev(dir, "x".repeat(40), "x".repeat(40)), "dev", Optional.empty());
        assertTrue(PlanSummary.render(plan).contains("dev: latency-edge:originVerifySecret (passphrase provider: set"
                + " PULUMI_CONFIG_PASSPHRASE to check the real values)"), PlanSummary.render(plan));
        var committed = PlanSummary.render(EnvironmentPlan.evaluate(Path.of("."), "dev"));
        assertTrue(committed.contains("dev: latency-edge:originVerifySecret (still the committed placeholders: run"
                + " secrets init)"), committed);
    }

    /**
     * The key is the JDK's PBKDF2WithHmacSHA256 with the CLI's parameters, and it opens pulumi's own test state:
     * the CLI's derivation, checked against the CLI's own data.
     */
    @Test
    void theKeyOpensPulumisOwnTestState() {
        var key = PASSWORD.orElseThrow().key(PULUMI_TEST_SALT);
        assertArrayEquals(KEY, key);
        assertTrue(PulumiPassphrase.opens(key, PULUMI_TEST_SALT));
        assertFalse(PulumiPassphrase.opens(KEY, PULUMI_TEST_SALT.replace("F+6ZduKKd8G0", "F+6ZduKKd8G1")),
                "a changed nonce does not open: the check is real");
    }

    /**
     * Stacks sealed before secrets init shared one salt keep their own: each still decrypts with its own salt's
     * key, one derivation per distinct salt (the CLI caches its managers by salt the same way:
     * pulumi/pulumi pkg/secrets/passphrase/manager.go, getCachedSecretsManager).
     */
    @Test
    void stacksSealedEarlierWithSaltsOfTheirOwnStillDecryptAKeyEach(@TempDir Path dir) throws Exception {
        var secret = "sealed-before-one-salt-0123456789abcdefghijklmnop";
        var project = dev(dir, secret, secret);
        var ownSalt = PulumiPassphrase.newEncryptionSalt("password");
        Files.copy(Path.of("Pulumi.dev-eu-west-1.yaml"), project.resolve("Pulumi.dev-eu-west-1.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        seal(project, "dev-eu-west-1", ownSalt, PulumiPassphrase.key("password", ownSalt), secret);

        var planned = plan(project, "dev", "password");
        assertEquals(java.util.Set.of(PULUMI_TEST_SALT, ownSalt), planned.salts());
        assertEquals(secret, ((GlobalSettings) planned.plan().global().settings()).common().originVerifySecret().reveal());
        assertEquals(Map.of(), planned.plan().placeholders(), "every stack decrypted, dev-eu-west-1 with its own salt");
    }

    /**
     * The CLI trims the file's text (strings.TrimSpace in pulumi/pulumi pkg/secrets/passphrase/manager.go,
     * readPassphrase), so "password" and a newline opens a stack sealed with "password".
     */
    @Test
    void thePassphraseFileIsReadAsTheCliReadsIt(@TempDir Path dir) throws IOException {
        var file = dir.resolve("passphrase");
        Files.writeString(file, " password\r\n\n");
        var fromFile = PassphraseSecrets.fromEnvironment(Map.of("PULUMI_CONFIG_PASSPHRASE_FILE", file.toString()));
        var checkValue = PULUMI_TEST_SALT.substring(PULUMI_TEST_SALT.indexOf(":v1:") + 1);
        assertEquals("pulumi", fromFile.orElseThrow().decrypt(PULUMI_TEST_SALT, checkValue, file));
        assertTrue(PassphraseSecrets.fromEnvironment(Map.of()).isEmpty());
        assertThrows(PlanException.class, () -> PassphraseSecrets.fromEnvironment(
                Map.of("PULUMI_CONFIG_PASSPHRASE_FILE", dir.resolve("missing").toString())));
    }

    /** Go's unicode.IsSpace, which TrimSpace trims by: NEL and no-break spaces too, but not the ASCII separators. */
    @Test
    void theFileIsTrimmedOfWhatGoCallsSpaceAndNothingElse() {
        assertEquals("pass word", PassphraseSecrets.trimSpace("\t\u000B\f\u0085\u00A0\u2007\u3000pass word\u202F\u2028 \n"));
        assertEquals("\u001Cpassword\u200B", PassphraseSecrets.trimSpace("\u001Cpassword\u200B"));
        assertEquals("", PassphraseSecrets.trimSpace(" \n"));
    }
}
