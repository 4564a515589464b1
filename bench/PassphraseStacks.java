import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Puts stack files on Pulumi's passphrase provider, as `pulumi stack init --secrets-provider passphrase` and
 * `pulumi config set --secret` would: each file gets its own encryptionsalt (8 random bytes, and the
 * ciphertext of "pulumi"), and every committed placeholder becomes a real secret sealed with that stack's key.
 * Usage: java bench/PassphraseStacks.java <dir> <passphrase> <secret> <stack>...
 */
public class PassphraseStacks {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PLACEHOLDER = "v1:cmVwbGFjZS1tZS13aXRoLXB1bHVtaS1jb25maWctc2V0LS1zZWNyZXQ=";

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args[0]);
        for (int i = 3; i < args.length; i++) {
            var salt = new byte[8];
            RANDOM.nextBytes(salt);
            var key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(args[1].toCharArray(), salt, 1_000_000, 256)).getEncoded();
            var file = dir.resolve("Pulumi." + args[i] + ".yaml");
            var text = Files.readString(file);
            var stateCheck = seal(key, "pulumi");
            text = "encryptionsalt: v1:" + Base64.getEncoder().encodeToString(salt) + ":" + stateCheck + "\n" + text;
            while (text.contains(PLACEHOLDER)) {
                text = text.replaceFirst(java.util.regex.Pattern.quote(PLACEHOLDER), seal(key, args[2]));
            }
            Files.writeString(file, text);
        }
    }

    private static String seal(byte[] key, String plain) throws Exception {
        var nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        return "v1:" + Base64.getEncoder().encodeToString(nonce) + ":"
                + Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }
}
