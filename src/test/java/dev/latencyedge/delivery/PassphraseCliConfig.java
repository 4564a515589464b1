package dev.latencyedge.delivery;

import dev.latencyedge.passphrase.PulumiPassphrase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pulumi config} on a self-managed backend with {@code PULUMI_CONFIG_PASSPHRASE} set, as the Automation API
 * runs it, over the real stack files (pulumi/pulumi):
 * <ul>
 *   <li>a stack file's {@code encryptionsalt} is its passphrase state, used as it is, for a new stack too
 *   ({@code pkg/secrets/passphrase/manager.go} NewPromptingPassphraseSecretsManager: "If we have a salt, we can
 *   just use it"); without one, the default manager of a self-managed backend makes a new one and saves it in the
 *   file ({@code pkg/backend/diy/backend.go} DefaultSecretManager, manager.go NewPassphraseSecretsManager);</li>
 *   <li>a salt whose ciphertext of "pulumi" the passphrase does not open fails with "incorrect passphrase"
 *   (manager.go symmetricCrypterFromPhraseAndState);</li>
 *   <li>a secret is sealed with the salt's key and a fresh nonce into the key's {@code secure:} value.</li>
 * </ul>
 * Keys are derived once per salt, as the CLI caches its managers by state (manager.go getCachedSecretsManager).
 */
final class PassphraseCliConfig implements StackConfig {

    private static final Pattern SALT = Pattern.compile("(?m)^encryptionsalt: (\\S+)$");

    private final Path projectDir;
    private final String passphrase;
    private final Map<String, byte[]> keys = new HashMap<>();
    /** The salts each stack's secrets were sealed with, in order. */
    final List<String> sealedWith = new ArrayList<>();

    PassphraseCliConfig(Path projectDir, String passphrase) {
        this.projectDir = projectDir;
        this.passphrase = passphrase;
    }

    private Path file(String stack) {
        return projectDir.resolve("Pulumi." + stack + ".yaml");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] key(String salt) {
        var key = keys.computeIfAbsent(salt, s -> PulumiPassphrase.key(passphrase, s));
        if (!PulumiPassphrase.opens(key, salt)) {
            throw new IllegalStateException("incorrect passphrase");
        }
        return key;
    }

    @Override
    public Optional<String> config(String stack, String key) {
        var text = read(file(stack));
        var salt = SALT.matcher(text);
        var value = secure(key).matcher(text);
        if (!salt.find() || !value.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PulumiPassphrase.open(key(salt.group(1)), value.group(1)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("failed to decrypt " + key + " of " + stack, e);
        }
    }

    @Override
    public void setSecret(String stack, String key, String value) {
        var text = read(file(stack));
        var salt = SALT.matcher(text);
        String state;
        if (salt.find()) {
            state = salt.group(1);
        } else {
            state = PulumiPassphrase.newEncryptionSalt(passphrase);
            text = "encryptionsalt: " + state + "\n" + text;
        }
        var sealed = "  " + key + ":\n    secure: " + PulumiPassphrase.seal(key(state), value);
        var existing = Pattern.compile("(?m)^  " + Pattern.quote(key) + ":( .*|\\n    secure: .*)$").matcher(text);
        text = existing.find() ? existing.replaceFirst(Matcher.quoteReplacement(sealed))
                : text.replaceFirst("(?m)^config:\\n", Matcher.quoteReplacement("config:\n" + sealed + "\n"));
        sealedWith.add(state);
        try {
            Files.writeString(file(stack), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Pattern secure(String key) {
        return Pattern.compile("(?m)^  " + Pattern.quote(key) + ":\\n    secure: (\\S+)$");
    }

    @Override
    public void removeConfig(String stack, String key) {
        throw new UnsupportedOperationException("secrets init removes nothing");
    }

    @Override
    public Map<String, Object> outputs(String stack) {
        return Map.of();
    }
}
