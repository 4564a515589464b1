package dev.latencyedge.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** What {@code deployments apply} and {@code deployments diff} share. */
abstract class DeploymentsChangeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<env>", description = "the environment: every stack of it")
    String env;

    @Option(names = "--org", paramLabel = "ORG", required = true, description = "the Pulumi Cloud organization")
    String org;

    @Mixin
    ConfigDirOption configDir;

    private final Terminal terminal;

    DeploymentsChangeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    abstract boolean apply();

    @Override
    public Integer call() {
        return terminal.services().deployments(configDir.path).run(apply(), env, org);
    }
}
