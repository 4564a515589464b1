package dev.latencyedge.plan;

import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.RegionalSettings;
import dev.latencyedge.settings.Secret;
import dev.latencyedge.settings.StackSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replaces secret values with {@code "[secret]"} where they occur, leaving the rest of the property readable.
 * The mock engine hands resources their inputs without secret markers, so secrets are found by value: every
 * secret setting of the stack, and anything built from a secret origin label.
 */
public final class Redactor {

    public static final String MASK = "[secret]";

    private final List<String> secrets;

    public Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Redactor forSettings(StackSettings settings) {
        var secrets = new ArrayList<String>();
        secrets.add(settings.common().originVerifySecret().reveal());
        if (settings instanceof RegionalSettings regional) {
            regional.previousSecret().map(Secret::reveal).ifPresent(secrets::add);
        }
        if (settings instanceof GlobalSettings global && global.originLabelIsSecret()) {
            secrets.add(global.originHost());
            secrets.add(global.originLabel());
        }
        return new Redactor(secrets);
    }

    /** A copy of the value with secrets masked; maps come back sorted by key, so output is stable. */
    public Object redact(Object value) {
        if (value instanceof String s) {
            return redactText(s);
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new TreeMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), redact(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::redact).toList();
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        return value;
    }

    public String redactText(String text) {
        var result = text;
        for (var secret : secrets) {
            result = result.equals(secret) ? MASK : result.replace(secret, MASK);
        }
        return result;
    }
}
