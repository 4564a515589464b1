package dev.latencyedge.cli;

/** The exit statuses of every command, in one place; each command's help lists those it can end with. */
final class ExitStatus {

    static final int OK = 0;
    /** Bad configuration, a stack that does not evaluate, a failed operation or call. */
    static final int FAILED = 1;
    /** Bad usage: an unknown command or option, a missing argument (picocli's own status for it). */
    static final int USAGE = 2;
    /** The policy pack reported a mandatory violation. */
    static final int POLICY_VIOLATION = dev.latencyedge.plan.PlanCommand.POLICY_VIOLATION;
    /** The policy pack could not run, so it gave no verdict. */
    static final int POLICY_NOT_RUN = dev.latencyedge.plan.PlanCommand.POLICY_NOT_RUN;
    /** A {@code diff --fail-on} gate was hit. */
    static final int GATE_HIT = dev.latencyedge.diff.DiffCommand.GATE_HIT;
    /** The pulumi CLI is not on the PATH (the shell's "command not found"). */
    static final int NO_CLI = dev.latencyedge.delivery.PulumiCli.MISSING;

    private ExitStatus() {
    }
}
