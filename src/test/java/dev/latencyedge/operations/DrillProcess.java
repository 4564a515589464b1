package dev.latencyedge.operations;

import java.nio.file.Path;
import java.util.Optional;

/** A drill in a process of its own, for the tests that kill it: {@code <config-dir> <region>|--restore}. */
public final class DrillProcess {

    private DrillProcess() {
    }

    public static void main(String[] args) {
        var configDir = Path.of(args[0]);
        System.exit(args[1].equals("--restore")
                ? Drill.restore("dev", configDir, System.getenv(), System.out, System.err)
                : Drill.run("dev", configDir, new Drill.Options(args[1], 1, Optional.of(120), false), System.getenv(),
                System.out, System.err));
    }
}
