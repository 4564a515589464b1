package dev.latencyedge.operations;

/** A refusal or failure of status or drill, told as one line (no stack trace), with the exit status it means. */
public final class OperationsException extends RuntimeException {

    private final int exitStatus;

    public OperationsException(int exitStatus, String message) {
        super(message);
        this.exitStatus = exitStatus;
    }

    public OperationsException(int exitStatus, String message, Throwable cause) {
        super(message, cause);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
