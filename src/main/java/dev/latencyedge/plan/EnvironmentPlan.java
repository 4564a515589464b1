package dev.latencyedge.plan;

import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.RegionalSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole environment evaluated offline, in deployment order: every regional stack, then the global stack,
 * whose stack references receive exactly what the Regions exported.
 *
 * @param global       the edge stack
 * @param regionals    the regional stacks, by Region
 * @param placeholders stack name -> keys whose secure values were replaced by placeholders
 */
public record EnvironmentPlan(EvaluatedStack global, Map<String, EvaluatedStack> regionals,
                              Map<String, List<String>> placeholders) {

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
        var placeholders = new TreeMap<String, List<String>>();
        var stackFiles = StackFile.reader(configDir);
        var globalFile = stackFiles.apply(env);
        var global = globalFile.globalSettings();
        notePlaceholders(placeholders, globalFile);
        var regionalSettings = new LinkedHashMap<String, RegionalSettings>();
        for (var region : global.regions()) {
            var file = stackFiles.apply(global.regionalStackName(region));
            regionalSettings.put(region, file.regionalSettings("the global stack " + env + " lists " + region
                    + " in latency-edge:regions"));
            notePlaceholders(placeholders, file);
        }
        return evaluate(global, regionalSettings, placeholders);
    }

    /**
     * Evaluates settings already read: the Regions (by Region code), then the edge with their exports behind
     * its stack references.
     */
    public static EnvironmentPlan evaluate(GlobalSettings global, Map<String, RegionalSettings> regionalSettings,
                                           Map<String, List<String>> placeholders) {
        var regionals = new LinkedHashMap<String, EvaluatedStack>();
        var references = new TreeMap<String, FakeCloud.StackOutputs>();
        regionalSettings.forEach((region, settings) -> {
            var stack = StackEvaluator.evaluate(settings, Map.of());
            regionals.put(region, stack);
            references.put(StackEvaluator.referenceName(stack.stackName()),
                    new FakeCloud.StackOutputs(stack.exports(), List.copyOf(stack.secretExportNames())));
        });
        var edge = StackEvaluator.evaluate(global, references);
        return new EnvironmentPlan(edge, regionals, placeholders);
    }

    private static void notePlaceholders(Map<String, List<String>> placeholders, StackFile file) {
        if (!file.placeholderKeys().isEmpty()) {
            placeholders.put(file.stackName(), List.copyOf(file.placeholderKeys()));
        }
    }
}
