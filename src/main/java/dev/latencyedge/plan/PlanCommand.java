package dev.latencyedge.plan;

import dev.latencyedge.edge.RegionalStackReader;
import dev.latencyedge.settings.ConfigException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * {@code plan <env> [--config-dir DIR] [--out DIR] [--no-policy]}: evaluates an environment offline, writes one
 * plan file per stack, prints the summary and runs the policy pack over the files.
 *
 * <p>Exit status: 0 when every stack evaluates and no mandatory policy is violated; 1 for bad configuration or
 * a stack that does not evaluate (no plan file is written then); 3 for a mandatory policy violation; 2 for bad
 * usage.
 */
public final class PlanCommand {

    static final String USAGE = "usage: plan <env> [--config-dir DIR] [--out DIR] [--no-policy]";

    private PlanCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    /** @param environment where PULUMI_CONFIG_PASSPHRASE(_FILE) is read from */
    public static int run(String[] args, java.util.Map<String, String> environment, PrintStream out, PrintStream err) {
        String env = null;
        var configDir = Path.of(".");
        var outDir = Path.of("plan");
        var policy = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config-dir", "--out" -> {
                    if (i + 1 >= args.length) {
                        err.println(args[i] + " needs a directory\n" + USAGE);
                        return 2;
                    }
                    var dir = Path.of(args[++i]);
                    if (args[i - 1].equals("--out")) {
                        outDir = dir;
                    } else {
                        configDir = dir;
                    }
                }
                case "--no-policy" -> policy = false;
                default -> {
                    if (args[i].startsWith("-") || env != null) {
                        err.println("unexpected argument " + args[i] + "\n" + USAGE);
                        return 2;
                    }
                    env = args[i];
                }
            }
        }
        if (env == null) {
            err.println(USAGE);
            return 2;
        }

        EnvironmentPlan plan;
        try {
            plan = EnvironmentPlan.evaluate(configDir, env, PassphraseSecrets.fromEnvironment(environment));
        } catch (ConfigException | PlanException | RegionalStackReader.MissingRegionalOutputException e) {
            err.println("plan of " + env + " failed: " + e.getMessage());
            return 1;
        }

        var files = new ArrayList<Path>();
        try {
            Files.createDirectories(outDir);
            var rendered = new LinkedHashMap<Path, String>();
            for (var stack : plan.stacks()) {
                rendered.put(outDir.resolve(stack.stackName() + ".json"), PlanFile.render(stack));
            }
            for (var entry : rendered.entrySet()) {
                Files.writeString(entry.getKey(), entry.getValue());
                files.add(entry.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plan files to " + outDir, e);
        }

        out.print(PlanSummary.render(plan));
        out.println("\nPlan files: " + String.join(", ", files.stream().map(Path::toString).toList()));
        if (!policy) {
            out.println("Policy pack: skipped (--no-policy)");
            return 0;
        }
        out.println("\nPolicy pack:");
        var status = PolicyRunner.run(Path.of("policy"), files, out);
        if (status != 0) {
            err.println("plan of " + env + ": the policy pack reported a mandatory violation (or could not run)");
            return 3;
        }
        return 0;
    }
}
