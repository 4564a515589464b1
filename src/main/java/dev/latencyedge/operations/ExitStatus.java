package dev.latencyedge.operations;

/**
 * The exit statuses of status and drill, in one place (README, "Operating it"); 2 to 5 mean what they mean for
 * every command (usage, policy, gate, policy not run), so these start at 6.
 */
public final class ExitStatus {

    /** The report was printed; for drill: failover happened within the budget and everything was put back. */
    public static final int OK = 0;
    /** Bad input: a stack file, a config key or an option; nothing was asked of AWS. */
    public static final int BAD_INPUT = 1;
    /** AWS could not be read or changed (credentials, permissions, no hosted zone or latency set). */
    public static final int AWS_ERROR = 6;
    /** drill refused to start: no other Region healthy and serving, a journal exists, or the check is inverted. */
    public static final int REFUSED = 7;
    /** drill: failover took longer than the budget, or did not happen before the timeout. */
    public static final int OVER_BUDGET = 8;
    /** drill: the health check could not be put back; the journal is kept for {@code drill <env> --restore}. */
    public static final int NOT_RESTORED = 9;

    private ExitStatus() {
    }
}
