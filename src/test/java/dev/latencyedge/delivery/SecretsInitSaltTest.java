package dev.latencyedge.delivery;

import dev.latencyedge.Fixtures;
import dev.latencyedge.passphrase.PassphraseSecretsTest;
import dev.latencyedge.passphrase.PulumiPassphrase;
import dev.latencyedge.settings.ConfigKeys;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.stackfiles.StackFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.latencyedge.passphrase.PassphraseSecretsTest.PLACEHOLDER;
import static dev.latencyedge.passphrase.PassphraseSecretsTest.PULUMI_TEST_SALT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code secrets init} on the passphrase provider gives an environment's stacks one encryptionsalt, so a plan of
 * it derives one key instead of one per stack, and changes the salt of no stack that holds sealed values.
 */
class SecretsInitSaltTest {

    private static final Map<String, String> PASSPHRASE = Map.of("PULUMI_CONFIG_PASSPHRASE", "password");
    private static final String SECRET = "one-salt-origin-secret-0123456789abcdefghijklmnop";
    private static final String KMS = "secretsprovider: awskms://alias/latency-edge\nencryptedkey: AQICAHh=\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int init(Path project, StackConfig config, Map<String, String> environment, String env) {
        return new SecretsCommand(project, new SecretsCommand.Stacks() {
            @Override
            public StackRunner runner(List<String> policyPacks) {
                throw new AssertionError("init previews nothing");
            }

            @Override
            public StackConfig config() {
                return config;
            }
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                () -> SECRET, () -> Fixtures.LABEL, environment).run("init", env, List.of());
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Optional<String> salt(Path project, String stack) {
        return StackFile.read(project, stack).encryptionSalt();
    }

    private static void prepend(Path project, String stack, String text) throws IOException {
        var file = project.resolve("Pulumi." + stack + ".yaml");
        Files.writeString(file, text + Files.readString(file));
    }

    /**
     * The point: dev's three stacks sealed by init cost a plan one key. Without the shared salt the CLI gives every
     * new stack a salt of its own (three keys, ~0.4 s each with the optimizing compiler).
     */
    @Test
    void anEnvironmentSealedByInitSharesOneSaltSoItsPlanDerivesOneKey(@TempDir Path dir) throws IOException {
        var project = Fixtures.copyProject(dir);
        var cli = new PassphraseCliConfig(project, "password");

        assertEquals(0, init(project, cli, PASSPHRASE, "dev"), printed());

        var first = salt(project, "dev-us-east-1").orElseThrow();
        assertEquals(List.of(first, first, first), cli.sealedWith, "the CLI sealed every stack with one salt");
        assertEquals(Optional.of(first), salt(project, "dev"));
        assertTrue(printed().contains("dev-eu-west-1: encryptionsalt of dev-us-east-1 (one passphrase key for the"
                + " environment)"), printed());
        assertFalse(printed().contains(SECRET));
        var planned = PassphraseSecretsTest.plan(project, "dev", "password");
        assertEquals(Set.of(first), planned.salts(), "one key derived for the environment");
        assertEquals(SECRET, ((GlobalSettings) planned.plan().global().settings()).common().originVerifySecret().reveal());
        assertEquals(Map.of(), planned.plan().placeholders());
    }

    /**
     * prod's edge holds a label sealed earlier under its own salt: that salt stays (another would not open the
     * label) and the Regions take it, one of them giving up a salt it sealed nothing with.
     */
    @Test
    void aStackHoldingSealedValuesKeepsItsSaltAndTheOthersTakeIt(@TempDir Path dir) throws IOException {
        var project = Fixtures.copyProject(dir);
        var prod = project.resolve("Pulumi.prod.yaml");
        var label = "  " + ConfigKeys.ORIGIN_LABEL + ":\n    secure: ";
        Files.writeString(prod, "encryptionsalt: " + PULUMI_TEST_SALT + "\n" + Files.readString(prod).replace(
                label + PLACEHOLDER, label + PulumiPassphrase.seal(PulumiPassphrase.key("password", PULUMI_TEST_SALT),
                        Fixtures.LABEL)));
        var unused = "v1:AAAAAAAAAAA=:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";
        prepend(project, "prod-us-east-1", "encryptionsalt: " + unused + "\n");
        var cli = new PassphraseCliConfig(project, "password");

        assertEquals(0, init(project, cli, PASSPHRASE, "prod"), printed());

        for (var stack : List.of("prod-us-east-1", "prod-eu-west-1", "prod-ap-southeast-1", "prod")) {
            assertEquals(Optional.of(PULUMI_TEST_SALT), salt(project, stack), stack);
            assertEquals(Optional.of(SECRET), cli.config(stack, ConfigKeys.ORIGIN_VERIFY_SECRET), stack);
        }
        assertEquals(Optional.of(Fixtures.LABEL), cli.config("prod", ConfigKeys.ORIGIN_LABEL), "the label still opens");
        var planned = PassphraseSecretsTest.plan(project, "prod", "password");
        assertEquals(Set.of(PULUMI_TEST_SALT), planned.salts());
        assertEquals(Map.of(), planned.plan().placeholders());
    }

    /**
     * Only stacks on the passphrase provider take the salt: not one whose file names a KMS (the CLI picks a
     * secretsprovider over any salt: pulumi/pulumi pkg/cmd/pulumi/stack/secrets.go GetSecretsManager), and none
     * without a passphrase in the environment (the CLI the Automation API runs has no terminal to ask for one, so
     * it seals nothing on the passphrase provider: manager.go readPassphrase).
     */
    @Test
    void onlyStacksOnThePassphraseProviderTakeTheSalt(@TempDir Path dir) throws IOException {
        var project = Fixtures.copyProject(dir.resolve("with"));
        prepend(project, "dev", "encryptionsalt: " + PULUMI_TEST_SALT + "\n");
        prepend(project, "dev-us-east-1", KMS);

        assertEquals(0, init(project, new InMemoryStacks("dev"), PASSPHRASE, "dev"), printed());
        assertEquals(Optional.of(PULUMI_TEST_SALT), salt(project, "dev-eu-west-1"));
        assertEquals(Optional.empty(), salt(project, "dev-us-east-1"));
        assertTrue(Files.readString(project.resolve("Pulumi.dev-us-east-1.yaml")).startsWith(KMS));
        assertTrue(Files.readString(project.resolve("Pulumi.dev-eu-west-1.yaml"))
                .contains("encryptionsalt: " + PULUMI_TEST_SALT + "\nconfig:\n"), "placed before config, as the CLI");

        var without = Fixtures.copyProject(dir.resolve("without"));
        prepend(without, "dev", "encryptionsalt: " + PULUMI_TEST_SALT + "\n");
        var before = Files.readString(without.resolve("Pulumi.dev-eu-west-1.yaml"));
        assertEquals(0, init(without, new InMemoryStacks("dev"), Map.of(), "dev"), printed());
        assertEquals(before, Files.readString(without.resolve("Pulumi.dev-eu-west-1.yaml")));
        assertNotEquals(Optional.of(PULUMI_TEST_SALT), salt(without, "dev-eu-west-1"));
    }
}
