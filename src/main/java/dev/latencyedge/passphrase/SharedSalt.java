package dev.latencyedge.passphrase;

import dev.latencyedge.plan.PlanException;
import dev.latencyedge.stackfiles.StackFile;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code encryptionsalt} for the stacks of an environment, so that a plan of it derives one passphrase key
 * (1,000,000 PBKDF2 rounds) instead of one per stack: the key depends on the passphrase and the salt only.
 *
 * <p>What the Pulumi CLI does with a stack file's salt (pulumi/pulumi {@code pkg/cmd/pulumi/stack/secrets.go}
 * {@code GetSecretsManager}, {@code pkg/secrets/passphrase/manager.go}): a stack whose file carries
 * {@code encryptionsalt} (and no other {@code secretsprovider}) is on the passphrase provider with that salt, which
 * it checks by opening the salt's own ciphertext of "pulumi" with the passphrase; a new stack whose file already
 * carries one keeps it ({@code NewPromptingPassphraseSecretsManager}: "If we have a salt, we can just use it"). The
 * salt names no stack, so a salt copied from another stack of the same passphrase works as that stack's own.
 * Every secret gets a random 12-byte AES-GCM nonce, so stacks may share a key.
 */
public final class SharedSalt {

    private static final Pattern SALT_LINE = Pattern.compile("(?m)^encryptionsalt:.*$");
    private static final Pattern CONFIG_LINE = Pattern.compile("(?m)^config:");

    private SharedSalt() {
    }

    /**
     * Before {@code stack} is given a secret: writes the environment's salt into its stack file where that changes
     * nothing the stack holds. Nothing is written when
     * <ul>
     *   <li>no passphrase is set: the CLI, run without a terminal by the Automation API, can then seal nothing on
     *   the passphrase provider, so the stacks are on another one;</li>
     *   <li>the stack holds a sealed value: its salt opens it, another would not;</li>
     *   <li>its file names another secrets provider (a KMS);</li>
     *   <li>no other stack of the environment has a salt yet: the CLI makes the first (a stack file without one is
     *   on the backend's default provider, the passphrase on a self-managed backend), and the next stacks take it.</li>
     * </ul>
     * The salt is taken from a stack that holds sealed values (whose salt cannot change), else the global stack,
     * else the first stack that has one.
     *
     * @param environmentStacks every stack of the environment
     * @return the stack whose salt {@code stack} was given, when its file changed
     */
    public static Optional<String> give(java.nio.file.Path projectDir, String stack, List<String> environmentStacks,
                                        Map<String, String> environment) {
        if (PassphraseSecrets.fromEnvironment(environment).isEmpty()) {
            return Optional.empty();
        }
        Function<String, StackFile> reader = StackFile.reader(projectDir);
        var target = reader.apply(stack);
        if (target.holdsSealedValues() || target.namesAnotherSecretsProvider()) {
            return Optional.empty();
        }
        var donor = environmentStacks.stream().filter(s -> !s.equals(stack)).map(reader)
                .filter(f -> f.encryptionSalt().isPresent() && !f.namesAnotherSecretsProvider())
                .sorted(Comparator.comparing((StackFile f) -> !f.holdsSealedValues())
                        .thenComparing(f -> !f.isGlobal()))
                .findFirst();
        if (donor.isEmpty() || donor.get().encryptionSalt().equals(target.encryptionSalt())) {
            return Optional.empty();
        }
        write(target, donor.get().encryptionSalt().orElseThrow());
        return Optional.of(donor.get().stackName());
    }

    /** Replaces the file's top-level salt line, or adds one before its config, as the CLI places it. */
    private static void write(StackFile file, String salt) {
        try {
            var text = Files.readString(file.path());
            var line = "encryptionsalt: " + salt;
            var existing = SALT_LINE.matcher(text);
            var config = CONFIG_LINE.matcher(text);
            if (existing.find()) {
                text = existing.replaceFirst(Matcher.quoteReplacement(line));
            } else if (config.find()) {
                text = text.substring(0, config.start()) + line + "\n" + text.substring(config.start());
            } else {
                text = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line + "\n";
            }
            Files.writeString(file.path(), text);
        } catch (IOException e) {
            throw new PlanException(file.path() + ": cannot write encryptionsalt: " + e.getMessage());
        }
    }
}
