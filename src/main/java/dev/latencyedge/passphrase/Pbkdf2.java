package dev.latencyedge.passphrase;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018 section 5.2) for one 32-byte block, the only size Pulumi's passphrase provider
 * asks for. The JDK's own {@code PBKDF2WithHmacSHA256} hashes the padded key again in every round (four SHA-256
 * blocks a round); here the states after the inner and outer padded key are taken once, so a round costs the two
 * blocks it must, still on the JDK's SHA-256 (and its CPU intrinsic): through its block function where the JVM
 * lets us reach it ({@link Sha256Block}: a warm key in about 45 % of the JDK's time, with no garbage), else by
 * copying MessageDigests (about 70 %). The result is the JDK's, which the tests check for both.
 */
final class Pbkdf2 {

    private static final int BLOCK = 64;
    private static final int LENGTH = 32;

    private Pbkdf2() {
    }

    /** The 32-byte key of a passphrase (as UTF-8, as the CLI takes it) over a salt. */
    static byte[] hmacSha256(String passphrase, byte[] salt, int iterations) {
        return hmacSha256(passphrase, salt, iterations, Sha256Block.open());
    }

    /** As {@link #hmacSha256(String, byte[], int)}, with the given block function, or MessageDigest without. */
    static byte[] hmacSha256(String passphrase, byte[] salt, int iterations, Optional<Sha256Block> block) {
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
            if (block.isPresent()) {
                blockRounds(block.get(), key, u, result, iterations);
                return result;
            }
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

    /**
     * Rounds 2 to {@code iterations}, XORed into {@code result}, from the first round's {@code u}: each hashes
     * one block after the inner padded key's state and one after the outer's.
     */
    private static void blockRounds(Sha256Block sha256, byte[] key, byte[] u, byte[] result, int iterations) {
        var inner = new int[8];
        var outer = new int[8];
        sha256.compress(sha256.initialState(), padBlock(key, (byte) 0x36), inner);
        sha256.compress(sha256.initialState(), padBlock(key, (byte) 0x5c), outer);
        // Both messages are a padded key (64 bytes) and a digest (32): one final block, padded as SHA-256 pads
        // 96 bytes: 0x80, zeros, then the length in bits (768) in the last eight bytes.
        var innerBlock = paddedDigestBlock(u);
        var outerBlock = paddedDigestBlock(new byte[LENGTH]);
        var state = new int[8];
        for (int i = 1; i < iterations; i++) {
            sha256.compress(inner, innerBlock, state);
            Sha256Block.digestInto(state, outerBlock);
            sha256.compress(outer, outerBlock, state);
            Sha256Block.digestInto(state, innerBlock);
            for (int j = 0; j < LENGTH; j++) {
                result[j] ^= innerBlock[j];
            }
        }
    }

    private static byte[] paddedDigestBlock(byte[] digest) {
        var block = Arrays.copyOf(digest, BLOCK);
        block[LENGTH] = (byte) 0x80;
        block[BLOCK - 2] = (byte) ((BLOCK + LENGTH) * 8 >>> 8);
        block[BLOCK - 1] = (byte) ((BLOCK + LENGTH) * 8);
        return block;
    }

    /** A SHA-256 that has taken in the key XOR the pad byte, ready to be copied. */
    private static MessageDigest padded(byte[] key, byte pad) throws NoSuchAlgorithmException {
        var digest = MessageDigest.getInstance("SHA-256");
        digest.update(padBlock(key, pad));
        return digest;
    }

    /** HMAC's padded key: the key, zero-filled to a block, XOR the pad byte. */
    private static byte[] padBlock(byte[] key, byte pad) {
        var block = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            block[i] = (byte) ((i < key.length ? key[i] : 0) ^ pad);
        }
        return block;
    }

    /** Completes an HMAC: the outer digest over the inner one, into {@code into}. */
    private static void mac(byte[] innerDigest, MessageDigest outer, byte[] into)
            throws CloneNotSupportedException, DigestException {
        var round = (MessageDigest) outer.clone();
        round.update(innerDigest);
        round.digest(into, 0, LENGTH);
    }
}
