package dev.latencyedge;

import dev.latencyedge.cli.Terminal;
import dev.latencyedge.delivery.DeploymentsCommand;
import dev.latencyedge.delivery.FleetCommand;
import dev.latencyedge.delivery.SecretsCommand;

import java.nio.file.Path;
import java.util.function.Function;

/** The command line's delivery services made by a test, each from the project folder the command line names. */
public record ServiceDoubles(Function<Path, FleetCommand> fleet, Function<Path, SecretsCommand> secrets,
                             Function<Path, DeploymentsCommand> deployments) implements Terminal.Services {

    @Override
    public FleetCommand fleet(Path projectDir) {
        return fleet.apply(projectDir);
    }

    @Override
    public SecretsCommand secrets(Path projectDir) {
        return secrets.apply(projectDir);
    }

    @Override
    public DeploymentsCommand deployments(Path projectDir) {
        return deployments.apply(projectDir);
    }
}
