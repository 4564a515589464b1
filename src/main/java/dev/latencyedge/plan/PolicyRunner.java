package dev.latencyedge.plan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the policy pack over plan files through its own entry point,
 * {@code npm --prefix policy run check -- <plan.json>...}, the same command people and CI use.
 */
public final class PolicyRunner {

    private PolicyRunner() {
    }

    /** @return the check's exit status: 0 when no mandatory policy is violated */
    public static int run(Path policyDir, List<Path> planFiles, PrintStream out) {
        if (!Files.isDirectory(policyDir.resolve("node_modules"))) {
            out.println("policy pack in " + policyDir + " is not installed: run npm --prefix " + policyDir
                    + " ci (./mvnw package does), or plan with --no-policy");
            return 2;
        }
        var command = new ArrayList<>(List.of("npm", "--prefix", policyDir.toString(), "run", "--silent", "check",
                "--"));
        // npm runs the script inside the pack directory, so paths must not be relative.
        planFiles.forEach(p -> command.add(p.toAbsolutePath().normalize().toString()));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            out.print(output);
            return process.waitFor();
        } catch (IOException e) {
            out.println("cannot run the policy pack (is npm on the PATH?): " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
