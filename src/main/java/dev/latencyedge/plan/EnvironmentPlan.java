package dev.latencyedge.plan;

import dev.latencyedge.passphrase.PassphraseSecrets;
import dev.latencyedge.fakecloud.FakeCloud;
import dev.latencyedge.stackfiles.StackFile;
import dev.latencyedge.stackfiles.Placeholders;

import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.RegionalSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A whole environment evaluated offline, in deployment order: every regional stack, then the global stack,
 * whose stack references receive exactly what the Regions exported.
 *
 * @param global       the edge stack
 * @param regionals    the regional stacks, by Region
 * @param placeholders stack name -> the keys whose secure values were replaced by placeholders, and why
 */
public record EnvironmentPlan(EvaluatedStack global, Map<String, EvaluatedStack> regionals,
                              Map<String, Placeholders.Undecrypted> placeholders) {

    /** Every stack, Regions first, as they are deployed. */
    public List<EvaluatedStack> stacks() {
        var all = new ArrayList<>(regionals.values());
        all.add(global);
        return all;
    }

    /**
     * Reads and validates every stack file of the environment before evaluating any, so bad configuration
     * fails fast and nothing is evaluated (or written) for it.
     */
    public static EnvironmentPlan evaluate(Path configDir, String env) {
        return evaluate(configDir, env, Optional.empty());
    }

    /**
     * As {@link #evaluate(Path, String)}, decrypting passphrase-provider secrets with the given passphrase. Every
     * stack file is read (which starts deriving its key) before any secret is needed, so the slow key derivations
     * of an environment run side by side.
     */
    public static EnvironmentPlan evaluate(Path configDir, String env, Optional<PassphraseSecrets> passphrase) {
        var placeholders = new TreeMap<String, Placeholders.Undecrypted>();
        var stackFiles = StackFile.reader(configDir, passphrase);
        var globalFile = stackFiles.apply(env);
        var prefetched = new java.util.HashMap<String, StackFile>();
        globalFile.get(dev.latencyedge.settings.ConfigKeys.REGIONS).map(EnvironmentPlan::regionsOf).orElse(List.of())
                .forEach(region -> {
                    try {
                        prefetched.put(region, stackFiles.apply(GlobalSettings.regionalStackName(env, region)));
                    } catch (PlanException e) {
                        // reported below, after the global stack's own settings are checked
                    }
                });
        var global = globalFile.globalSettings();
        notePlaceholders(placeholders, globalFile);
        var regionalSettings = new LinkedHashMap<String, RegionalSettings>();
        for (var region : global.regions()) {
            // Read again only where the prefetch failed, to report why.
            var file = prefetched.computeIfAbsent(region, r -> stackFiles.apply(global.regionalStackName(r)));
            regionalSettings.put(region, file.regionalSettings("the global stack " + env + " lists " + region
                    + " in latency-edge:regions"));
            notePlaceholders(placeholders, file);
        }
        return evaluate(global, regionalSettings, placeholders);
    }

    /** The Region codes of a regions value as the engine passes it (JSON), leniently: validation comes later. */
    private static List<String> regionsOf(String json) {
        try {
            var regions = new java.util.ArrayList<String>();
            com.google.gson.JsonParser.parseString(json).getAsJsonArray().forEach(r -> regions.add(r.getAsString()));
            return regions;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Evaluates settings already read: the Regions (by Region code), then the edge with their exports behind
     * its stack references.
     */
    public static EnvironmentPlan evaluate(GlobalSettings global, Map<String, RegionalSettings> regionalSettings,
                                           Map<String, Placeholders.Undecrypted> placeholders) {
        var regionals = evaluateRegions(regionalSettings);
        var references = new TreeMap<String, FakeCloud.StackOutputs>();
        regionals.values().forEach(stack -> references.put(StackEvaluator.referenceName(stack.stackName()),
                new FakeCloud.StackOutputs(stack.exports(), List.copyOf(stack.secretExportNames()))));
        var edge = StackEvaluator.evaluate(global, references);
        var plan = new EnvironmentPlan(edge, regionals, placeholders);
        DnsRecordClaims.verify(plan.stacks());
        return plan;
    }

    /**
     * Regions are independent, as in a deployment (Regions in parallel, then the edge), so they are evaluated
     * side by side. Results, and the first failure, are taken in Region order: the plan never depends on
     * which thread finished first.
     */
    private static Map<String, EvaluatedStack> evaluateRegions(Map<String, RegionalSettings> settings) {
        var threads = Math.max(1, Math.min(settings.size(), Runtime.getRuntime().availableProcessors()));
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var pending = new LinkedHashMap<String, Future<EvaluatedStack>>();
            settings.forEach((region, regional) ->
                    pending.put(region, pool.submit(() -> StackEvaluator.evaluate(regional, Map.of()))));
            var evaluated = new LinkedHashMap<String, EvaluatedStack>();
            for (var entry : pending.entrySet()) {
                evaluated.put(entry.getKey(), result(entry.getValue()));
            }
            return evaluated;
        } finally {
            pool.shutdownNow();
        }
    }

    private static EvaluatedStack result(Future<EvaluatedStack> evaluation) {
        try {
            return evaluation.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlanException("interrupted while evaluating the Regions");
        }
    }

    private static void notePlaceholders(Map<String, Placeholders.Undecrypted> placeholders, StackFile file) {
        if (!file.placeholderKeys().isEmpty()) {
            placeholders.put(file.stackName(), new Placeholders.Undecrypted(List.copyOf(file.placeholderKeys()),
                    file.placeholderReason()));
        }
    }
}
