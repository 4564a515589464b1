package dev.latencyedge.delivery;

import java.time.Duration;

/**
 * How one stack's operation ended.
 *
 * @param stack     the stack, e.g. {@code prod-eu-west-1}
 * @param operation what was run
 * @param status    the outcome
 * @param created   resources created (or to create, for a preview)
 * @param updated   resources updated or replaced
 * @param deleted   resources deleted
 * @param unchanged resources left as they were
 * @param duration  wall time
 * @param error     the engine's error, "" when there was none
 */
public record StackResult(String stack, Operation operation, Status status, int created, int updated, int deleted,
                          int unchanged, Duration duration, String error) {

    public enum Status { SUCCEEDED, FAILED, SKIPPED, CANCELLED }

    public static StackResult notRun(String stack, Operation operation, Status status, String why) {
        return new StackResult(stack, operation, status, 0, 0, 0, 0, Duration.ZERO, why);
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
