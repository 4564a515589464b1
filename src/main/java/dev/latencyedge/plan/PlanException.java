package dev.latencyedge.plan;

/** The offline plan cannot go on: a stack file is missing or unreadable, or a stack does not evaluate. */
public class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message);
    }
}
