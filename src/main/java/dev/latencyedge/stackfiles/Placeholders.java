package dev.latencyedge.stackfiles;

import dev.latencyedge.fakecloud.FakeIds;

import dev.latencyedge.settings.ConfigKeys;

/**
 * Stand-ins for {@code secure:} values the offline plan cannot decrypt. They are derived from the key only, so
 * every stack of an environment gets the same one (fingerprints still match), and they satisfy the rules the
 * real value must meet, so validation runs over everything else.
 */
public final class Placeholders {

    private Placeholders() {
    }

    /** Secure values of one stack the plan could not decrypt, and why. */
    public record Undecrypted(java.util.List<String> keys, String reason) {
    }

    /**
     * Whether a {@code secure:} value is the repository's placeholder rather than real ciphertext: its payload is
     * the base64 of a "replace-me" text, which no secrets manager can decrypt, so every preview and up of the
     * stack would fail before the program runs.
     */
    public static boolean isCommitted(String secure) {
        var payload = secure.startsWith("v1:") ? secure.substring(3) : secure;
        try {
            return new String(java.util.Base64.getDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8)
                    .startsWith("replace-me");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String forKey(String key) {
        if (key.equals(ConfigKeys.ORIGIN_LABEL)) {
            return FakeIds.hex(26, "placeholder", key);
        }
        return "offline-plan-placeholder-" + FakeIds.hex(32, "placeholder", key);
    }
}
