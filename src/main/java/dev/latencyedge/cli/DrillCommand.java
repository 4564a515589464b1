package dev.latencyedge.cli;

import dev.latencyedge.operations.Drill;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code drill <env> --region R | --restore}: prove failover through Route 53, then put everything back. */
@Command(name = "drill", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Makes Route 53 see a Region as failed (inverts the health check of its latency records),"
                + " measures how long until Route 53 answers its clients with another Region and back, against the"
                + " failover budget, and restores the check; --restore puts it back from the journal after a crash.",
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar target/latency-edge.jar drill prod --region eu-west-1 --dry-run",
                "  java -jar target/latency-edge.jar drill prod --region eu-west-1 --poll-seconds 5",
                "  java -jar target/latency-edge.jar drill prod --restore"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:failover within the budget, everything put back (or: dry run, restored)",
                "1:bad input (a stack file, a config key)", "2:bad usage",
                "6:Route 53 refused a call (the check was put back)",
                "7:refused to start (no other healthy serving Region, a journal exists, the check is inverted)",
                "8:failover took longer than the budget, or did not happen before the timeout",
                "9:the check could not be put back: the journal is kept, run drill <env> --restore"})
final class DrillCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<env>", description = "the environment: its global stack file Pulumi.<env>.yaml")
    private String env;

    @Mixin
    private ConfigDirOption configDir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Mode mode;

    /** A drill, or a restore. */
    static final class Mode {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Run run;

        @Option(names = "--restore", required = true,
                description = "put the check back from the journal a killed drill left, and delete the journal")
        boolean restore;
    }

    /** The drill's options. */
    static final class Run {
        @Option(names = "--region", paramLabel = "R", required = true, description = "the Region to fail")
        String region;

        @Option(names = "--poll-seconds", paramLabel = "N", defaultValue = "" + Drill.Options.DEFAULT_POLL_SECONDS,
                description = "seconds between two looks at Route 53 (default: ${DEFAULT-VALUE})")
        int pollSeconds;

        @Option(names = "--timeout", paramLabel = "S",
                description = "seconds to wait each way (default: twice the Region's failover budget)")
        Integer timeoutSeconds;

        @Option(names = "--dry-run", description = "print each step and change nothing")
        boolean dryRun;
    }

    private final Terminal terminal;

    DrillCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (mode.restore) {
            return Drill.restore(env, configDir.path, terminal.environment(), terminal.out(), terminal.err());
        }
        var run = mode.run;
        if (run.pollSeconds < 1 || run.timeoutSeconds != null && run.timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--poll-seconds and --timeout must be at least 1");
        }
        return Drill.run(env, configDir.path, new Drill.Options(run.region, run.pollSeconds,
                Optional.ofNullable(run.timeoutSeconds), run.dryRun), terminal.environment(), terminal.out(),
                terminal.err());
    }
}
