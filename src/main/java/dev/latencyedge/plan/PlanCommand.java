package dev.latencyedge.plan;

import dev.latencyedge.passphrase.KeyHandoff;
import dev.latencyedge.passphrase.PassphraseSecrets;
import dev.latencyedge.stackfiles.StackFile;
import dev.latencyedge.stackfiles.StackFileNames;

import dev.latencyedge.edge.RegionalStackReader;
import dev.latencyedge.settings.ConfigException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * {@code plan <env>|--all [--config-dir DIR] [--out DIR] [--no-policy]}: evaluates an environment (or every
 * environment whose global stack file is in DIR, then what only they together can show: a DNS record, origin
 * label or public name two of them share) offline, writes one plan file per stack, prints the summaries and
 * runs the policy pack over the files.
 *
 * <p>Exit status: 0 when every stack evaluates and no mandatory policy is violated; 1 for bad configuration or
 * a stack that does not evaluate (no plan file is written then); 3 for a mandatory policy violation; 2 for bad
 * usage.
 */
public final class PlanCommand {

    private PlanCommand() {
    }

    /** The environments of a directory: every stack file whose role is global, in name order. */
    static List<String> environments(Path configDir) {
        try (var files = Files.list(configDir)) {
            var names = files.map(f -> StackFileNames.stack(f.getFileName().toString())).flatMap(Optional::stream)
                    .sorted().toList();
            var stackFiles = StackFile.reader(configDir);
            var globals = names.stream().filter(n -> stackFiles.apply(n).isGlobal()).toList();
            if (globals.isEmpty()) {
                throw new PlanException(configDir + ": no global stack file (latency-edge:role: global)");
            }
            return globals;
        } catch (IOException e) {
            throw new PlanException(configDir + ": cannot list stack files: " + e.getMessage());
        }
    }

    /** @param environment where PULUMI_CONFIG_PASSPHRASE(_FILE) is read from */
    public static int run(PlanArgs parsed, java.util.Map<String, String> environment, PrintStream out, PrintStream err) {
        var env = parsed.env();
        var all = parsed.all();
        var configDir = parsed.configDir();
        var outDir = parsed.outDir();
        var policy = parsed.policy();
        var name = all ? "every environment in " + configDir : env;

        var plans = new ArrayList<EnvironmentPlan>();
        try {
            var passphrase = PassphraseSecrets.fromEnvironment(environment).map(p -> Boolean.getBoolean(KeyHandoff.PROPERTY)
                    ? p.withHandedKeys(KeyHandoff.receive(System.in)) : p);
            plans.addAll(EnvironmentPlan.evaluate(configDir, all ? environments(configDir) : List.of(env), passphrase));
            if (all) {
                EnvironmentClashes.verify(plans);
            }
        } catch (ConfigException | PlanException | RegionalStackReader.MissingRegionalOutputException e) {
            err.println("plan of " + name + " failed: " + e.getMessage());
            return 1;
        }

        var files = new ArrayList<Path>();
        try {
            Files.createDirectories(outDir);
            var rendered = new LinkedHashMap<Path, String>();
            for (var plan : plans) {
                for (var stack : plan.stacks()) {
                    rendered.put(outDir.resolve(stack.stackName() + ".json"), PlanFile.render(stack));
                }
            }
            for (var entry : rendered.entrySet()) {
                Files.writeString(entry.getKey(), entry.getValue());
                files.add(entry.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plan files to " + outDir, e);
        }

        for (int i = 0; i < plans.size(); i++) {
            out.print((i == 0 ? "" : "\n") + PlanSummary.render(plans.get(i)));
        }
        if (all) {
            out.println("\nAcross " + plans.size() + " environments: no DNS record, origin label or public name is"
                    + " shared");
        }
        out.println("\nPlan files: " + String.join(", ", files.stream().map(Path::toString).toList()));
        if (!policy) {
            out.println("Policy pack: skipped (--no-policy)");
            return 0;
        }
        out.println("\nPolicy pack:");
        var status = PolicyRunner.run(Path.of("policy"), files, out);
        if (status != 0) {
            err.println("plan of " + name + ": the policy pack reported a mandatory violation (or could not run)");
            return 3;
        }
        return 0;
    }
}
