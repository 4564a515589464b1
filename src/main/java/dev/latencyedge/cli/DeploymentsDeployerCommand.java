package dev.latencyedge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code deployments deployer <env>}. */
@Command(name = "deployer", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Prints who deploys the environment's pushes: github-actions or pulumi-deployments.",
        footerHeading = "%nExample:%n", footer = "  java -jar target/latency-edge.jar deployments deployer prod",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:printed", "1:the deploy file is unreadable",
                "2:bad usage"})
final class DeploymentsDeployerCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<env>", description = "the environment")
    private String env;

    @Mixin
    private ConfigDirOption configDir;

    private final Terminal terminal;

    DeploymentsDeployerCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        return terminal.services().deployments(configDir.path).deployer(env);
    }
}
