package dev.latencyedge.cli;

import picocli.CommandLine.Command;

/** {@code deployments apply|diff|deployer}: Pulumi Deployments and the policy group as code. */
@Command(name = "deployments", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Pulumi Deployments settings, webhooks and the policy group of an environment, as its"
                + " Pulumi.<env>.deploy.yaml files say.",
        synopsisSubcommandLabel = "apply|diff|deployer",
        subcommands = {DeploymentsApplyCommand.class, DeploymentsDiffCommand.class, DeploymentsDeployerCommand.class},
        footerHeading = "%nExample:%n", footer = "  java -jar target/latency-edge.jar deployments diff dev --org acme",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"2:no or an unknown subcommand"})
final class DeploymentsCommand {
}
