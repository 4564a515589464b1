package dev.latencyedge.cli;

import dev.latencyedge.delivery.PulumiCli;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** What {@code secrets init} and {@code secrets rotate} share: they set secrets through the pulumi CLI. */
abstract class SecretsChangeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<env>", description = "the environment: every stack of it")
    String env;

    @Mixin
    ConfigDirOption configDir;

    @Mixin
    PolicyPackOption policyPacks;

    private final Terminal terminal;

    SecretsChangeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    abstract String action();

    @Override
    public Integer call() {
        var cli = PulumiCli.check(configDir.path, terminal.environment(), env, terminal.out(), terminal.err());
        if (cli != ExitStatus.OK) {
            return cli;
        }
        return terminal.services().secrets(configDir.path).run(action(), env, policyPacks.packs);
    }
}
