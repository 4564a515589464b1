package dev.latencyedge.cli;

import picocli.CommandLine.Command;

/** {@code secrets check|init|rotate}: the environment's secrets without placeholders. */
@Command(name = "secrets", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "The environment's secrets: check that none is a committed placeholder, set real ones, rotate"
                + " the origin verification secret without downtime. No secret is ever printed.",
        synopsisSubcommandLabel = "check|init|rotate",
        subcommands = {SecretsCheckCommand.class, SecretsInitCommand.class, SecretsRotateCommand.class},
        footerHeading = "%nExample:%n", footer = "  java -jar target/latency-edge.jar secrets check dev",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"2:no or an unknown subcommand"})
final class SecretsCommand {
}
