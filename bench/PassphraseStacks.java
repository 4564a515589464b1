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
 * Puts stack files on Pulumi's passphrase provider, as `secrets init` leaves them: one encryptionsalt (8 random
 * bytes, and the ciphertext of "pulumi") shared by every stack named, and every committed placeholder replaced by
 * a real secret sealed with that salt's key, as `pulumi config set --secret` would. With --salt-per-stack each
 * stack gets a salt of its own instead, as stacks sealed before `secrets init` shared salts.
 * Usage: java bench/PassphraseStacks.java [--salt-per-stack] <dir> <passphrase> <secret> <stack>...
 */
public class PassphraseStacks {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PLACEHOLDER = "v1:cmVwbGFjZS1tZS13aXRoLXB1bHVtaS1jb25maWctc2V0LS1zZWNyZXQ=";

    public static void main(String[] args) throws Exception {
        var perStack = args[0].equals("--salt-per-stack");
        int first = perStack ? 1 : 0;
        var dir = Path.of(args[first]);
        var passphrase = args[first + 1];
        var secret = args[first + 2];
        String salt = null;
        byte[] key = null;
        for (int i = first + 3; i < args.length; i++) {
            if (salt == null || perStack) {
                var bytes = new byte[8];
                RANDOM.nextBytes(bytes);
                key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(new PBEKeySpec(passphrase.toCharArray(), bytes, 1_000_000, 256)).getEncoded();
                salt = "v1:" + Base64.getEncoder().encodeToString(bytes) + ":" + seal(key, "pulumi");
            }
            var file = dir.resolve("Pulumi." + args[i] + ".yaml");
            var text = "encryptionsalt: " + salt + "\n" + Files.readString(file);
            while (text.contains(PLACEHOLDER)) {
                text = text.replaceFirst(java.util.regex.Pattern.quote(PLACEHOLDER), seal(key, secret));
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
