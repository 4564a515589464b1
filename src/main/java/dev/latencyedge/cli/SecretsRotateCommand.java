package dev.latencyedge.cli;

import picocli.CommandLine.Command;

/** {@code secrets rotate <env>}. */
@Command(name = "rotate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Rotates the origin verification secret with no downtime: every Region accepts the new value"
                + " beside the old, the edge sends the new one, every Region drops the old. Run again, it resumes.",
        footerHeading = "%nExample:%n", footer = "  java -jar target/latency-edge.jar secrets rotate prod --policy-pack policy",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:rotated",
                "1:a placeholder secret, or a stack failed (the environment still serves; run again to resume)",
                "2:bad usage", "126:the pulumi CLI is older than the version in .pulumi.version",
                "127:the pulumi CLI is not on the PATH"})
final class SecretsRotateCommand extends SecretsChangeCommand {

    SecretsRotateCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    String action() {
        return "rotate";
    }
}
