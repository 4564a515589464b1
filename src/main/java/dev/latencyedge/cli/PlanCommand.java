package dev.latencyedge.cli;

import dev.latencyedge.plan.PlanArgs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code plan <env>|--all}: the offline plan, in a JVM tuned for it ({@link JvmLauncher}). */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Evaluates an environment offline against a deterministic fake cloud (no AWS account, no pulumi"
                + " CLI), writes one plan file per stack, prints the summary and runs the policy pack over the files.",
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar target/latency-edge.jar plan dev",
                "  java -jar target/latency-edge.jar plan --all --out plan --no-policy"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every stack evaluates and no mandatory policy is violated",
                "1:bad configuration or a stack that does not evaluate (no plan file is written)",
                "2:bad usage, or an output folder holding files plan did not write (nothing is planned)",
                "3:the policy pack reported a mandatory violation",
                "5:the policy pack could not run (not installed or built, no npm, or it failed): no verdict"})
final class PlanCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    private Target target;

    @Mixin
    private ConfigDirOption configDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "plan",
            description = "the folder plan owns: its plan files and manifest.json go there, and what an earlier run"
                    + " wrote there and this one does not is removed (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--policy-pack", paramLabel = "DIR",
            description = "the policy pack to run (default: policy/ in the project, the first folder at or above the"
                    + " config folder that holds Pulumi.yaml)")
    private Path policyPack;

    @Option(names = "--no-policy", description = "do not run the policy pack over the plan files")
    private boolean noPolicy;

    private final Terminal terminal;

    PlanCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** One environment, or every one. */
    static final class Target {
        @Parameters(paramLabel = "<env>", description = "the environment: its global stack file Pulumi.<env>.yaml"
                + " and the stack files of the Regions it lists")
        String env;

        @Option(names = "--all", required = true,
                description = "every environment whose global stack file is in the config folder")
        boolean all;
    }

    /** The plan's arguments, as parsed. */
    PlanArgs planArgs() {
        return new PlanArgs(target.env, target.all, configDir.path, out, !noPolicy, policyPack);
    }

    /** In this JVM: the plan JVM, or wherever no plan JVM can be started ({@link JvmLauncher}). */
    @Override
    public Integer call() {
        return dev.latencyedge.plan.PlanCommand.run(planArgs(), terminal.environment(), terminal.out(), terminal.err());
    }
}
