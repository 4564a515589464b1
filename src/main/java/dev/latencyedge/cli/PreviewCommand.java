package dev.latencyedge.cli;

import dev.latencyedge.delivery.Operation;
import picocli.CommandLine.Command;

/** {@code preview <env>}. */
@Command(name = "preview", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Previews every stack of an environment (Regions at once, then the edge) through the pulumi"
                + " CLI, with the policy packs given.",
        footerHeading = "%nExample:%n", footer = "  java -jar target/latency-edge.jar preview dev --policy-pack policy",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:every stack succeeded",
                "1:a stack failed or was refused (named)", "2:bad usage", "126:the pulumi CLI is older than the version in .pulumi.version",
                "127:the pulumi CLI is not on the PATH"})
final class PreviewCommand extends FleetOperationCommand {

    PreviewCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    Operation operation() {
        return Operation.PREVIEW;
    }
}
