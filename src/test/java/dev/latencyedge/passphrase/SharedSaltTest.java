package dev.latencyedge.passphrase;

import dev.latencyedge.Fixtures;
import dev.latencyedge.stackfiles.StackFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which stack of an environment takes whose salt; no key is derived here. */
class SharedSaltTest {

    private static final Map<String, String> PASSPHRASE = Map.of("PULUMI_CONFIG_PASSPHRASE", "password");
    private static final List<String> DEV = List.of("dev-us-east-1", "dev-eu-west-1", "dev");
    private static final String OTHER = "v1:AAAAAAAAAAA=:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";

    private static void salt(Path project, String stack, String salt) throws IOException {
        var file = project.resolve("Pulumi." + stack + ".yaml");
        Files.writeString(file, "encryptionsalt: " + salt + "\n" + Files.readString(file));
    }

    /**
     * dev and dev-eu-west-1 hold values sealed under salts of their own: neither salt changes (the other would
     * not open them), and dev-us-east-1, which holds none, takes the global stack's.
     */
    @Test
    void aStackHoldingSealedValuesKeepsItsSaltAndTheGlobalStacksIsPreferred(@TempDir Path dir) throws IOException {
        var project = Fixtures.withSecretsSet(Fixtures.copyProject(dir));
        Files.copy(Path.of("Pulumi.dev-us-east-1.yaml"), project.resolve("Pulumi.dev-us-east-1.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        salt(project, "dev", PassphraseSecretsTest.PULUMI_TEST_SALT);
        salt(project, "dev-eu-west-1", OTHER);
        var before = Files.readString(project.resolve("Pulumi.dev-eu-west-1.yaml"));

        assertEquals(Optional.empty(), SharedSalt.give(project, "dev-eu-west-1", DEV, PASSPHRASE));
        assertEquals(Optional.empty(), SharedSalt.give(project, "dev", DEV, PASSPHRASE));
        assertEquals(before, Files.readString(project.resolve("Pulumi.dev-eu-west-1.yaml")));
        assertEquals(Optional.of(PassphraseSecretsTest.PULUMI_TEST_SALT), StackFile.read(project, "dev").encryptionSalt());

        assertEquals(Optional.of("dev"), SharedSalt.give(project, "dev-us-east-1", DEV, PASSPHRASE));
        assertEquals(Optional.of(PassphraseSecretsTest.PULUMI_TEST_SALT),
                StackFile.read(project, "dev-us-east-1").encryptionSalt());
    }

    /** A salt the stack sealed nothing with is replaced in place, once; no other stack with a salt, no change. */
    @Test
    void anUnusedSaltIsReplacedInPlaceAndAFirstStackWaitsForTheCli(@TempDir Path dir) throws IOException {
        var project = Fixtures.copyProject(dir);
        assertEquals(Optional.empty(), SharedSalt.give(project, "dev-us-east-1", DEV, PASSPHRASE));
        assertEquals(Optional.empty(), StackFile.read(project, "dev-us-east-1").encryptionSalt());

        salt(project, "dev-eu-west-1", OTHER);
        salt(project, "dev", PassphraseSecretsTest.PULUMI_TEST_SALT);
        assertEquals(Optional.of("dev"), SharedSalt.give(project, "dev-eu-west-1", DEV, PASSPHRASE));
        var text = Files.readString(project.resolve("Pulumi.dev-eu-west-1.yaml"));
        assertEquals("encryptionsalt: " + PassphraseSecretsTest.PULUMI_TEST_SALT + "\n"
                + Files.readString(Path.of("Pulumi.dev-eu-west-1.yaml")), text);
        assertEquals(Optional.empty(), SharedSalt.give(project, "dev-eu-west-1", DEV, PASSPHRASE));
    }
}
