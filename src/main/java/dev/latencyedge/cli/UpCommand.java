package dev.latencyedge.cli;

import dev.latencyedge.delivery.Operation;
import picocli.CommandLine.Command;

/** {@code up <env>}. */
@Command(name = "up", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Deploys every stack of an environment: each previewed with the policy packs first, nothing"
                + " applied whose preview fails; the Regions at once, then the edge only if every Region succeeded.",
        footerHeading = "%nExample:%n",
        footer = "  java -jar target/latency-edge.jar up dev --parallel 2 --policy-pack policy",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:every stack succeeded",
                "1:a stack failed or was refused (named)", "2:bad usage", "126:the pulumi CLI is older than the version in .pulumi.version",
                "127:the pulumi CLI is not on the PATH"})
final class UpCommand extends FleetOperationCommand {

    UpCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    Operation operation() {
        return Operation.UP;
    }
}
