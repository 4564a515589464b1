package dev.latencyedge.cli;

import dev.latencyedge.delivery.AutomationStackRunner;
import dev.latencyedge.delivery.DeploymentsCommand;
import dev.latencyedge.delivery.FleetCommand;
import dev.latencyedge.delivery.SecretsCommand;
import dev.latencyedge.delivery.StackConfig;
import dev.latencyedge.delivery.StackRunner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The delivery tools as they run for real: the Automation API over the pulumi CLI, and Pulumi Cloud's REST API. */
record RealServices(Map<String, String> environment, PrintStream out, PrintStream err) implements Terminal.Services {

    @Override
    public FleetCommand fleet(Path projectDir) {
        return new FleetCommand(projectDir, packs -> new AutomationStackRunner(projectDir, packs), out, err);
    }

    @Override
    public SecretsCommand secrets(Path projectDir) {
        return new SecretsCommand(projectDir, new SecretsCommand.Stacks() {
            @Override
            public StackRunner runner(List<String> policyPacks) {
                return new AutomationStackRunner(projectDir, policyPacks);
            }

            @Override
            public StackConfig config() {
                return new AutomationStackRunner(projectDir, List.of());
            }
        }, out, err, environment);
    }

    @Override
    public DeploymentsCommand deployments(Path projectDir) {
        return new DeploymentsCommand(projectDir, environment, out, err);
    }
}
