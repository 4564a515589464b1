package dev.latencyedge.engine;

import dev.latencyedge.plan.EnvironmentPlan;
import dev.latencyedge.plan.PlannedResource;
import dev.latencyedge.settings.ConfigKeys;
import dev.latencyedge.stackfiles.Placeholders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar run as {@code pulumi preview} and {@code pulumi up} run it (no arguments, the engine's addresses
 * and configuration in the environment) against a loopback engine answering from the fake cloud: it registers what
 * the offline plan shows, refuses bad input with one line in the engine's log, and keeps secrets marked.
 */
class ProgramUnderEngineIT {

    private static final String SECRET = Placeholders.forKey(ConfigKeys.ORIGIN_VERIFY_SECRET);

    /**
     * The offline plan evaluates the program through {@code LatencyEdgeProgram.run} with settings read from the
     * stack files; {@code pulumi up} through the jar's entry with the engine's configuration. Both must register the
     * same resources, parents, providers and inputs; in preview an input computed from an output is unknown, and
     * only that is checked.
     */
    @ParameterizedTest(name = "{0}, preview {1}")
    @CsvSource({"dev,false", "dev,true", "prod,false", "prod,true"})
    void registersWhatTheOfflinePlanShows(String env, boolean preview) {
        var plan = EnvironmentPlan.evaluate(EngineRuns.PROJECT_DIR, env);
        var runs = EngineRuns.environment(env, preview);
        assertEquals(plan.stacks().stream().map(s -> s.stackName()).toList(), List.copyOf(runs.keySet()));
        for (var stack : plan.stacks()) {
            var run = runs.get(stack.stackName());
            assertEquals(0, run.result().status(), run.result().output() + run.engine().logs());
            assertEquals("", run.result().output(), "nothing but the program's own messages (it has none)");
            var planned = new TreeMap<String, PlannedResource>();
            stack.resources().forEach(r -> planned.put(r.urn(), r));
            var registered = new TreeMap<String, LoopbackEngine.Registration>();
            run.engine().registrations().forEach(r -> registered.put(r.urn(), r));
            assertEquals(planned.keySet(), registered.keySet(), stack.stackName());
            var differences = new ArrayList<String>();
            planned.forEach((urn, expected) -> compare(expected, registered.get(urn), preview, differences));
            assertEquals(List.of(), differences, stack.stackName() + (preview ? " preview" : " update"));
            System.out.println(run.stack() + (preview ? " preview" : " update") + ": " + run.millis() + " ms");
        }
    }

    private static void compare(PlannedResource expected, LoopbackEngine.Registration actual, boolean preview,
                                List<String> differences) {
        var urn = expected.urn();
        if (!expected.op().equals(actual.op()) || !expected.type().equals(actual.type())
                || expected.custom() != actual.custom() || !expected.parent().equals(actual.parent())) {
            differences.add(urn + ": " + expected + " registered as " + actual);
        }
        var provider = actual.provider();
        if (preview && provider.endsWith("::" + PropertyValues.UNKNOWN)) {
            // A provider created in preview has the unknown id; the plan shows the id it gets when created.
            provider = provider.substring(0, provider.lastIndexOf("::"));
            if (!expected.provider().startsWith(provider + "::")) {
                differences.add(urn + ": provider " + expected.provider() + ", registered with " + actual.provider());
            }
        } else if (!expected.provider().equals(provider)) {
            differences.add(urn + ": provider " + expected.provider() + ", registered with " + provider);
        }
        differ(urn, normalised(expected.inputs()), PropertyValues.reveal(actual.inputs()), preview, differences);
    }

    /** Adds where {@code actual} differs from {@code expected}; in preview an unknown matches anything. */
    private static void differ(String path, Object expected, Object actual, boolean preview, List<String> differences) {
        if (preview && PropertyValues.UNKNOWN.equals(actual)) {
            return;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            if (!e.keySet().equals(a.keySet())) {
                differences.add(path + ": keys " + e.keySet() + ", registered " + a.keySet());
                return;
            }
            e.forEach((k, v) -> differ(path + "." + k, v, a.get(k), preview, differences));
        } else if (expected instanceof List<?> e && actual instanceof List<?> a && e.size() == a.size()) {
            for (int i = 0; i < e.size(); i++) {
                differ(path + "[" + i + "]", e.get(i), a.get(i), preview, differences);
            }
        } else if (!java.util.Objects.equals(expected, actual)) {
            differences.add(path + ": " + expected + ", registered " + actual);
        }
    }

    /** Numbers as the wire carries them (protobuf Struct numbers are doubles). */
    private static Object normalised(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalised(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProgramUnderEngineIT::normalised).toList();
        }
        return value;
    }
}
