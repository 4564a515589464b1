package dev.latencyedge.cli;

import picocli.CommandLine.Command;

/** {@code deployments diff <env> --org <org>}. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Shows what deployments apply would change in Pulumi Cloud, changing nothing.",
        footerHeading = "%nExample:%n", footer = "  java -jar target/latency-edge.jar deployments diff dev --org acme",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:the changes were listed",
                "1:a call failed or was refused", "2:bad usage, or PULUMI_ACCESS_TOKEN is not set"})
final class DeploymentsDiffCommand extends DeploymentsChangeCommand {

    DeploymentsDiffCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    boolean apply() {
        return false;
    }
}
