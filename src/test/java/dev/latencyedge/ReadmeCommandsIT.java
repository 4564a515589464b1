package dev.latencyedge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command of the README's {@code sh} blocks, run word for word by bash from the repository root, as a new
 * user would paste them: a copy of the root (its stack files, with the packaged jar and the built policy pack
 * linked in), in README order, each expected to exit 0. What needs what this machine does not have (the pulumi
 * CLI, a cluster, Pulumi Cloud) is skipped, each rule saying why, and the test prints every skipped command.
 * Runs after {@code package}: the jar is what the README runs.
 */
class ReadmeCommandsIT {

    /** A command starting so is not run here, for this reason. */
    private static final Map<String, String> SKIPPED = new LinkedHashMap<>();

    static {
        SKIPPED.put("./mvnw ", "builds or tests this project: the build running this test has just done it");
        SKIPPED.put("pulumi ", "needs the pulumi CLI and a backend");
        SKIPPED.put("kubectl ", "needs a Kubernetes cluster");
        SKIPPED.put("(cd policy && npm ci && npm run build && pulumi policy publish",
                "publishes the pack to Pulumi Cloud (the pulumi CLI and a token)");
        SKIPPED.put("export PULUMI_ACCESS_TOKEN=", "a Pulumi Cloud token");
        for (var command : List.of("preview", "up", "destroy", "secrets")) {
            SKIPPED.put("java -jar target/latency-edge.jar " + command + " ",
                    "the Automation API: needs the pulumi CLI and a backend");
        }
        SKIPPED.put("java -jar target/latency-edge.jar deployments ", "needs Pulumi Cloud (PULUMI_ACCESS_TOKEN)");
    }

    private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```\n", Pattern.DOTALL);

    private static Optional<String> skipReason(String command) {
        return SKIPPED.entrySet().stream().filter(rule -> command.startsWith(rule.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    @Test
    void everyCommandBlockRunsWordForWordFromTheRepositoryRoot(@TempDir Path root) throws Exception {
        for (var name : List.of("target", "policy")) {
            Files.createSymbolicLink(root.resolve(name), Path.of(name).toAbsolutePath());
        }
        try (var files = Files.list(Path.of("."))) {
            for (var file : files.filter(f -> f.getFileName().toString().matches("Pulumi\\..*yaml")).toList()) {
                Files.copy(file, root.resolve(file.getFileName()));
            }
        }
        var readme = Files.readString(Path.of("README.md"));
        var ran = new ArrayList<String>();
        var skipped = new ArrayList<String>();
        var blocks = SH_BLOCK.matcher(readme);
        while (blocks.find()) {
            for (var line : blocks.group(1).lines().filter(l -> !l.isBlank()).toList()) {
                // A chain whose first part is skipped (the build) runs its other parts.
                var parts = Arrays.stream(line.split(" && (?![^(]*\\))")).toList();
                var run = new ArrayList<String>();
                for (var part : parts) {
                    skipReason(part).ifPresentOrElse(why -> skipped.add(part + "    <- " + why), () -> run.add(part));
                }
                if (!run.isEmpty()) {
                    var command = String.join(" && ", run);
                    var result = bash(root, command);
                    assertEquals(0, result.status(), "README command failed from the repository root: " + command
                            + "\n" + result.output());
                    ran.add(command);
                }
            }
        }
        System.out.println("README commands run:\n  " + String.join("\n  ", ran)
                + "\nREADME commands skipped (why):\n  " + String.join("\n  ", skipped));
        assertTrue(ran.contains("java -jar target/latency-edge.jar plan dev"), ran.toString());
        assertTrue(ran.contains("npm --prefix policy run check -- plan/*.json"), ran.toString());
        assertTrue(ran.stream().anyMatch(c -> c.startsWith("java -jar target/latency-edge.jar diff ")), ran.toString());
    }

    private record Result(int status, String output) {
    }

    private static Result bash(Path dir, String command) throws IOException, InterruptedException {
        var process = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), command + " did not finish");
        return new Result(process.exitValue(), output);
    }
}
