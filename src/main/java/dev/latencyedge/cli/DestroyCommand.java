package dev.latencyedge.cli;

import dev.latencyedge.delivery.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code destroy <env> [--region CODE]...}. */
@Command(name = "destroy", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Destroys every stack of an environment: the edge first, then the Regions.",
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar target/latency-edge.jar destroy dev",
                "  java -jar target/latency-edge.jar destroy dev --region ap-southeast-1   # a Region no longer listed"},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:every stack succeeded",
                "1:a stack failed or was refused (named)", "2:bad usage", "126:the pulumi CLI is older than the version in .pulumi.version",
                "127:the pulumi CLI is not on the PATH"})
final class DestroyCommand extends FleetOperationCommand {

    @Option(names = "--region", paramLabel = "CODE",
            description = "also destroy this Region's stack, which the environment no longer lists (repeatable)")
    private List<String> regions = new ArrayList<>();

    DestroyCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    Operation operation() {
        return Operation.DESTROY;
    }

    @Override
    List<String> extraRegions() {
        return regions;
    }
}
