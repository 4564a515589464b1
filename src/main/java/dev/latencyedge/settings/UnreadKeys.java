package dev.latencyedge.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keys set in our namespace (or one a typo away from it) that the program would not read: a misspelt name, or a
 * key of the other role. Each is refused, never ignored: an ignored {@code latency-edge:drian: true} plans cleanly
 * and leaves the Region in rotation. Keys of other packages ({@code aws:}, ...) are theirs and pass.
 */
public final class UnreadKeys {

    private static final String COMPACT_NAMESPACE = compact(ConfigKeys.NAMESPACE);

    private UnreadKeys() {
    }

    /**
     * The problems of the keys a stack sets, for its role; without a role (unknown, or the project file, which
     * serves both) a key is checked against every key the program reads.
     */
    public static List<ConfigException.Problem> problems(Collection<String> keys, Optional<Role> role) {
        var readable = role.map(ConfigKeys::readBy).map(List::copyOf).orElse(ConfigKeys.PROJECT_KEYS);
        var problems = new ArrayList<ConfigException.Problem>();
        for (var key : keys) {
            var colon = key.indexOf(':');
            var namespace = colon < 0 ? ConfigKeys.NAMESPACE : key.substring(0, colon);
            var name = key.substring(colon + 1);
            if (namespace.equals(ConfigKeys.NAMESPACE)) {
                if (readable.contains(key)) {
                    continue;
                }
                var other = ConfigKeys.onlyReadBy(key);
                if (other.isPresent() && role.isPresent()) {
                    problems.add(new ConfigException.Problem(key, "is read only by " + describe(other.get())
                            + ", not by a " + role.get().configValue() + " stack, which would ignore it"
                            + suggestion(name, readable)));
                } else {
                    problems.add(new ConfigException.Problem(key, "is not a key the program reads, so it would be"
                            + " ignored" + suggestion(name, readable, role)));
                }
            } else if (almostOurs(namespace)) {
                problems.add(new ConfigException.Problem(key, "namespace \"" + namespace + "\" is not \""
                        + ConfigKeys.NAMESPACE + "\", so the program would ignore the key"
                        + suggestion(name, readable)));
            }
        }
        return problems;
    }

    private static String describe(Role role) {
        return role == Role.GLOBAL ? "global stacks (Pulumi.<env>.yaml)" : "regional stacks (Pulumi.<env>-<region>.yaml)";
    }

    /** A namespace that differs from ours only in case, separators or one or two typed characters. */
    static boolean almostOurs(String namespace) {
        var lower = namespace.toLowerCase(Locale.ROOT);
        return compact(lower).equals(COMPACT_NAMESPACE) || EditDistance.between(lower, ConfigKeys.NAMESPACE) <= 2;
    }

    /** The key meant among the role's, else among the other role's, saying who reads it. */
    private static String suggestion(String name, List<String> readable, Optional<Role> role) {
        var own = nearest(name, readable);
        if (own.isPresent() || role.isEmpty()) {
            return own.map(key -> "; did you mean `" + key + "`?").orElse("");
        }
        return nearest(name, ConfigKeys.PROJECT_KEYS).map(key -> "; did you mean `" + key + "`, which only "
                + describe(ConfigKeys.onlyReadBy(key).orElseThrow()) + " read?").orElse("");
    }

    private static String suggestion(String name, List<String> readable) {
        return nearest(name, readable).map(key -> "; did you mean `" + key + "`?").orElse("");
    }

    /** The readable key nearest the name, when it is near enough to be the one meant. */
    static Optional<String> nearest(String name, List<String> readable) {
        var wanted = name.toLowerCase(Locale.ROOT);
        String best = null;
        var bestDistance = Integer.MAX_VALUE;
        for (var key : readable) {
            var candidate = key.substring(key.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            var d = EditDistance.between(wanted, candidate);
            if (d < bestDistance) {
                best = key;
                bestDistance = d;
            }
        }
        // A third of the name (at least 2) keeps "drian" -> drain and "healthCheckIntervall" -> healthCheckInterval
        // while an unrelated key (priceClass in a regional stack) gets no misleading guess.
        var nearEnough = Math.max(2, wanted.length() / 3);
        return bestDistance <= nearEnough ? Optional.ofNullable(best) : Optional.empty();
    }

    private static String compact(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
