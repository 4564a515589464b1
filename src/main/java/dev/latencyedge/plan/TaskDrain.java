package dev.latencyedge.plan;

import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Waits for the tasks of a program run in the SDK's mock engine by blocking on their completion.
 * <p>
 * The SDK's own runner ({@code DeploymentImpl.DefaultRunner}, com.pulumi:pulumi 1.36.1) polls instead: it
 * re-schedules a loop on the common pool for as long as tasks are in flight, and both that loop and every task
 * registration format the in-flight tasks into a log message, whether or not the log level is on. Measured with
 * JFR on a 20-Region plan, that was half the plan's CPU samples (docs/performance.md). This runner keeps the
 * SDK's semantics, done when every registered task is done or at the first that fails, and leaves the error
 * handling and exit codes to the SDK runner it wraps. Only the offline plan uses it: {@code pulumi up} runs the
 * SDK's runner against the real engine.
 * <p>
 * It swaps the runner through the SDK's internal test builder, so an SDK upgrade must keep
 * {@code TaskDrainTest} green: it compares this runner with the SDK's on the real program.
 */
final class TaskDrain implements Runner {

    /**
     * The SDK would log a failing program's exception with its stack trace; the plan reports every failure itself,
     * in one line naming the stack, so the mock engine's log stays quiet.
     */
    private static final java.util.logging.Logger SILENT = silent();

    private final Runner sdkRunner;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> firstFailure = new CompletableFuture<>();

    private static java.util.logging.Logger silent() {
        var logger = java.util.logging.Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    private TaskDrain(Runner sdkRunner) {
        this.sdkRunner = sdkRunner;
    }

    /** Runs a program in the mock engine, as {@link PulumiTest#withMocks}, and waits for its tasks this way. */
    static TestResult runTest(Mocks mocks, TestOptions options, Consumer<Context> program) {
        return PulumiTestInternal.builder()
                .mocks(mocks)
                .options(options)
                .standardLogger(SILENT)
                .deploymentFactory(TaskDrain::deployment)
                .build()
                .runTest(program);
    }

    private static DeploymentInternal deployment(DeploymentImpl.DeploymentState state) {
        state.runner = new TaskDrain(state.runner);
        return new DeploymentImpl(state);
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        pending.add(task);
        task.whenComplete((value, error) -> {
            pending.remove(task);
            if (error != null) {
                firstFailure.completeExceptionally(error);
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        return sdkRunner.runAsync(() -> {
            var value = callback.get();
            awaitTasks();
            return value;
        });
    }

    /**
     * A task registers the tasks it starts before it completes, so once the set is empty nothing is left;
     * each round waits for what was pending when it began. A task that failed fails the run even when it
     * failed before anything waited for it, as with the SDK's runner.
     */
    private void awaitTasks() {
        for (var waiting = pendingNow(); waiting.length > 0; waiting = pendingNow()) {
            CompletableFuture.anyOf(firstFailure, CompletableFuture.allOf(waiting)).join();
        }
        if (firstFailure.isCompletedExceptionally()) {
            firstFailure.join();
        }
    }

    private CompletableFuture<?>[] pendingNow() {
        return pending.toArray(CompletableFuture<?>[]::new);
    }
}
