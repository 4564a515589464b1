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
 * {@code npm --prefix <pack> run check -- <plan.json>...}, the same command people and CI use. The pack is the
 * project's ({@code policy/} beside {@code Pulumi.yaml}) or the one named, never one found in the current folder.
 */
public final class PolicyRunner {

    /** The check's status for a mandatory violation (policy/src/check.ts); any other failure means it could not run. */
    public static final int VIOLATION = 1;
    /** The status for a pack that could not be started. */
    static final int CANNOT_RUN = 2;

    private PolicyRunner() {
    }

    /**
     * The pack a plan runs: the one named, else {@code policy/} in the project, the first folder at or above the
     * config directory that holds {@code Pulumi.yaml} (where the pulumi CLI finds a project too: it walks up from
     * the working directory), else the config directory's. Never the current folder's.
     */
    public static Path pack(Path configDir, Path named) {
        if (named != null) {
            return named;
        }
        for (var dir = configDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Pulumi.yaml"))) {
                return dir.resolve("policy");
            }
        }
        return configDir.resolve("policy");
    }

    /** @return the check's exit status: 0 when no mandatory policy is violated, {@link #VIOLATION} when one is */
    public static int run(Path policyDir, List<Path> planFiles, PrintStream out) {
        if (!Files.isDirectory(policyDir.resolve("node_modules"))
                || !Files.isRegularFile(policyDir.resolve("dist").resolve("check.js"))) {
            out.println("policy pack in " + policyDir + " is not installed and built: run npm --prefix " + policyDir
                    + " ci && npm --prefix " + policyDir + " run build (./mvnw package does), name another with"
                    + " --policy-pack, or plan with --no-policy");
            return CANNOT_RUN;
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
            return CANNOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
