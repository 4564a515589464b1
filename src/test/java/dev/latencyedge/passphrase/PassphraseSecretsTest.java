package dev.latencyedge.passphrase;

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

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

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

    static final String PULUMI_TEST_SALT = "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";
    /** The committed placeholder of every secure value. */
    static final String PLACEHOLDER = "v1:cmVwbGFjZS1tZS13aXRoLXB1bHVtaS1jb25maWctc2V0LS1zZWNyZXQ=";
    private static final byte[] KEY = key();

    private static byte[] key() {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                    "password".toCharArray(), Base64.getDecoder().decode("fozI5u6B030="), 1_000_000, 256)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String seal(String plain, int nonceSeed) throws Exception {
        var nonce = new byte[12];
        nonce[0] = (byte) nonceSeed;
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, nonce));
        return "v1:" + Base64.getEncoder().encodeToString(nonce) + ":"
                + Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * dev's stack files on the passphrase provider (passphrase "password"), with these secrets sealed for the
     * global and regional stacks.
     */
    public static Path dev(Path dir, String globalSecret, String regionalSecret) throws Exception {
        Fixtures.copyProject(dir);
        for (var stack : new String[] {"dev", "dev-us-east-1", "dev-eu-west-1"}) {
            var file = dir.resolve("Pulumi." + stack + ".yaml");
            var secret = seal(stack.equals("dev") ? globalSecret : regionalSecret, stack.length());
            Files.writeString(file, "encryptionsalt: " + PULUMI_TEST_SALT + "\n"
                    + Files.readString(file).replace(PLACEHOLDER, secret));
        }
        return dir;
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
        var status = PlanCommand.run(new String[] {"dev", "--config-dir", project.toString(), "--out",
                dir.resolve("out").toString(), "--no-policy"}, Map.of("PULUMI_CONFIG_PASSPHRASE", "wrong"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
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
