package dev.latencyedge.passphrase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our PBKDF2 against the JDK's own PBKDF2WithHmacSHA256, the real thing it stands in for, on both of its paths:
 * the JDK's SHA-256 block function (the tests open {@code sun.security.provider} as the jar's manifest does for
 * the launcher, see pom.xml) and copied MessageDigests (every other JVM).
 */
class Pbkdf2Test {

    /** Fails on a JDK where the block function cannot be reached even when opened: the launcher would be slow. */
    @Test
    void theBlockFunctionIsReachableWhereTheJarOpensIt() {
        assertTrue(Sha256Block.open().isPresent(), "sun.security.provider.SHA2 implCompress/state on this JDK");
    }

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
        assertArrayEquals(expected, Pbkdf2.hmacSha256(passphrase, saltBytes, iterations, Sha256Block.open()),
                "through the block function");
        assertArrayEquals(expected, Pbkdf2.hmacSha256(passphrase, saltBytes, iterations, Optional.empty()),
                "through MessageDigest");
    }
}
