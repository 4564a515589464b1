package dev.latencyedge.passphrase;

import dev.latencyedge.plan.PlanException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulumi's passphrase secrets provider, read with the JDK's own crypto (pulumi/pulumi
 * {@code pkg/secrets/passphrase/manager.go}, {@code sdk/go/common/resource/config/crypt.go}): a stack file's
 * {@code encryptionsalt} is {@code v1:<base64 8-byte salt>:v1:<base64 nonce>:<base64 ciphertext of "pulumi">};
 * the key is PBKDF2-HMAC-SHA256 of the passphrase over that salt, 1,000,000 iterations, 32 bytes; every secret is
 * {@code v1:<base64 12-byte nonce>:<base64 AES-256-GCM ciphertext and tag>}. The passphrase comes from
 * {@code PULUMI_CONFIG_PASSPHRASE}, else the file {@code PULUMI_CONFIG_PASSPHRASE_FILE} names, as the CLI takes
 * them.
 *
 * <p>Deriving a key is slow on purpose (about 0.4 s with the optimizing compiler here), so each salt's key is
 * derived once, in the background from the moment its stack file is read, side by side; from the jar, the
 * launching JVM derives them and hands them over ({@link KeyHandoff}), and only what it did not bring is derived
 * here. The key depends on the passphrase and the salt only, so stacks that share an {@code encryptionsalt} (as
 * {@code secrets init} makes an environment's: {@link SharedSalt}) cost one key together.
 */
public final class PassphraseSecrets {

    static final int ITERATIONS = 1_000_000;
    /** AES-256: the CLI's SymmetricCrypterKeyBytes, 32. */
    private static final int KEY_BITS = 256;
    private static final String CHECK = "pulumi";

    /** Derivations run on threads of their own: the SDK's mock engine needs the common pool meanwhile. */
    private static final java.util.concurrent.Executor DERIVATIONS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        var thread = new Thread(r, "passphrase-key");
        thread.setDaemon(true);
        return thread;
    });

    private final String passphrase;
    /** Keys the launching JVM derives, by salt ({@link KeyHandoff}). */
    private final Map<String, CompletableFuture<byte[]>> handed;
    private final Map<String, CompletableFuture<byte[]>> keys = new ConcurrentHashMap<>();

    private PassphraseSecrets(String passphrase, Map<String, CompletableFuture<byte[]>> handed) {
        this.passphrase = passphrase;
        this.handed = Map.copyOf(handed);
    }

    /** The passphrase provider of this process's environment, if a passphrase is given. */
    public static Optional<PassphraseSecrets> fromEnvironment(Map<String, String> environment) {
        var phrase = environment.get("PULUMI_CONFIG_PASSPHRASE");
        if (phrase != null) {
            return Optional.of(new PassphraseSecrets(phrase, Map.of()));
        }
        var file = environment.get("PULUMI_CONFIG_PASSPHRASE_FILE");
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PassphraseSecrets(trimSpace(Files.readString(Path.of(file))), Map.of()));
        } catch (IOException e) {
            throw new PlanException("PULUMI_CONFIG_PASSPHRASE_FILE " + file + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * The passphrase file's text as the CLI takes it: without leading and trailing white space, as Go's
     * {@code strings.TrimSpace} defines it (pulumi/pulumi {@code pkg/secrets/passphrase/manager.go}
     * {@code readPassphrase}), so the newline an editor or {@code echo} ends the file with is not part of the
     * passphrase. {@code PULUMI_CONFIG_PASSPHRASE} itself is taken as it is, as there.
     */
    static String trimSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isGoSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Go's {@code unicode.IsSpace}: in Latin-1 the six ASCII spaces, NEL and NBSP; above, Unicode's separators. */
    private static boolean isGoSpace(char c) {
        if (c <= 0xFF) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
        }
        return Character.isSpaceChar(c);
    }

    /**
     * This passphrase with the keys the launching JVM derives ({@link KeyHandoff}); a salt it does not bring, or
     * fails to, is derived here.
     */
    public PassphraseSecrets withHandedKeys(Map<String, CompletableFuture<byte[]>> handed) {
        return new PassphraseSecrets(passphrase, handed);
    }

    /** Starts deriving the key of a stack's salt, unless it is under way already or handed over. */
    public void prepare(String encryptionSalt) {
        keys.computeIfAbsent(encryptionSalt, salt -> {
            var handedKey = handed.get(salt);
            var key = handedKey == null ? deriveHere(salt) : handedKey.exceptionallyCompose(e -> deriveHere(salt));
            return key.thenApply(k -> checked(salt, k));
        });
    }

    /** The salts whose keys are under way or ready here. */
    java.util.Set<String> saltsUnderWay() {
        return java.util.Set.copyOf(keys.keySet());
    }

    private CompletableFuture<byte[]> deriveHere(String encryptionSalt) {
        return CompletableFuture.supplyAsync(() -> key(encryptionSalt), DERIVATIONS);
    }

    /**
     * Decrypts one secure value of a stack whose file carries {@code encryptionSalt}.
     *
     * @param where the stack file, for messages
     */
    public String decrypt(String encryptionSalt, String ciphertext, Path where) {
        prepare(encryptionSalt);
        byte[] key;
        try {
            key = keys.get(encryptionSalt).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IncorrectPassphrase) {
                throw new IncorrectPassphrase(where + ": " + e.getCause().getMessage());
            }
            throw new PlanException(where + ": " + e.getCause().getMessage());
        }
        try {
            return open(key, ciphertext);
        } catch (AEADBadTagException e) {
            throw new PlanException(where + ": a secure value does not decrypt with this stack's key");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PlanException(where + ": a secure value is not v1:<nonce>:<ciphertext>");
        }
    }

    /**
     * The key for a salt, unchecked: the JDK's PBKDF2-HMAC-SHA256 of the passphrase (as UTF-8, which both the JDK
     * and the CLI's {@code []byte(phrase)} take) over the salt's first part.
     */
    byte[] key(String encryptionSalt) {
        var parts = saltParts(encryptionSalt);
        var password = passphrase.toCharArray();
        var spec = new PBEKeySpec(password, decodedSalt(parts[1]), ITERATIONS, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static byte[] decodedSalt(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new PlanException("encryptionsalt cannot be read: " + e.getMessage());
        }
    }

    /** The key, once it opens the salt's own ciphertext of "pulumi". */
    private static byte[] checked(String encryptionSalt, byte[] key) {
        var parts = saltParts(encryptionSalt);
        try {
            if (CHECK.equals(open(key, parts[2] + ":" + parts[3] + ":" + parts[4]))) {
                return key;
            }
        } catch (AEADBadTagException e) {
            // The usual way a wrong key shows: the tag does not verify.
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PlanException("encryptionsalt cannot be read: " + e.getMessage());
        }
        throw new IncorrectPassphrase("incorrect passphrase (PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE)");
    }

    /** The passphrase opens no key: one problem of the whole run, not one more for every stack file. */
    public static final class IncorrectPassphrase extends PlanException {
        IncorrectPassphrase(String message) {
            super(message);
        }
    }

    private static String[] saltParts(String encryptionSalt) {
        var parts = encryptionSalt.split(":");
        if (parts.length != 5 || !parts[0].equals("v1") || !parts[2].equals("v1")) {
            throw new PlanException("encryptionsalt is not v1:<salt>:v1:<nonce>:<ciphertext>");
        }
        return parts;
    }

    private static String open(byte[] key, String value) throws GeneralSecurityException {
        var parts = value.split(":");
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("not v1:<nonce>:<ciphertext>");
        }
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(parts[1])));
        return new String(cipher.doFinal(Base64.getDecoder().decode(parts[2])), StandardCharsets.UTF_8);
    }
}
