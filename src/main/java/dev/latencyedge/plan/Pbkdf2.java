package dev.latencyedge.plan;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018 section 5.2) for one 32-byte block, the only size Pulumi's passphrase provider
 * asks for. The JDK's own {@code PBKDF2WithHmacSHA256} hashes the padded key again in every round (four SHA-256
 * blocks a round); here the digests of the inner and outer padded key are taken once and copied, so a round
 * costs the two blocks it must: 1,000,000 rounds in about 60 % of the JDK's time, still on the JDK's SHA-256
 * (and its CPU intrinsic). The result is the JDK's, which the tests check.
 */
final class Pbkdf2 {

    private static final int BLOCK = 64;
    private static final int LENGTH = 32;

    private Pbkdf2() {
    }

    /** The 32-byte key of a passphrase (as UTF-8, as the CLI takes it) over a salt. */
    static byte[] hmacSha256(String passphrase, byte[] salt, int iterations) {
        try {
            var key = passphrase.getBytes(StandardCharsets.UTF_8);
            if (key.length > BLOCK) {
                key = MessageDigest.getInstance("SHA-256").digest(key);
            }
            var inner = padded(key, (byte) 0x36);
            var outer = padded(key, (byte) 0x5c);
            var u = new byte[LENGTH];
            var round = (MessageDigest) inner.clone();
            round.update(salt);
            round.update(new byte[] {0, 0, 0, 1});
            mac(round.digest(), outer, u);
            var result = u.clone();
            for (int i = 1; i < iterations; i++) {
                round = (MessageDigest) inner.clone();
                round.update(u);
                mac(round.digest(), outer, u);
                for (int j = 0; j < LENGTH; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("this JDK lacks a cloneable SHA-256", e);
        }
    }

    /** A SHA-256 that has taken in the key XOR the pad byte, ready to be copied. */
    private static MessageDigest padded(byte[] key, byte pad) throws NoSuchAlgorithmException {
        var block = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            block[i] = (byte) ((i < key.length ? key[i] : 0) ^ pad);
        }
        var digest = MessageDigest.getInstance("SHA-256");
        digest.update(block);
        return digest;
    }

    /** Completes an HMAC: the outer digest over the inner one, into {@code into}. */
    private static void mac(byte[] innerDigest, MessageDigest outer, byte[] into)
            throws CloneNotSupportedException, DigestException {
        var round = (MessageDigest) outer.clone();
        round.update(innerDigest);
        round.digest(into, 0, LENGTH);
    }
}
