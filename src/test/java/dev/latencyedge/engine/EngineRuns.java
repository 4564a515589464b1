package dev.latencyedge.engine;

import com.google.gson.JsonParser;
import dev.latencyedge.JavaProcess;
import dev.latencyedge.fakecloud.FakeCloud;
import dev.latencyedge.plan.StackEvaluator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the packaged jar as pulumi-language-java runs a {@code binary} program, each stack against a loopback engine
 * of its own, and keeps each stack's run per mode, so the tests share one process per stack and mode.
 */
final class EngineRuns {

    static final Path PROJECT_DIR = Path.of("").toAbsolutePath();
    static final String JAR = Path.of("target", "latency-edge.jar").toString();

    /** What one run of the program left: its exit status and output, and what the engine saw. */
    record Run(String stack, boolean preview, JavaProcess.Result result, LoopbackEngine engine, long millis) {
    }

    /** Two runs at a time: the program is a separate process, so the test JVM mostly waits. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, task -> {
        var thread = new Thread(task, "engine-run");
        thread.setDaemon(true);
        return thread;
    });
    private static final Map<String, CompletableFuture<Run>> RUNS = new ConcurrentHashMap<>();

    private EngineRuns() {
    }

    /**
     * Every stack of the environment in one mode: the Regions, then the edge, whose stack references read what the
     * Regions exported when they were deployed (update mode), as they would in a preview of the edge.
     */
    static Map<String, Run> environment(String env, boolean preview) {
        var pending = start(env, preview);
        var runs = new LinkedHashMap<String, Run>();
        pending.forEach((stack, run) -> runs.put(stack, run.join()));
        return runs;
    }

    /** Starts the runs of these environments in both modes, the Regions' deployments first. */
    static void startAll(String... envs) {
        for (var env : envs) {
            regions(env).forEach(region -> cached(env + "-" + region, false));
        }
        for (var env : envs) {
            start(env, false);
            start(env, true);
        }
    }

    private static Map<String, CompletableFuture<Run>> start(String env, boolean preview) {
        var runs = new LinkedHashMap<String, CompletableFuture<Run>>();
        regions(env).forEach(region -> runs.put(env + "-" + region, cached(env + "-" + region, preview)));
        var deployed = regions(env).stream().map(region -> cached(env + "-" + region, false)).toList();
        runs.put(env, RUNS.computeIfAbsent(key(env, preview), key -> CompletableFuture
                .allOf(deployed.toArray(CompletableFuture[]::new))
                .thenApplyAsync(done -> run(env, preview, EngineConfig.of(PROJECT_DIR, env), deployedRegions(env)),
                        POOL)));
        return runs;
    }

    /** The outputs of the environment's Regions as deployed, for the edge's stack references. */
    static Map<String, FakeCloud.StackOutputs> deployedRegions(String env) {
        var references = new LinkedHashMap<String, FakeCloud.StackOutputs>();
        for (var region : regions(env)) {
            var stack = env + "-" + region;
            references.put(StackEvaluator.referenceName(stack),
                    cached(stack, false).join().engine().deployedOutputs());
        }
        return references;
    }

    static List<String> regions(String env) {
        var regions = new ArrayList<String>();
        JsonParser.parseString(EngineConfig.of(PROJECT_DIR, env).values().get("latency-edge:regions"))
                .getAsJsonArray().forEach(r -> regions.add(r.getAsString()));
        return regions;
    }

    /** A regional stack's run: Regions read no other stack. */
    private static CompletableFuture<Run> cached(String stack, boolean preview) {
        return RUNS.computeIfAbsent(key(stack, preview), key -> CompletableFuture.supplyAsync(
                () -> run(stack, preview, EngineConfig.of(PROJECT_DIR, stack), Map.of()), POOL));
    }

    private static String key(String stack, boolean preview) {
        return stack + (preview ? " preview" : " update");
    }

    /**
     * One run, with the environment pulumi-language-java gives the program (pulumi/pulumi-java
     * pkg/cmd/pulumi-language-java/main.go, constructEnv), which the SDK reads in DeploymentImpl.DeploymentState
     * .fromEnvironment (com.pulumi:pulumi 1.36.1): PULUMI_MONITOR, PULUMI_ENGINE, PULUMI_ORGANIZATION, PULUMI_PROJECT,
     * PULUMI_STACK, PULUMI_ROOT_DIRECTORY, PULUMI_DRY_RUN ("true"/"false", Go's %v), PULUMI_CONFIG and
     * PULUMI_CONFIG_SECRET_KEYS; the host also sets PULUMI_PWD, PULUMI_QUERY_MODE and PULUMI_PARALLEL.
     */
    static Run run(String stack, boolean preview, EngineConfig config, Map<String, FakeCloud.StackOutputs> references) {
        try (var engine = new LoopbackEngine(StackEvaluator.PROJECT, stack, config.values().get("aws:region"), preview,
                references)) {
            var environment = new LinkedHashMap<String, String>();
            environment.put("PULUMI_MONITOR", engine.address());
            environment.put("PULUMI_ENGINE", engine.address());
            environment.put("PULUMI_ORGANIZATION", StackEvaluator.ORGANIZATION);
            environment.put("PULUMI_PROJECT", StackEvaluator.PROJECT);
            environment.put("PULUMI_STACK", stack);
            environment.put("PULUMI_PWD", PROJECT_DIR.toString());
            environment.put("PULUMI_ROOT_DIRECTORY", PROJECT_DIR.toString());
            environment.put("PULUMI_DRY_RUN", String.valueOf(preview));
            environment.put("PULUMI_QUERY_MODE", "false");
            environment.put("PULUMI_PARALLEL", "16");
            environment.put("PULUMI_CONFIG", config.configJson());
            environment.put("PULUMI_CONFIG_SECRET_KEYS", config.secretKeysJson());
            var start = System.nanoTime();
            var result = JavaProcess.runWithStatus(List.of("-jar", JAR), environment, 120);
            return new Run(stack, preview, result, engine, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException("could not run stack " + stack, e);
        }
    }
}
