package dev.latencyedge.cli;

import picocli.CommandLine.Command;

/** {@code deployments apply <env> --org <org>}. */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Enables the published policy pack on every stack of the environment (its policy group), then"
                + " puts every stack's Deployments settings and the environment's webhooks into Pulumi Cloud as its"
                + " deployer requires. Token from PULUMI_ACCESS_TOKEN, endpoint from PULUMI_BACKEND_URL.",
        footerHeading = "%nExample:%n", footer = "  java -jar target/latency-edge.jar deployments apply dev --org acme",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:applied", "1:a call failed or was refused",
                "2:bad usage, or PULUMI_ACCESS_TOKEN is not set"})
final class DeploymentsApplyCommand extends DeploymentsChangeCommand {

    DeploymentsApplyCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    boolean apply() {
        return true;
    }
}
