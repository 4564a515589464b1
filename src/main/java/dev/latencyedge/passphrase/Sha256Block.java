package dev.latencyedge.passphrase;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Security;
import java.util.Arrays;
import java.util.Optional;

/**
 * The JDK's own SHA-256 block function (the one its MessageDigest runs, which the optimizing compiler replaces
 * with the CPU's SHA instructions), applied to a chaining state of our choosing. HMAC's padded keys are one
 * block each, and a PBKDF2 round's message (a 32-byte digest after one of them) pads to one more; so with the
 * states after the padded keys kept, a round is exactly two calls here, with no copying of digest objects, no
 * padding work and no garbage: a warm key in about 60 % of the time of copied MessageDigests, and cold, where the
 * copies' garbage costs page faults as the heap grows, about half their CPU time (docs/performance.md).
 *
 * <p>The function is not public API: it is reached in {@code sun.security.provider}, which {@code java.base}
 * opens only where asked to. The jar's manifest asks ({@code Add-Opens}, honoured for the jar that
 * {@code java -jar} starts: JEP 261), so the launching JVM, which derives passphrase keys, has it. Anywhere else,
 * or on a JDK whose internals differ, {@link #open()} is empty and {@link Pbkdf2} uses MessageDigest: same keys,
 * slower. Not thread-safe: one per derivation.
 */
final class Sha256Block {

    /**
     * The SHA-256 implementation's own block method and state getter, or null where the JDK does not let us reach
     * them. Constants, so that the compiler can inline the block method and its CPU instructions into our loop.
     */
    private static final MethodHandle COMPRESS;
    private static final MethodHandle STATE;

    static {
        MethodHandle compress = null;
        MethodHandle state = null;
        try {
            var sha2 = Class.forName("sun.security.provider.SHA2");
            var lookup = MethodHandles.privateLookupIn(sha2, MethodHandles.lookup());
            compress = lookup.findVirtual(sha2, "implCompress",
                            MethodType.methodType(void.class, byte[].class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class));
            state = lookup.findGetter(sha2, "state", int[].class)
                    .asType(MethodType.methodType(int[].class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not opened to us (any JVM but the launcher's), or a JDK whose SHA-256 is built otherwise.
            compress = null;
            state = null;
        }
        COMPRESS = compress;
        STATE = state;
    }

    private final Object digest;
    /** The implementation's chaining state, which its block method updates in place. */
    private final int[] state;
    private final int[] initial;

    private Sha256Block(Object digest, int[] state) {
        this.digest = digest;
        this.state = state;
        this.initial = state.clone();
    }

    /** A block function of this JDK's SHA-256, if it can be reached and gives SHA-256's answer. */
    static Optional<Sha256Block> open() {
        if (COMPRESS == null) {
            return Optional.empty();
        }
        try {
            // A fresh implementation object, from the provider MessageDigest itself would use.
            var service = Optional.ofNullable(Security.getProvider("SUN"))
                    .map(p -> p.getService("MessageDigest", "SHA-256"));
            if (service.isEmpty()) {
                return Optional.empty();
            }
            var digest = service.get().newInstance(null);
            return Optional.of(new Sha256Block(digest, (int[]) STATE.invokeExact(digest)))
                    .filter(Sha256Block::hashesAsMessageDigest);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            // The provider's object is not the implementation we can drive: MessageDigest it is.
            return Optional.empty();
        }
    }

    /** SHA-256's initial chaining state (FIPS 180-4 section 5.3.3), as this implementation starts from. */
    int[] initialState() {
        return initial.clone();
    }

    /** The state after one 64-byte {@code block} from {@code chain}, into {@code into} (8 words). */
    void compress(int[] chain, byte[] block, int[] into) {
        System.arraycopy(chain, 0, state, 0, 8);
        try {
            COMPRESS.invokeExact(digest, block, 0);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the JDK's SHA-256 block function failed", e);
        }
        System.arraycopy(state, 0, into, 0, 8);
    }

    /** Writes a state big-endian, as SHA-256 gives its digest. */
    static void digestInto(int[] state, byte[] out) {
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (state[i] >>> 24);
            out[4 * i + 1] = (byte) (state[i] >>> 16);
            out[4 * i + 2] = (byte) (state[i] >>> 8);
            out[4 * i + 3] = (byte) state[i];
        }
    }

    /**
     * Whether one padded block through here gives MessageDigest's SHA-256 of the same text: a guard against a
     * JDK whose methods keep these names but not their meaning.
     */
    private boolean hashesAsMessageDigest() {
        try {
            var text = "latency-edge".getBytes(StandardCharsets.US_ASCII);
            var block = Arrays.copyOf(text, 64);
            block[text.length] = (byte) 0x80;
            block[63] = (byte) (text.length * 8);
            var after = new int[8];
            compress(initialState(), block, after);
            var ours = new byte[32];
            digestInto(after, ours);
            return Arrays.equals(ours, MessageDigest.getInstance("SHA-256").digest(text));
        } catch (GeneralSecurityException | IllegalStateException e) {
            return false;
        }
    }
}
