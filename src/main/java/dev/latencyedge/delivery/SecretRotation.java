package dev.latencyedge.delivery;

import dev.latencyedge.edge.GlobalStack;
import dev.latencyedge.regional.RegionalOutputs;
import dev.latencyedge.settings.Secret;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.latencyedge.settings.ConfigKeys.ORIGIN_VERIFY_SECRET;
import static dev.latencyedge.settings.ConfigKeys.ORIGIN_VERIFY_SECRET_PREVIOUS;

/**
 * The zero-downtime rotation of the verification secret over a whole environment, in the only safe order:
 * (1) every Region accepts the new value beside the old, (2) the edge sends the new value, (3) every Region drops
 * the old. Each stack's step is previewed (with the policy packs the runner was made with) before it is applied;
 * the first failure stops the rotation with the environment still serving (every deployed ALB accepts what the
 * deployed distribution sends at every point).
 *
 * <p>Run again after a failure, it resumes: the new value is the one already in the Regions'
 * {@code originVerifySecretPrevious} (or the edge's), and a stack whose deployed outputs already show the step
 * (the fingerprints its ALB accepts, the fingerprint the edge sends) is not run again. Secrets are never printed,
 * only stack names and steps.
 */
final class SecretRotation {

    private final StackRunner runner;
    private final StackConfig config;
    private final PrintStream out;

    SecretRotation(StackRunner runner, StackConfig config, PrintStream out) {
        this.runner = runner;
        this.config = config;
        this.out = out;
    }

    /** @return the results of the stacks run, the failed one last when the rotation stopped */
    List<StackResult> rotate(String edge, List<String> regions, Supplier<String> newSecret) {
        var next = resumedSecret(edge, regions).orElseGet(() -> {
            out.println("starting a new rotation of " + ORIGIN_VERIFY_SECRET + " for " + edge);
            return newSecret.get();
        });
        var fingerprint = Secret.sha256(next);
        var results = new java.util.ArrayList<StackResult>();

        out.println("step 1 of 3: every Region accepts the new value beside the old");
        for (var region : regions) {
            if (accepted(region).contains(fingerprint)) {
                out.println("  " + region + ": already accepts it");
                continue;
            }
            config.setSecret(region, ORIGIN_VERIFY_SECRET_PREVIOUS, next);
            if (!apply(region, results)) {
                return results;
            }
        }
        out.println("step 2 of 3: the edge sends the new value");
        if (fingerprint.equals(config.outputs(edge).get(GlobalStack.ORIGIN_SECRET_FINGERPRINT))) {
            out.println("  " + edge + ": already sends it");
        } else {
            config.setSecret(edge, ORIGIN_VERIFY_SECRET, next);
            if (!apply(edge, results)) {
                return results;
            }
        }
        out.println("step 3 of 3: every Region drops the old value");
        for (var region : regions) {
            if (accepted(region).equals(List.of(fingerprint))) {
                out.println("  " + region + ": accepts only the new value");
                continue;
            }
            config.setSecret(region, ORIGIN_VERIFY_SECRET, next);
            config.removeConfig(region, ORIGIN_VERIFY_SECRET_PREVIOUS);
            if (!apply(region, results)) {
                return results;
            }
        }
        out.println("rotation of " + edge + " complete");
        return results;
    }

    /**
     * The new value of a rotation under way: in a Region's {@code originVerifySecretPrevious} (steps 1 and 2, and
     * step 3 until the last Region's configuration moves on), or the value the edge sends while a deployed Region
     * still accepts another one (step 3 stopped after its last configuration change).
     */
    private Optional<String> resumedSecret(String edge, List<String> regions) {
        for (var region : regions) {
            var previous = config.config(region, ORIGIN_VERIFY_SECRET_PREVIOUS).filter(v -> !v.isBlank());
            if (previous.isPresent()) {
                out.println("resuming the rotation under way for " + edge + " (found in " + region + ")");
                return previous;
            }
        }
        var sent = config.config(edge, ORIGIN_VERIFY_SECRET);
        var current = regions.stream().map(r -> config.config(r, ORIGIN_VERIFY_SECRET)).distinct().toList();
        if (sent.isPresent() && !current.equals(List.of(sent))) {
            throw new IllegalStateException(edge + "'s " + ORIGIN_VERIFY_SECRET + " differs from its Regions' and no"
                    + " rotation is under way (no " + ORIGIN_VERIFY_SECRET_PREVIOUS + " in any Region): set the same"
                    + " value everywhere, or run secrets init on a new environment");
        }
        var fingerprint = sent.map(Secret::sha256);
        if (fingerprint.isPresent() && fingerprint.get().equals(config.outputs(edge).get(GlobalStack.ORIGIN_SECRET_FINGERPRINT))
                && regions.stream().anyMatch(r -> !accepted(r).equals(List.of(fingerprint.get())))) {
            out.println("resuming the rotation under way for " + edge + " (a Region still accepts the old value)");
            return sent;
        }
        return Optional.empty();
    }

    private List<?> accepted(String region) {
        return config.outputs(region).get(RegionalOutputs.ORIGIN_SECRET_FINGERPRINTS) instanceof List<?> list
                ? list : List.of();
    }

    private boolean apply(String stack, List<StackResult> results) {
        var up = StackRunner.previewThenUp(runner, stack, line -> out.println("[" + stack + "] " + line),
                () -> false);
        results.add(up);
        return up.succeeded();
    }
}
