package dev.latencyedge.cli;

import picocli.CommandLine.Command;

/** {@code secrets init <env>}. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Generates a strong verification secret, the same in every stack of the environment, and an"
                + " origin label where the edge's is a placeholder, and sets them as secrets (pulumi config set"
                + " --secret). Refuses an environment whose secrets are already set (use rotate).",
        footerHeading = "%nExample:%n", footer = "  java -jar target/latency-edge.jar secrets init dev",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:the secrets are set; commit the stack files",
                "1:refused (secrets already set, unreadable stack files) or a stack failed", "2:bad usage",
                "126:the pulumi CLI is older than the version in .pulumi.version",
                "127:the pulumi CLI is not on the PATH"})
final class SecretsInitCommand extends SecretsChangeCommand {

    SecretsInitCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    String action() {
        return "init";
    }
}
