import dev.latencyedge.plan.PlanCommand;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Plans one environment several times in the same JVM and prints each run's time: the first run pays for
 * class loading and the JIT's warm-up, the later ones show what the work itself costs.
 * Usage (from bench/repeat.sh): java -cp target/latency-edge.jar bench/RepeatPlan.java RUNS ENV CONFIG_DIR OUT_DIR
 */
public class RepeatPlan {
    public static void main(String[] args) {
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        var runs = Integer.parseInt(args[0]);
        for (int run = 1; run <= runs; run++) {
            var start = System.nanoTime();
            var status = PlanCommand.run(new String[] {args[1], "--config-dir", args[2], "--out", args[3],
                    "--no-policy"}, quiet, System.err);
            if (status != 0) {
                throw new IllegalStateException("plan exited with " + status);
            }
            System.out.printf("%d %d%n", run, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
