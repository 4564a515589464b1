package dev.latencyedge;

import dev.latencyedge.plan.EnvironmentPlan;
import dev.latencyedge.plan.EvaluatedStack;
import dev.latencyedge.plan.PlannedResource;
import dev.latencyedge.plan.StackEvaluator;
import dev.latencyedge.settings.ConfigSource;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.RegionalSettings;
import dev.latencyedge.settings.SettingsLoader;
import dev.latencyedge.settings.StackSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Small factories for settings and evaluated stacks, so each test states only what it changes. */
public final class Fixtures {

    public static final String SECRET = "test-origin-secret-0123456789abcdefghijklmnopqrstuv";
    public static final String NEXT_SECRET = "next-origin-secret-0123456789abcdefghijklmnopqrstuv";
    public static final String LABEL = "k7q2m9x4v8r3t6w1z5";

    private Fixtures() {
    }

    /** Configuration of one stack as key/value text, the way the engine passes it. */
    public static final class Config implements ConfigSource {
        private final String stackName;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Set<String> secrets = new HashSet<>();

        public Config(String stackName) {
            this.stackName = stackName;
        }

        public Config set(String key, String value) {
            values.put(key, value);
            return this;
        }

        public Config secret(String key, String value) {
            secrets.add(key);
            return set(key, value);
        }

        public Config unset(String key) {
            values.remove(key);
            secrets.remove(key);
            return this;
        }

        @Override
        public String stackName() {
            return stackName;
        }

        @Override
        public String location() {
            return "Pulumi." + stackName + ".yaml";
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public boolean isSecret(String key) {
            return secrets.contains(key);
        }

        @Override
        public Set<String> stackKeys() {
            return values.keySet();
        }

        public StackSettings load() {
            return SettingsLoader.load(this);
        }
    }

    public static Config regional(String env, String region) {
        return new Config(env + "-" + region)
                .set("aws:region", region)
                .set("latency-edge:role", "region")
                .set("latency-edge:zone", "example.com")
                .set("latency-edge:clusterName", env + "-" + region)
                .set("latency-edge:domain", "www.example.com")
                .set("latency-edge:healthService", "shop/web-health")
                .set("latency-edge:healthTargetPort", "8080")
                .secret("latency-edge:originVerifySecret", SECRET);
    }

    public static Config global(String env, String... regions) {
        return new Config(env)
                .set("aws:region", "eu-west-1")
                .set("latency-edge:role", "global")
                .set("latency-edge:zone", "example.com")
                .set("latency-edge:domain", "www.example.com")
                .set("latency-edge:originLabel", LABEL)
                .set("latency-edge:regions", json(List.of(regions)))
                .secret("latency-edge:originVerifySecret", SECRET);
    }

    public static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b)
                .map(s -> "[" + s + "]").orElse("[]");
    }

    public static EvaluatedStack evaluate(Config config) {
        return StackEvaluator.evaluate(config.load(), Map.of());
    }

    /** Evaluates the Regions, then the global stack with their exports behind its stack references. */
    public static EnvironmentPlan plan(Config global, Config... regionals) {
        var settings = new LinkedHashMap<String, RegionalSettings>();
        for (var config : regionals) {
            var regional = (RegionalSettings) config.load();
            settings.put(regional.common().region(), regional);
        }
        return EnvironmentPlan.evaluate((GlobalSettings) global.load(), settings, Map.of());
    }

    /** As {@link #plan}, each evaluated stack by its name. */
    public static Map<String, EvaluatedStack> environment(Config global, Config... regionals) {
        var plan = plan(global, regionals);
        var evaluated = new TreeMap<String, EvaluatedStack>();
        plan.stacks().forEach(stack -> evaluated.put(stack.stackName(), stack));
        return evaluated;
    }

    /**
     * The committed stack files, deploy files and webhooks copied to {@code target}, so a test can change them as a
     * team would.
     */
    public static Path copyProject(Path target) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(Path.of("."))) {
            for (var file : files.filter(f -> f.getFileName().toString().matches("Pulumi\\..*yaml")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        Files.copy(Path.of(".pulumi.version"), target.resolve(".pulumi.version"));
        Files.createDirectories(target.resolve("deployments"));
        Files.copy(Path.of("deployments", "webhooks.yaml"), target.resolve("deployments").resolve("webhooks.yaml"));
        return target;
    }

    /** As after secrets init: every committed placeholder replaced by (opaque) ciphertext of a real backend. */
    public static Path withSecretsSet(Path projectDir) throws IOException {
        try (var files = Files.list(projectDir)) {
            for (var file : files.filter(f -> f.getFileName().toString().matches("Pulumi\\.[a-z0-9-]+\\.yaml")).toList()) {
                Files.writeString(file, Files.readString(file).replace(
                        "v1:cmVwbGFjZS1tZS13aXRoLXB1bHVtaS1jb25maWctc2V0LS1zZWNyZXQ=",
                        "v1:q3J5cHRvZ3JhcGhpY2FsbHkgb3BhcXVl:" + "A".repeat(40)));
            }
        }
        return projectDir;
    }

    /** The innermost cause: the SDK wraps a program's exception in its own and in CompletionExceptions. */
    public static Throwable rootCause(Throwable error) {
        var cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public static PlannedResource single(EvaluatedStack stack, String type, String name) {
        var matches = stack.resources().stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name)).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + type + " named " + name + ", found " + matches.size()
                    + " among " + stack.resources().stream().map(PlannedResource::name).toList());
        }
        return matches.get(0);
    }

    @SuppressWarnings("unchecked")
    public static <T> T at(Object value, Object... path) {
        var current = value;
        for (var step : path) {
            current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }
}
