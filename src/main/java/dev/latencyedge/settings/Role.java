package dev.latencyedge.settings;

import java.util.Arrays;
import java.util.Optional;

/** What a stack is, from {@code latency-edge:role}. */
public enum Role {
    REGION("region"),
    GLOBAL("global");

    private final String configValue;

    Role(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.configValue.equals(value)).findFirst();
    }
}
