package dev.latencyedge;

import com.pulumi.Pulumi;

import java.util.Arrays;

/**
 * The one jar's entry point. Without arguments it is the Pulumi program (that is how the engine starts it);
 * with a command it is the offline plan or the fleet tooling.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Pulumi.run(LatencyEdgeProgram::stack);
            return;
        }
        var rest = Arrays.copyOfRange(args, 1, args.length);
        int status = switch (args[0]) {
            case "plan" -> JvmLauncher.relaunch(args)
                    .orElseGet(() -> dev.latencyedge.plan.PlanCommand.run(rest, System.out, System.err));
            case "-h", "--help", "help" -> usage(0);
            default -> usage(2);
        };
        System.exit(status);
    }

    private static int usage(int status) {
        var out = status == 0 ? System.out : System.err;
        out.println("""
                usage: java -jar target/latency-edge.jar                 run as the Pulumi program (pulumi up)
                       java -jar target/latency-edge.jar plan <env> [--config-dir DIR] [--out DIR] [--no-policy]""");
        return status;
    }
}
