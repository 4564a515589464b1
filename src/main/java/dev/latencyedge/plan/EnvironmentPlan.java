package dev.latencyedge.plan;

import dev.latencyedge.passphrase.PassphraseSecrets;
import dev.latencyedge.fakecloud.FakeCloud;
import dev.latencyedge.stackfiles.StackFile;
import dev.latencyedge.stackfiles.Placeholders;

import com.google.gson.JsonParser;
import dev.latencyedge.settings.AwsRegions;
import dev.latencyedge.settings.ConfigException;
import dev.latencyedge.settings.ConfigKeys;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.RegionalSettings;
import dev.latencyedge.stackfiles.ProjectFile;
import dev.latencyedge.stackfiles.StackFileNames;

import java.io.IOException;
import java.nio.file.Files;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A whole environment evaluated offline, in deployment order: every regional stack, then the global stack,
 * whose stack references receive exactly what the listed Regions exported.
 *
 * @param global       the edge stack
 * @param regionals    the regional stacks the global stack lists, by Region
 * @param candidates   regional stack files of the environment its {@code regions} does not list yet, by Region:
 *                     planned on their own (the first step of adding a Region), not in the latency set
 * @param placeholders stack name -> the keys whose secure values were replaced by placeholders, and why
 */
public record EnvironmentPlan(EvaluatedStack global, Map<String, EvaluatedStack> regionals,
                              Map<String, EvaluatedStack> candidates,
                              Map<String, Placeholders.Undecrypted> placeholders) {

    /** Every stack, Regions first (listed, then not yet listed), as they are deployed. */
    public List<EvaluatedStack> stacks() {
        var all = new ArrayList<>(regionals.values());
        all.addAll(candidates.values());
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
     * of an environment run side by side. Every problem of every file (Pulumi.yaml, the global stack, each listed
     * or unlisted Region) is reported together, grouped by file, in one {@link PlanException}.
     */
    public static EnvironmentPlan evaluate(Path configDir, String env, Optional<PassphraseSecrets> passphrase) {
        var problems = new ArrayList<String>();
        var project = ProjectFile.read(configDir);
        project.error().ifPresent(e -> problems.add(e.getMessage()));
        var stackFiles = StackFile.reader(configDir, project, passphrase);
        var globalFile = read(stackFiles, env);
        if (globalFile instanceof Read.Failed failed) {
            problems.add(failed.problem());
            throw new PlanException(String.join("\n", problems));
        }
        var globalStack = ((Read.File) globalFile).file();
        // An unknown Region code in regions is the global stack's problem alone, not also a missing stack file.
        var listed = globalStack.get(ConfigKeys.REGIONS).map(EnvironmentPlan::regionsOf).orElse(List.of()).stream()
                .filter(AwsRegions.CODES::contains).toList();
        var regions = new ArrayList<>(listed);
        regions.addAll(unlistedRegions(configDir, env, listed));
        // Every file is read (starting its key derivation) before any settings are loaded.
        var files = new LinkedHashMap<String, Read>();
        regions.forEach(region -> files.put(region, read(stackFiles, GlobalSettings.regionalStackName(env, region))));
        var global = settings(problems, globalStack::globalSettings);
        var regionalSettings = new LinkedHashMap<String, RegionalSettings>();
        var candidateSettings = new LinkedHashMap<String, RegionalSettings>();
        files.forEach((region, result) -> {
            if (result instanceof Read.Failed failed) {
                problems.add(failed.problem());
                return;
            }
            var file = ((Read.File) result).file();
            var isListed = listed.contains(region);
            var why = isListed ? "the global stack " + env + " lists " + region + " in latency-edge:regions"
                    : "its name is that of " + env + "'s stack for " + region;
            settings(problems, () -> file.regionalSettings(why)).ifPresent(settings ->
                    (isListed ? regionalSettings : candidateSettings).put(region, settings));
        });
        if (!problems.isEmpty()) {
            throw new PlanException(String.join("\n", problems));
        }
        var placeholders = new TreeMap<String, Placeholders.Undecrypted>();
        notePlaceholders(placeholders, globalStack);
        files.values().forEach(result -> notePlaceholders(placeholders, ((Read.File) result).file()));
        return evaluate(global.orElseThrow(), regionalSettings, candidateSettings, placeholders);
    }

    /** Several environments, every problem of every one of them reported together, each under its file. */
    public static List<EnvironmentPlan> evaluate(Path configDir, List<String> envs,
                                                 Optional<PassphraseSecrets> passphrase) {
        var plans = new ArrayList<EnvironmentPlan>();
        var problems = new ArrayList<String>();
        for (var env : envs) {
            try {
                plans.add(evaluate(configDir, env, passphrase));
            } catch (PassphraseSecrets.IncorrectPassphrase e) {
                throw e;
            } catch (ConfigException | PlanException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new PlanException(String.join("\n", problems));
        }
        return plans;
    }

    /** A stack file, or why it could not be read (a listed Region without a file stays an error). */
    private sealed interface Read {
        record File(StackFile file) implements Read {
        }

        record Failed(String problem) implements Read {
        }
    }

    private static Read read(Function<String, StackFile> stackFiles, String stack) {
        try {
            return new Read.File(stackFiles.apply(stack));
        } catch (PlanException e) {
            return new Read.Failed(e.getMessage());
        }
    }

    /**
     * Settings, or their problems noted, so every file's are reported in one run; a wrong passphrase, wrong for
     * every file, ends the run at the first.
     */
    private static <T> Optional<T> settings(List<String> problems, Supplier<T> load) {
        try {
            return Optional.of(load.get());
        } catch (PassphraseSecrets.IncorrectPassphrase e) {
            throw e;
        } catch (ConfigException | PlanException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The Regions with a stack file {@code Pulumi.<env>-<region>.yaml} in the directory that {@code regions} does
     * not list, in Region order: the add-a-Region runbook creates the stack before it lists the Region.
     */
    static List<String> unlistedRegions(Path configDir, String env, List<String> listed) {
        var prefix = env + "-";
        try (var names = Files.list(configDir)) {
            return names.map(f -> StackFileNames.stack(f.getFileName().toString())).flatMap(Optional::stream)
                    .filter(stack -> stack.startsWith(prefix))
                    .map(stack -> stack.substring(prefix.length()))
                    .filter(region -> AwsRegions.CODES.contains(region) && !listed.contains(region))
                    .sorted().toList();
        } catch (IOException e) {
            throw new PlanException(configDir + ": cannot list stack files: " + e.getMessage());
        }
    }

    /** The Region codes of a regions value as the engine passes it (JSON), leniently: validation comes later. */
    private static List<String> regionsOf(String json) {
        try {
            var regions = new ArrayList<String>();
            JsonParser.parseString(json).getAsJsonArray().forEach(r -> regions.add(r.getAsString()));
            return regions.stream().distinct().toList();
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
        return evaluate(global, regionalSettings, Map.of(), placeholders);
    }

    /** As above, with regional stacks not yet listed, evaluated beside the others but hidden from the edge. */
    public static EnvironmentPlan evaluate(GlobalSettings global, Map<String, RegionalSettings> regionalSettings,
                                           Map<String, RegionalSettings> candidateSettings,
                                           Map<String, Placeholders.Undecrypted> placeholders) {
        var all = new LinkedHashMap<>(regionalSettings);
        all.putAll(candidateSettings);
        var evaluated = evaluateRegions(all);
        var regionals = new LinkedHashMap<String, EvaluatedStack>();
        var candidates = new LinkedHashMap<String, EvaluatedStack>();
        evaluated.forEach((region, stack) ->
                (regionalSettings.containsKey(region) ? regionals : candidates).put(region, stack));
        var references = new TreeMap<String, FakeCloud.StackOutputs>();
        regionals.values().forEach(stack -> references.put(StackEvaluator.referenceName(stack.stackName()),
                new FakeCloud.StackOutputs(stack.exports(), List.copyOf(stack.secretExportNames()))));
        var edge = StackEvaluator.evaluate(global, references);
        var plan = new EnvironmentPlan(edge, regionals, candidates, placeholders);
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
