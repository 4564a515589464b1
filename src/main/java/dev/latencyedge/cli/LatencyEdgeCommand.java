package dev.latencyedge.cli;

import dev.latencyedge.LatencyEdgeProgram;
import dev.latencyedge.plan.PlanArgs;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The jar's command line. With no command it is the Pulumi program, as the engine starts it (the language host
 * sets {@code PULUMI_MONITOR}); outside the engine it says how to run it instead.
 */
@Command(name = "latency-edge", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = {"One CloudFront distribution in front of EKS in several AWS Regions, every cache miss sent to"
                + " the nearest healthy Region.",
                "With no command, the jar is the Pulumi program: run it through pulumi up (Pulumi.yaml names it)."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {PlanCommand.class, DiffCommand.class, PreviewCommand.class, UpCommand.class,
                DestroyCommand.class, SecretsCommand.class, DeploymentsCommand.class, StatusCommand.class,
                DrillCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar target/latency-edge.jar plan dev",
                "  java -jar target/latency-edge.jar plan dev --help",
                "  source <(java -jar target/latency-edge.jar completion)   # shell completion (bash, zsh)"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"  0:success", "  1:the command failed (bad configuration, a failed stack or call)",
                "  2:bad usage (an unknown command or option, a missing argument)",
                "  3:the policy pack reported a mandatory violation (plan)",
                "  4:a --fail-on gate was hit (diff)", "  5:the policy pack could not run (plan)",
                "  6:AWS could not be read or changed (status, drill)", "  7:the drill refused to start",
                "  8:failover over its budget, or none (drill)",
                "  9:the drill could not put the check back (the journal is kept)", "126:the pulumi CLI is older than the version in .pulumi.version",
                "127:the pulumi CLI is not on the PATH"})
public final class LatencyEdgeCommand implements Callable<Integer> {

    /** What the jar says when started with no command outside the engine. */
    static final String NOT_UNDER_THE_ENGINE = "latency-edge.jar is the Pulumi program: run it through pulumi up"
            + " (Pulumi.yaml names it), or give it a command (java -jar target/latency-edge.jar --help)";

    private final Terminal terminal;

    LatencyEdgeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (!terminal.environment().containsKey("PULUMI_MONITOR")) {
            terminal.err().println(NOT_UNDER_THE_ENGINE);
            return ExitStatus.USAGE;
        }
        return LatencyEdgeProgram.runUnderEngine();
    }

    /**
     * Parses {@code args}, runs the command they name and returns its exit status. A plan runs in a JVM of its
     * own ({@link JvmLauncher}), started before anything is parsed here: loading the parser costs this JVM, which
     * has no class-data archive of it, ~0.25 s that the plan would otherwise wait for.
     */
    public static int execute(String[] args, Terminal terminal) {
        if (args.length > 0 && args[0].equals("plan")) {
            var planJvm = JvmLauncher.relaunch(args, given -> planArgs(given, terminal));
            if (planJvm.isPresent()) {
                return planJvm.getAsInt();
            }
        }
        return commandLine(terminal).execute(args);
    }

    /** The plan's arguments, when {@code args} are a valid plan command line (the plan JVM reports any error). */
    private static Optional<PlanArgs> planArgs(String[] args, Terminal terminal) {
        try {
            var parsed = commandLine(terminal).parseArgs(args).subcommand();
            return parsed == null || parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested() ? Optional.empty()
                    : Optional.of(((PlanCommand) parsed.commandSpec().userObject()).planArgs());
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
    }

    /** The whole command line, every command made with the terminal it reads and writes. */
    static CommandLine commandLine(Terminal terminal) {
        var factory = new TerminalFactory(terminal);
        var commandLine = new CommandLine(new LatencyEdgeCommand(terminal), factory);
        // picocli's own generator, named as shells name it; added before the streams are set, so it writes to them.
        var completion = new CommandLine(new AutoComplete.GenerateCompletion(), factory);
        completion.getCommandSpec().name("completion").usageMessage()
                .description("Prints a bash/zsh completion script for the command name latency-edge (the README"
                        + " shows the alias it completes).")
                .footerHeading("%nExample:%n")
                .footer("  alias latency-edge='java -jar target/latency-edge.jar'",
                        "  source <(java -jar target/latency-edge.jar completion)")
                .exitCodeListHeading("%nExit status:%n").exitCodeList(java.util.Map.of("0", "printed"));
        commandLine.addSubcommand("completion", completion);
        commandLine.setOut(new PrintWriter(terminal.out(), true))
                .setErr(new PrintWriter(terminal.err(), true))
                .setExecutionExceptionHandler(new OneLineFailure(terminal))
                .setParameterExceptionHandler(new UsageErrors());
        return commandLine;
    }

    /** Makes every command with the terminal it reads and writes. */
    private record TerminalFactory(Terminal terminal) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Terminal.class).newInstance(terminal);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** A command that throws says so in one line (the stack trace only with LATENCY_EDGE_DEBUG set). */
    private record OneLineFailure(Terminal terminal) implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
            terminal.err().println(commandLine.getCommandName() + " failed: " + e);
            if (terminal.environment().containsKey("LATENCY_EDGE_DEBUG")) {
                e.printStackTrace(terminal.err());
            }
            return ExitStatus.FAILED;
        }
    }
}
