package dev.latencyedge.delivery;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs an operation over a whole environment in the only safe order: for {@code up} and {@code preview}, every
 * Region (at most {@code parallel} at once), then the edge, and the edge only when every Region succeeded; for
 * {@code destroy}, the edge first, then the Regions, and the Regions only when the edge is gone.
 *
 * <p>{@code up} previews each stack (with the policy packs) before applying it and applies nothing when the
 * preview fails: the Automation API's up runs with {@code --skip-preview}, where stack policies only run after
 * every step, so a mandatory violation a stack policy finds must stop the stack at its preview.
 */
public final class Fleet {

    private final StackRunner runner;
    private final int parallel;
    private final PrintStream out;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /**
     * @param parallel how many Regions may run at once; 0 means all
     * @param out      where progress goes, each line prefixed with its stack
     */
    public Fleet(StackRunner runner, int parallel, PrintStream out) {
        if (parallel < 0) {
            throw new IllegalArgumentException("parallel must be 0 (all) or more, got " + parallel);
        }
        this.runner = runner;
        this.parallel = parallel;
        this.out = out;
    }

    /** Results in the order the stacks were meant to run: Regions then edge, or edge then Regions. */
    public List<StackResult> run(Operation operation, String edgeStack, List<String> regionalStacks) {
        var results = new ArrayList<StackResult>();
        if (operation == Operation.DESTROY) {
            var edge = runOne(edgeStack, operation);
            results.add(edge);
            if (edge.succeeded()) {
                results.addAll(runRegions(operation, regionalStacks));
            } else {
                regionalStacks.forEach(s -> results.add(StackResult.notRun(s, operation, skippedOrCancelled(),
                        "not destroyed: the edge stack " + edgeStack + " still references it")));
            }
            return results;
        }
        var regions = runRegions(operation, regionalStacks);
        results.addAll(regions);
        var failed = regions.stream().filter(r -> !r.succeeded()).map(StackResult::stack).toList();
        if (failed.isEmpty() && !cancelled) {
            results.add(runOne(edgeStack, operation));
        } else {
            results.add(StackResult.notRun(edgeStack, operation, skippedOrCancelled(),
                    cancelled ? "cancelled" : "not run: " + String.join(", ", failed) + " did not succeed"));
        }
        return results;
    }

    /** Stops what runs (cleanly, through the runner) and starts nothing more. Safe from a shutdown hook. */
    public void cancel() {
        cancelled = true;
        List.copyOf(running).forEach(runner::cancel);
    }

    private List<StackResult> runRegions(Operation operation, List<String> stacks) {
        if (stacks.isEmpty()) {
            return List.of();
        }
        var threads = parallel == 0 ? stacks.size() : Math.min(parallel, stacks.size());
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new LinkedHashMap<String, Future<StackResult>>();
            stacks.forEach(s -> futures.put(s, pool.submit(() -> runOne(s, operation))));
            var results = new ArrayList<StackResult>();
            for (Map.Entry<String, Future<StackResult>> entry : futures.entrySet()) {
                results.add(await(entry.getKey(), operation, entry.getValue()));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private StackResult await(String stack, Operation operation, Future<StackResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return StackResult.notRun(stack, operation, StackResult.Status.CANCELLED, "interrupted");
        } catch (ExecutionException e) {
            return StackResult.notRun(stack, operation, StackResult.Status.FAILED, String.valueOf(e.getCause()));
        }
    }

    private StackResult runOne(String stack, Operation operation) {
        if (cancelled) {
            return StackResult.notRun(stack, operation, StackResult.Status.CANCELLED, "cancelled before it started");
        }
        running.add(stack);
        try {
            Consumer<String> lines = line -> out.println("[" + stack + "] " + line);
            var result = operation == Operation.UP ? StackRunner.previewThenUp(runner, stack, lines, () -> cancelled)
                    : runner.run(stack, operation, lines);
            return cancelled && !result.succeeded()
                    ? new StackResult(stack, operation, StackResult.Status.CANCELLED, result.created(),
                    result.updated(), result.deleted(), result.unchanged(), result.duration(), "cancelled")
                    : result;
        } catch (RuntimeException e) {
            return new StackResult(stack, operation, StackResult.Status.FAILED, 0, 0, 0, 0, Duration.ZERO,
                    String.valueOf(e.getMessage()));
        } finally {
            running.remove(stack);
        }
    }

    private StackResult.Status skippedOrCancelled() {
        return cancelled ? StackResult.Status.CANCELLED : StackResult.Status.SKIPPED;
    }
}
