package dev.latencyedge.cli;


import dev.latencyedge.Main;
import dev.latencyedge.passphrase.KeyHandoff;
import dev.latencyedge.plan.PlanArgs;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Runs a batch command (the offline plan) in a child JVM set up for a short job, because a jar cannot carry JVM
 * options. Measured on 2 cores (docs/performance.md): the default G1 heap grows to ~700 MB of short-lived
 * garbage, the C2 compiler competes with the work, and the common pool has a single worker; the serial
 * collector, the client compiler, at least two pool workers and the class-data archive built next to the jar
 * roughly halve the time and cut the memory by two thirds. Where the compiler has no spare core, it is also
 * given less to do.
 * Set LATENCY_EDGE_NO_RELAUNCH=1 to run in the current JVM instead.
 */
final class JvmLauncher {

    static final String MARKER = "latencyedge.tunedJvm";
    /**
     * The plan JVM's options on a machine with this many cores. Passphrase keys, which the client compiler alone
     * derives six times slower, are derived by this JVM and handed over ({@link KeyHandoff}).
     */
    static List<String> flags(int cores) {
        var flags = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                // The default is one worker per core but one; with a single worker CompletableFuture's async
                // steps, which the SDK takes many of per resource, each start a new thread (about 3000 for 20
                // Regions on 2 cores).
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + Math.max(2, cores - 1)));
        if (cores <= 2) {
            // Compiling is about half the plan's CPU time here and runs on the cores the work needs: one
            // compiler thread instead of two, inlining only small methods: dev plans ~6 % faster, 20 Regions ~5 %.
            flags.addAll(List.of("-XX:CICompilerCount=1", "-XX:C1MaxInlineSize=15"));
        }
        return List.copyOf(flags);
    }

    private JvmLauncher() {
    }

    /**
     * Starts the plan JVM at once with the whole command line, which it parses itself (its class-data archive
     * holds the parser, so that costs it little), and returns its exit status; empty when this JVM should plan
     * itself. With a passphrase, this JVM then reads the same arguments ({@code parse}) and derives the keys the
     * plan needs while the plan JVM starts (empty arguments or none to derive: the stream says so at once).
     */
    static OptionalInt relaunch(String[] args, Function<String[], Optional<PlanArgs>> parse) {
        if (Boolean.getBoolean(MARKER) || System.getenv("LATENCY_EDGE_NO_RELAUNCH") != null) {
            return OptionalInt.empty();
        }
        var java = ProcessHandle.current().info().command();
        var jar = ownJar();
        if (java.isEmpty() || jar.isEmpty()) {
            return OptionalInt.empty();
        }
        var environment = System.getenv();
        var passphrase = passphraseGiven(environment);
        var command = new ArrayList<>(List.of(java.get()));
        command.addAll(flags(Runtime.getRuntime().availableProcessors()));
        if (passphrase) {
            command.add("-D" + KeyHandoff.PROPERTY + "=true");
        }
        var archive = jar.get().resolveSibling("latency-edge.jsa");
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-D" + MARKER + "=true", "-cp", jar.get().toString(), Main.class.getName()));
        command.addAll(List.of(args));
        try {
            var builder = new ProcessBuilder(command).inheritIO();
            if (passphrase) {
                builder.redirectInput(ProcessBuilder.Redirect.PIPE);
            }
            var child = builder.start();
            if (passphrase) {
                parse.apply(args).flatMap(plan -> KeyHandoff.forPlan(plan, environment)).map(KeyHandoff::start)
                        .orElseGet(() -> new KeyHandoff.Derivations(Map.of())).serve(child.getOutputStream());
            }
            var stop = new Thread(child::destroy);
            Runtime.getRuntime().addShutdownHook(stop);
            var status = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return OptionalInt.of(status);
        } catch (java.io.IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    /** Whether the plan JVM will want passphrase keys: a passphrase is set (a bad one it refuses itself). */
    private static boolean passphraseGiven(Map<String, String> environment) {
        return environment.get("PULUMI_CONFIG_PASSPHRASE") != null
                || !environment.getOrDefault("PULUMI_CONFIG_PASSPHRASE_FILE", "").isEmpty();
    }

    /** The jar this class was loaded from; empty when running from classes (tests, exec:java). */
    private static Optional<Path> ownJar() {
        try {
            var location = Path.of(JvmLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
