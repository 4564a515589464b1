package dev.latencyedge.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --config-dir DIR}: where the stack files are, for every command that reads them. */
final class ConfigDirOption {

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = ".",
            description = "the folder holding Pulumi.yaml and the stack files (default: the current folder)")
    Path path;
}
