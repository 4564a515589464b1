package dev.latencyedge.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command reads and writes besides its arguments: the process environment, its two streams and the
 * services that reach outside this process. Tests hand in their own; {@link #system()} is the real one.
 */
public record Terminal(Map<String, String> environment, PrintStream out, PrintStream err, Services services) {

    public static Terminal system() {
        return new Terminal(System.getenv(), System.out, System.err, Services.real(System.getenv(), System.out,
                System.err));
    }

    /** The delivery tools for the project in {@code projectDir}: the real ones drive the pulumi CLI and Pulumi Cloud. */
    public interface Services {
        dev.latencyedge.delivery.FleetCommand fleet(Path projectDir);

        dev.latencyedge.delivery.SecretsCommand secrets(Path projectDir);

        dev.latencyedge.delivery.DeploymentsCommand deployments(Path projectDir);

        static Services real(Map<String, String> environment, PrintStream out, PrintStream err) {
            return new RealServices(environment, out, err);
        }
    }
}
