package dev.latencyedge.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code --policy-pack DIR}, repeatable: the packs every stack is previewed (and updated) with. */
final class PolicyPackOption {

    @Option(names = "--policy-pack", paramLabel = "DIR",
            description = "a policy pack every stack is previewed with, as pulumi's --policy-pack (repeatable)")
    List<String> packs = new ArrayList<>();
}
