package dev.latencyedge.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Our PBKDF2 against the JDK's own PBKDF2WithHmacSHA256, the real thing it stands in for. */
class Pbkdf2Test {

    @ParameterizedTest
    @CsvSource({
            "password, salt-one, 1",
            "password, salt-two, 2",
            "'', 8bytes!!, 1000",
            "pässwörd-ünïcode, 12345678, 4096",
            // Longer than one SHA-256 block: HMAC hashes such a key first.
            "a-passphrase-longer-than-sixty-four-bytes-0123456789abcdefghijklmnopqrstuvwxyz, 87654321, 100",
    })
    void givesTheJdksKey(String passphrase, String salt, int iterations) throws Exception {
        var saltBytes = salt.getBytes(StandardCharsets.UTF_8);
        var expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(passphrase.toCharArray(), saltBytes, iterations, 256)).getEncoded();
        assertArrayEquals(expected, Pbkdf2.hmacSha256(passphrase, saltBytes, iterations));
    }
}
