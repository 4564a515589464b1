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
        var noCli = PulumiCli.refusal(terminal.environment(), env);
        if (noCli.isPresent()) {
            terminal.err().println(noCli.get());
            return ExitStatus.NO_CLI;
        }
        return terminal.services().secrets(configDir.path).run(action(), env, policyPacks.packs);
    }
}
