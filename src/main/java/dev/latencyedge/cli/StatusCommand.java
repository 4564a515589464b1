package dev.latencyedge.cli;

import dev.latencyedge.operations.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code status <env>}: which Region Route 53 sends clients to, from where, right now. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Reads from Route 53 (and CloudWatch) each Region's health as Route 53 decides it, the labels it"
                + " serves, and which Region Route 53 answers a client in each AWS Region (and each --client-ip) with.",
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar target/latency-edge.jar status prod",
                "  java -jar target/latency-edge.jar status prod --format json --client-ip 203.0.113.7"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed (whatever the Regions' health)",
                "1:bad input (a stack file, a config key, a --client-ip)", "2:bad usage",
                "6:Route 53 could not be read (credentials, permissions, no zone or latency set)"})
final class StatusCommand implements Callable<Integer> {

    /** How the report is printed. */
    enum Format { text, json }

    @Parameters(paramLabel = "<env>", description = "the environment: its global stack file Pulumi.<env>.yaml")
    private String env;

    @Mixin
    private ConfigDirOption configDir;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json")
    private Format format;

    @Option(names = "--client-ip", paramLabel = "IP",
            description = "also ask which Region Route 53 answers a client at this address with (repeatable)")
    private List<String> clientIps = new ArrayList<>();

    private final Terminal terminal;

    StatusCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        return Status.run(env, configDir.path, format == Format.json ? Status.Format.JSON : Status.Format.TEXT,
                clientIps, terminal.environment(), terminal.out(), terminal.err());
    }
}
