package dev.latencyedge.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What AWS accepts as tags on the resources this program creates. Route 53 (health checks) is the strictest:
 * keys and values may hold only letters, digits, spaces and {@code _ . : / = + - @}, else
 * {@code ChangeTagsForResource} answers InvalidInput (Route 53 developer guide, "Tagging health checks"). The
 * provider creates the check first and tags it afterwards, so a bad tag fails the stack with the check already
 * made; the same rules therefore apply to every tag, wherever it goes.
 */
public final class TagRules {

    static final Pattern ALLOWED = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");
    public static final int MAX_KEY = 128;
    public static final int MAX_VALUE = 256;
    /** Tags per resource (Route 53, EC2, ELB, ACM, CloudFront all allow 50). */
    public static final int MAX_TAGS = 50;

    private TagRules() {
    }

    /** Every problem of one set of tags, each as "why" text naming the key. */
    public static List<String> problems(Map<String, String> tags) {
        var problems = new ArrayList<String>();
        if (tags.size() > MAX_TAGS) {
            problems.add(tags.size() + " tags, AWS allows at most " + MAX_TAGS + " per resource");
        }
        tags.forEach((key, value) -> problems.addAll(problems(key, value)));
        return List.copyOf(problems);
    }

    /** Every problem of one tag, each as "why" text naming the key. */
    public static List<String> problems(String key, String value) {
        var problems = new ArrayList<String>();
        if (key.isEmpty() || key.length() > MAX_KEY) {
            problems.add("tag key \"" + key + "\" must be 1 to " + MAX_KEY + " characters");
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            problems.add("tag key \"" + key + "\" uses the prefix aws:, which AWS reserves");
        }
        if (!ALLOWED.matcher(key).matches()) {
            problems.add("tag key \"" + key + "\" holds characters Route 53 refuses (allowed: letters, digits,"
                    + " spaces and _ . : / = + - @)");
        }
        if (value.length() > MAX_VALUE) {
            problems.add("tag " + key + " has a value over " + MAX_VALUE + " characters");
        }
        if (!ALLOWED.matcher(value).matches()) {
            problems.add("tag " + key + " has the value \"" + value + "\" with characters Route 53 refuses"
                    + " (allowed: letters, digits, spaces and _ . : / = + - @)");
        }
        return List.copyOf(problems);
    }
}
