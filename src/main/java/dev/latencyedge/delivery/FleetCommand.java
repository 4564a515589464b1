package dev.latencyedge.delivery;

import dev.latencyedge.plan.PlanException;
import dev.latencyedge.stackfiles.StackFile;
import dev.latencyedge.settings.ConfigException;
import dev.latencyedge.settings.GlobalSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code preview|up|destroy <env> [--parallel N] [--policy-pack DIR] [--region CODE]...}: one operation over a
 * whole environment through the Automation API, in order, ending with one summary table.
 *
 * <p>The Regions come from the environment's global stack file. {@code destroy} also takes the stacks of
 * Regions no longer listed, but only those named with {@code --region}.
 */
public final class FleetCommand {

    private final Path projectDir;
    private final Function<List<String>, StackRunner> runners;
    private final PrintStream out;
    private final PrintStream err;

    /** @param runners makes the runner from the policy packs to apply (the command line has found the CLI) */
    public FleetCommand(Path projectDir, Function<List<String>, StackRunner> runners, PrintStream out, PrintStream err) {
        this.projectDir = projectDir;
        this.runners = runners;
        this.out = out;
        this.err = err;
    }

    /**
     * @param parallel     at most this many Regions at once; 0 for all
     * @param extraRegions for {@code destroy}: Regions the environment no longer lists whose stacks go too
     */
    public int run(Operation operation, String env, int parallel, List<String> policyPacks, List<String> extraRegions) {
        GlobalSettings global;
        var regional = new ArrayList<String>();
        try {
            global = StackFile.read(projectDir, env).globalSettings();
            regional.addAll(global.regionalStackNames());
            extraRegions.stream().map(global::regionalStackName).filter(s -> !regional.contains(s))
                    .forEach(regional::add);
            // A placeholder fails every preview and up before the program runs: say so once, for every stack.
            var stacksOfEnv = new ArrayList<>(global.regionalStackNames());
            stacksOfEnv.add(env);
            var unset = StackFile.unsetSecrets(projectDir, stacksOfEnv).keySet();
            if (!unset.isEmpty() && operation != Operation.DESTROY) {
                err.println(operation.command() + " of " + env + " refused: secrets are still placeholders in "
                        + String.join(", ", unset) + "; run java -jar target/latency-edge.jar secrets init " + env);
                return 1;
            }
        } catch (ConfigException | PlanException e) {
            err.println(operation.command() + " of " + env + " refused: " + e.getMessage());
            return 1;
        }

        var fleet = new Fleet(runners.apply(policyPacks), parallel, out);
        var done = new CountDownLatch(1);
        var onCtrlC = new Thread(() -> {
            err.println("cancelling: running stacks are asked to stop cleanly, nothing new starts");
            fleet.cancel();
            awaitQuietly(done);
        });
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            var results = fleet.run(operation, env, regional);
            out.print(SummaryTable.render(results));
            var failed = results.stream().filter(r -> !r.succeeded()).toList();
            for (var r : failed) {
                if (r.status() == StackResult.Status.FAILED) {
                    err.println(operation.command() + " of " + env + " failed at stack " + r.stack() + ": " + r.error());
                }
            }
            return failed.isEmpty() ? 0 : 1;
        } finally {
            done.countDown();
            removeHook(onCtrlC);
        }
    }

    private static void awaitQuietly(CountDownLatch done) {
        try {
            done.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running and waits for us
        }
    }
}
