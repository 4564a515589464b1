package dev.latencyedge.delivery;

import dev.latencyedge.edge.GlobalStack;
import dev.latencyedge.regional.RegionalOutputs;
import dev.latencyedge.settings.ConfigKeys;
import dev.latencyedge.settings.Secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Stacks in memory, standing in for the Automation API: configuration per stack, and on {@code up} the exports the
 * program gives (a Region accepts the fingerprints of its current and previous secret; the edge sends its
 * current one). After every update it checks what a rotation must never break: every deployed Region accepts
 * what the deployed edge sends. A chosen operation on a chosen stack can be made to fail.
 */
final class InMemoryStacks implements StackRunner, StackConfig {

    final Map<String, Map<String, String>> config = new TreeMap<>();
    final Map<String, Map<String, Object>> deployed = new TreeMap<>();
    final List<String> operations = new ArrayList<>();
    private final Map<String, Integer> failing = new HashMap<>();
    private final String edge;

    InMemoryStacks(String edge) {
        this.edge = edge;
    }

    /** Makes the next run of {@code operation} on {@code stack} fail. */
    void failNext(String stack, Operation operation) {
        failing.put(stack + " " + operation, 1);
    }

    @Override
    public StackResult run(String stack, Operation operation, Consumer<String> output) {
        operations.add(operation.command() + " " + stack);
        if (failing.remove(stack + " " + operation) != null) {
            return new StackResult(stack, operation, StackResult.Status.FAILED, 0, 0, 0, 0, Duration.ZERO,
                    "error: update failed");
        }
        if (operation == Operation.UP) {
            var values = config.getOrDefault(stack, Map.of());
            var outputs = new TreeMap<String, Object>();
            if (stack.equals(edge)) {
                outputs.put(GlobalStack.ORIGIN_SECRET_FINGERPRINT, Secret.sha256(values.get(ConfigKeys.ORIGIN_VERIFY_SECRET)));
            } else {
                var accepted = new ArrayList<String>();
                accepted.add(Secret.sha256(values.get(ConfigKeys.ORIGIN_VERIFY_SECRET)));
                Optional.ofNullable(values.get(ConfigKeys.ORIGIN_VERIFY_SECRET_PREVIOUS)).map(Secret::sha256)
                        .filter(f -> !accepted.contains(f)).ifPresent(accepted::add);
                outputs.put(RegionalOutputs.ORIGIN_SECRET_FINGERPRINTS, accepted);
            }
            deployed.put(stack, outputs);
            assertServing();
        }
        return new StackResult(stack, operation, StackResult.Status.SUCCEEDED, 0, 1, 0, 20, Duration.ZERO, "");
    }

    private void assertServing() {
        var sent = deployed.getOrDefault(edge, Map.of()).get(GlobalStack.ORIGIN_SECRET_FINGERPRINT);
        deployed.forEach((stack, outputs) -> {
            if (!stack.equals(edge) && sent != null
                    && !((List<?>) outputs.get(RegionalOutputs.ORIGIN_SECRET_FINGERPRINTS)).contains(sent)) {
                throw new AssertionError(stack + " would answer CloudFront with 403");
            }
        });
    }

    @Override
    public void cancel(String stack) {
    }

    @Override
    public Optional<String> config(String stack, String key) {
        return Optional.ofNullable(config.getOrDefault(stack, Map.of()).get(key));
    }

    @Override
    public void setSecret(String stack, String key, String value) {
        operations.add("set " + stack + " " + key);
        config.computeIfAbsent(stack, s -> new TreeMap<>()).put(key, value);
    }

    @Override
    public void removeConfig(String stack, String key) {
        operations.add("remove " + stack + " " + key);
        config.getOrDefault(stack, new TreeMap<>()).remove(key);
    }

    @Override
    public Map<String, Object> outputs(String stack) {
        return deployed.getOrDefault(stack, Map.of());
    }
}
