package dev.latencyedge.delivery;

import java.util.function.Consumer;

/** Runs one operation on one stack. The fleet's ordering logic depends on this and nothing else. */
public interface StackRunner {

    /**
     * Runs the operation to completion. An engine error is a result with status FAILED, not an exception.
     *
     * @param output receives the stack's progress, line by line
     */
    StackResult run(String stack, Operation operation, Consumer<String> output);

    /** Asks a running operation to stop cleanly (as Ctrl-C would); a no-op when the stack is not running. */
    void cancel(String stack);
}
