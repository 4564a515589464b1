package dev.latencyedge;

import dev.latencyedge.cli.JvmLauncher;

import dev.latencyedge.delivery.AutomationStackRunner;
import dev.latencyedge.delivery.DeploymentsCommand;
import dev.latencyedge.delivery.FleetCommand;
import dev.latencyedge.delivery.Operation;
import dev.latencyedge.delivery.SecretsCommand;
import dev.latencyedge.delivery.StackConfig;
import dev.latencyedge.delivery.StackRunner;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one jar's entry point. Without arguments it is the Pulumi program (that is how the engine starts it);
 * with a command it is the offline plan or the fleet tooling.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(LatencyEdgeProgram.runUnderEngine());
        }
        var rest = Arrays.copyOfRange(args, 1, args.length);
        int status = switch (args[0]) {
            case "plan" -> JvmLauncher.relaunch(args)
                    .orElseGet(() -> dev.latencyedge.plan.PlanCommand.run(rest, System.out, System.err));
            case "preview", "up", "destroy" -> new FleetCommand(Path.of("."), System.getenv(),
                    packs -> new AutomationStackRunner(Path.of("."), packs), System.out, System.err)
                    .run(Operation.valueOf(args[0].toUpperCase(Locale.ROOT)), rest);
            case "deployments" -> new DeploymentsCommand(Path.of("."), System.getenv(), System.out, System.err)
                    .run(rest);
            case "secrets" -> new SecretsCommand(Path.of("."), new SecretsCommand.Stacks() {
                @Override
                public StackRunner runner(java.util.List<String> policyPacks) {
                    return new AutomationStackRunner(Path.of("."), policyPacks);
                }

                @Override
                public StackConfig config() {
                    return new AutomationStackRunner(Path.of("."), java.util.List.of());
                }
            }, System.out, System.err).run(rest);
            case "diff" -> dev.latencyedge.diff.DiffCommand.run(rest, System.out, System.err);
            case "-h", "--help", "help" -> usage(0);
            default -> usage(2);
        };
        System.exit(status);
    }

    private static int usage(int status) {
        var out = status == 0 ? System.out : System.err;
        out.println("""
                usage: java -jar target/latency-edge.jar                 run as the Pulumi program (pulumi up)
                       java -jar target/latency-edge.jar plan <env>|--all [--config-dir DIR] [--out DIR] [--no-policy]
                       java -jar target/latency-edge.jar preview|up|destroy <env> [--parallel N] [--policy-pack policy]
                       java -jar target/latency-edge.jar deployments apply|diff <env> --org <org>
                       java -jar target/latency-edge.jar diff <base-plan-dir> <head-plan-dir> [--format text|markdown|json] [--fail-on replace|delete]
                       java -jar target/latency-edge.jar deployments deployer <env>
                       java -jar target/latency-edge.jar secrets check <env|stack>
                       java -jar target/latency-edge.jar secrets init|rotate <env> [--policy-pack policy]""");
        return status;
    }
}
