package dev.latencyedge.cli;

/** The exit statuses the command line itself decides; each command's help lists all those it can end with. */
final class ExitStatus {

    static final int OK = 0;
    /** Bad configuration, a stack that does not evaluate, a failed operation or call. */
    static final int FAILED = 1;
    /** Bad usage: an unknown command or option, a missing argument (picocli's own status for it). */
    static final int USAGE = 2;

    private ExitStatus() {
    }
}
