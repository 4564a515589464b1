package dev.latencyedge.passphrase;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the Pulumi CLI's passphrase provider writes, for tests to make stack files as the CLI would, from the JDK's
 * primitives and not from the code under test: pulumi/pulumi {@code pkg/secrets/passphrase/manager.go}
 * ({@code NewPassphraseSecretsManager}: 8 random salt bytes; the state is {@code v1:<salt>:} and the ciphertext of
 * "pulumi") and {@code sdk/go/common/resource/config/crypt.go} ({@code NewSymmetricCrypterFromPassphrase}:
 * PBKDF2-HMAC-SHA256, 1,000,000 rounds, 32 bytes; values {@code v1:<12-byte nonce>:<AES-256-GCM sealed>}, a random
 * nonce each). {@link PassphraseSecretsTest} checks {@link #key} against pulumi's own test state.
 */
public final class PulumiPassphrase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PulumiPassphrase() {
    }

    /** The key of an encryptionsalt's salt part (between the first two colons). */
    public static byte[] key(String passphrase, String encryptionSalt) {
        return key(passphrase, Base64.getDecoder().decode(encryptionSalt.split(":")[1]));
    }

    private static byte[] key(String passphrase, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, 1_000_000, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new stack's encryptionsalt, as the CLI makes one. */
    public static String newEncryptionSalt(String passphrase) {
        var salt = new byte[8];
        RANDOM.nextBytes(salt);
        return "v1:" + Base64.getEncoder().encodeToString(salt) + ":" + seal(key(passphrase, salt), "pulumi");
    }

    /** A secure value, as {@code pulumi config set --secret} writes it. */
    public static String seal(byte[] key, String plain) {
        var nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            return "v1:" + Base64.getEncoder().encodeToString(nonce) + ":"
                    + Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A secure value's plain text; throws where the key does not open it, as the CLI fails. */
    public static String open(byte[] key, String value) throws GeneralSecurityException {
        var parts = value.split(":");
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(parts[1])));
        return new String(cipher.doFinal(Base64.getDecoder().decode(parts[2])), StandardCharsets.UTF_8);
    }

    /** Whether the passphrase opens the salt's ciphertext of "pulumi" (manager.go symmetricCrypterFromPhraseAndState). */
    public static boolean opens(byte[] key, String encryptionSalt) {
        try {
            return open(key, encryptionSalt.substring(encryptionSalt.indexOf(":v1:") + 1)).equals("pulumi");
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
