package dev.latencyedge.stackfiles;

import dev.latencyedge.passphrase.PassphraseSecrets;
import dev.latencyedge.plan.PlanException;

import dev.latencyedge.settings.ConfigKeys;
import dev.latencyedge.settings.ConfigSource;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.RegionalSettings;
import dev.latencyedge.settings.Role;
import dev.latencyedge.settings.SettingsLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A stack's configuration read from {@code Pulumi.<stack>.yaml}, with the project's declared defaults from
 * {@code Pulumi.yaml} beneath it, as the engine would merge them. Values are turned into the text the engine
 * passes programs (JSON for lists and maps). A {@code secure:} value cannot be decrypted here, so it becomes a
 * clearly fake placeholder and is remembered, for the summary to say so.
 */
public final class StackFile implements ConfigSource {

    private final String stackName;
    private final Path path;
    private final Map<String, String> values;
    /** Secure values decrypted on first use, so the keys of an environment's stacks derive side by side. */
    private final Map<String, java.util.function.Supplier<String>> encrypted;
    private final Set<String> secretKeys;
    private final Set<String> placeholderKeys;
    private final Set<String> unsetSecretKeys;
    /** The file's {@code encryptionsalt}: the stack is on Pulumi's passphrase provider. */
    private final Optional<String> encryptionSalt;
    /** The file names another secrets provider ({@code secretsprovider} other than passphrase, {@code encryptedkey}). */
    private final boolean otherSecretsProvider;
    /** Every key the stack file itself sets (not Pulumi.yaml's defaults). */
    private final Set<String> stackKeys;

    private StackFile(String stackName, Path path, Map<String, String> values,
                      Map<String, java.util.function.Supplier<String>> encrypted, Set<String> secretKeys,
                      Set<String> placeholderKeys, Set<String> unsetSecretKeys, Set<String> stackKeys,
                      Optional<String> encryptionSalt, boolean otherSecretsProvider) {
        this.stackName = stackName;
        this.path = path;
        this.values = Map.copyOf(values);
        this.stackKeys = Collections.unmodifiableSet(stackKeys);
        this.encrypted = new java.util.concurrent.ConcurrentHashMap<>(encrypted);
        this.secretKeys = Collections.unmodifiableSet(secretKeys);
        this.placeholderKeys = Collections.unmodifiableSet(placeholderKeys);
        this.unsetSecretKeys = Collections.unmodifiableSet(unsetSecretKeys);
        this.encryptionSalt = encryptionSalt;
        this.otherSecretsProvider = otherSecretsProvider;
    }

    public static StackFile read(Path configDir, String stackName) {
        return reader(configDir).apply(stackName);
    }

    /** Reads stacks of one directory, its {@code Pulumi.yaml} once for all of them (an environment has many). */
    public static Function<String, StackFile> reader(Path configDir) {
        return reader(configDir, Optional.empty());
    }

    /**
     * As {@link #reader(Path)}, decrypting the secure values of stacks on Pulumi's passphrase provider (their file
     * carries {@code encryptionsalt}) when a passphrase is given; a stack whose secrets another provider holds
     * keeps placeholders.
     */
    public static Function<String, StackFile> reader(Path configDir, Optional<PassphraseSecrets> passphrase) {
        return reader(configDir, ProjectFile.read(configDir), passphrase);
    }

    /** As {@link #reader(Path, Optional)}, over a project file already read. */
    public static Function<String, StackFile> reader(Path configDir, ProjectFile project,
                                                     Optional<PassphraseSecrets> passphrase) {
        return stackName -> read(configDir, stackName, project.values(), passphrase);
    }

    private static StackFile read(Path configDir, String stackName, Map<String, String> defaults,
                                  Optional<PassphraseSecrets> passphrase) {
        var path = configDir.resolve(StackFileNames.of(stackName));
        if (!Files.isRegularFile(path)) {
            throw new PlanException(path + ": no such stack file (stack " + stackName + ")");
        }
        var values = new LinkedHashMap<>(defaults);
        var secrets = new TreeSet<String>();
        var placeholders = new TreeSet<String>();
        var unset = new TreeSet<String>();
        var encrypted = new LinkedHashMap<String, java.util.function.Supplier<String>>();
        var keys = new java.util.LinkedHashSet<String>();
        var document = YamlDocument.read(path);
        var salt = document.get("encryptionsalt") instanceof String text ? Optional.of(text) : Optional.<String>empty();
        var decrypter = passphrase.filter(p -> salt.isPresent());
        var config = document.get("config");
        if (config != null && !(config instanceof Map)) {
            throw new PlanException(path + ": 'config' must be a map of keys to values");
        }
        if (config instanceof Map<?, ?> entries) {
            for (var entry : entries.entrySet()) {
                var key = ProjectFile.qualified(String.valueOf(entry.getKey()));
                keys.add(key);
                if (entry.getValue() instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("secure")) {
                    secrets.add(key);
                    var ciphertext = String.valueOf(map.get("secure"));
                    if (Placeholders.isCommitted(ciphertext)) {
                        unset.add(key);
                    }
                    if (decrypter.isPresent() && !unset.contains(key)) {
                        var secrets2 = decrypter.get();
                        encrypted.put(key, () -> secrets2.decrypt(salt.get(), ciphertext, path));
                    } else {
                        placeholders.add(key);
                        values.put(key, Placeholders.forKey(key));
                    }
                } else {
                    values.put(key, ProjectFile.text(entry.getValue()));
                }
            }
        }
        if (!encrypted.isEmpty()) {
            // Only a stack with a value to decrypt costs a key, as the CLI only decrypts such a stack's config.
            decrypter.get().prepare(salt.get());
        }
        // As the CLI picks a stack's secrets manager (pulumi/pulumi pkg/cmd/pulumi/stack/secrets.go,
        // GetSecretsManager): a secretsprovider other than passphrase or default wins over any salt.
        var provider = document.get("secretsprovider") instanceof String name ? name : "";
        var other = !(provider.isEmpty() || provider.equals("passphrase") || provider.equals("default"))
                || document.get("encryptedkey") instanceof String;
        return new StackFile(stackName, path, values, encrypted, secrets, placeholders, unset, keys, salt, other);
    }

    /**
     * The stacks among {@code stacks} whose secure values are still the committed placeholders, each with those
     * keys, in the order given: every preview and up of such a stack fails before the program runs.
     */
    public static Map<String, Set<String>> unsetSecrets(Path configDir, List<String> stacks) {
        var stackFiles = reader(configDir);
        var unset = new LinkedHashMap<String, Set<String>>();
        for (var stack : stacks) {
            var keys = stackFiles.apply(stack).unsetSecretKeys();
            if (!keys.isEmpty()) {
                unset.put(stack, keys);
            }
        }
        return unset;
    }

    /** Whether the file is an environment's global stack ({@code latency-edge:role: global}). */
    public boolean isGlobal() {
        return get(ConfigKeys.ROLE).flatMap(Role::parse).filter(Role.GLOBAL::equals).isPresent();
    }

    /** The file's settings, which must be an environment's global stack's. */
    public GlobalSettings globalSettings() {
        if (!(SettingsLoader.load(this) instanceof GlobalSettings global)) {
            throw new PlanException(path + ": latency-edge:role must be global for the environment's stack "
                    + stackName + "; regional stacks are named " + stackName + "-<region>");
        }
        return global;
    }

    /** The file's settings, which must be a regional stack's; {@code why} says who expects one. */
    public RegionalSettings regionalSettings(String why) {
        if (!(SettingsLoader.load(this) instanceof RegionalSettings regional)) {
            throw new PlanException(path + ": latency-edge:role must be region (" + why + ")");
        }
        return regional;
    }

    /** Keys whose {@code secure:} value could not be decrypted and was replaced by a placeholder. */
    public Set<String> placeholderKeys() {
        return placeholderKeys;
    }

    /** Keys whose {@code secure:} value is still the committed placeholder: run {@code secrets init} first. */
    public Set<String> unsetSecretKeys() {
        return unsetSecretKeys;
    }

    /** Whether the file holds a {@code secure:} value that is real ciphertext, not the committed placeholder. */
    public boolean holdsSealedValues() {
        return secretKeys.size() > unsetSecretKeys.size();
    }

    /** The file's {@code encryptionsalt}, which puts the stack on Pulumi's passphrase provider. */
    public Optional<String> encryptionSalt() {
        return encryptionSalt;
    }

    /** Whether the file names a secrets provider other than the passphrase (a KMS: secretsprovider, encryptedkey). */
    public boolean namesAnotherSecretsProvider() {
        return otherSecretsProvider;
    }

    public Path path() {
        return path;
    }

    @Override
    public String stackName() {
        return stackName;
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public Optional<String> get(String key) {
        var secure = encrypted.get(key);
        if (secure == null) {
            return Optional.ofNullable(values.get(key));
        }
        var plain = secure.get();
        encrypted.put(key, () -> plain);
        return Optional.of(plain);
    }

    /** Why the placeholder keys could not be decrypted offline, for the summary. */
    public String placeholderReason() {
        if (!unsetSecretKeys.isEmpty()) {
            return "still the committed placeholders: run secrets init";
        }
        return encryptionSalt.isPresent() ? "passphrase provider: set PULUMI_CONFIG_PASSPHRASE to check the real values"
                : "held by the stack's secrets provider (Pulumi Cloud or a KMS)";
    }

    @Override
    public boolean isSecret(String key) {
        return secretKeys.contains(key);
    }

    /** The keys of the file's {@code config:} block, in its order; Pulumi.yaml's values are not among them. */
    @Override
    public Set<String> stackKeys() {
        return stackKeys;
    }
}
