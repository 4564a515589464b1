package dev.latencyedge.cli;

import dev.latencyedge.delivery.Operation;
import dev.latencyedge.delivery.PulumiCli;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * What {@code preview}, {@code up} and {@code destroy} share: one operation over a whole environment through the
 * Automation API, in order (every Region, then the edge; destroy the other way round), ending with one table.
 */
abstract class FleetOperationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<env>", description = "the environment (its global stack file lists its Regions)")
    String env;

    @Mixin
    ConfigDirOption configDir;

    @Mixin
    PolicyPackOption policyPacks;

    private int parallel;

    final Terminal terminal;

    FleetOperationCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Option(names = "--parallel", paramLabel = "N", description = "at most N Regions at once (default: all)")
    void parallel(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel needs a whole number of 1 or more, not " + n);
        }
        parallel = n;
    }

    abstract Operation operation();

    /** Regions the environment no longer lists whose stacks the operation takes too (destroy only). */
    List<String> extraRegions() {
        return List.of();
    }

    @Override
    public Integer call() {
        var cli = PulumiCli.check(configDir.path, terminal.environment(), env, terminal.out(), terminal.err());
        if (cli != ExitStatus.OK) {
            return cli;
        }
        return terminal.services().fleet(configDir.path).run(operation(), env, parallel, policyPacks.packs,
                extraRegions());
    }
}
