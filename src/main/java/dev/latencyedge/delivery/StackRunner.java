package dev.latencyedge.delivery;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Runs one operation on one stack. The fleet's ordering logic depends on this and nothing else. */
public interface StackRunner {

    /**
     * Runs the operation to completion. An engine error is a result with status FAILED, not an exception.
     *
     * @param output receives the stack's progress, line by line
     */
    StackResult run(String stack, Operation operation, Consumer<String> output);

    /**
     * Previews the stack through the runner (with its policy packs) and applies it only when the preview
     * succeeds, so a policy violation or an engine error stops the stack before anything changes.
     *
     * @param stopped asked between the two: true ends the stack as CANCELLED without applying it
     */
    static StackResult previewThenUp(StackRunner runner, String stack, Consumer<String> output,
                                     BooleanSupplier stopped) {
        var preview = runner.run(stack, Operation.PREVIEW, output);
        if (!preview.succeeded() || stopped.getAsBoolean()) {
            return StackResult.notRun(stack, Operation.UP, stopped.getAsBoolean() ? StackResult.Status.CANCELLED
                    : StackResult.Status.FAILED, "not applied: its preview failed: " + preview.error());
        }
        return runner.run(stack, Operation.UP, output);
    }

    /** Asks a running operation to stop cleanly (as Ctrl-C would); a no-op when the stack is not running. */
    void cancel(String stack);
}
