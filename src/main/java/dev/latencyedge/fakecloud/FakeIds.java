package dev.latencyedge.fakecloud;

import dev.latencyedge.settings.Secret;

/** Deterministic stand-ins for the identifiers AWS would assign: the same inputs always give the same id. */
public final class FakeIds {

    private FakeIds() {
    }

    /** {@code length} lower-case hex characters derived from the parts. */
    public static String hex(int length, String... parts) {
        var digest = Secret.sha256(String.join("\u0000", parts));
        while (digest.length() < length) {
            digest = digest + Secret.sha256(digest);
        }
        return digest.substring(0, length);
    }

    /** Letters and digits only, e.g. for CloudFront ids and domain names. */
    static String alphanumeric(int length, String... parts) {
        var alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var source = hex(length * 2, parts);
        var out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(Integer.parseInt(source.substring(2 * i, 2 * i + 2), 16) % alphabet.length()));
        }
        return out.toString();
    }

    static String uuid(String... parts) {
        var h = hex(32, parts);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }
}
