package dev.latencyedge.plan;

import dev.latencyedge.BuildInfo;
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
 * {@code plan <env>|--all [--config-dir DIR] [--out DIR] [--no-policy] [--policy-pack DIR]}: evaluates an environment (or every
 * environment whose global stack file is in DIR, then what only they together can show: a DNS record, origin
 * label or public name two of them share) offline, writes one plan file per stack, prints the summaries and
 * runs the policy pack over the files.
 *
 * <p>Exit status: 0 when every stack evaluates and no mandatory policy is violated; 1 for bad configuration or
 * a stack that does not evaluate (no plan file is written then); 2 for bad usage, or an output folder holding
 * files plan did not write; 3 for a mandatory policy violation; 5 when the policy pack could not run (not
 * installed or built, npm missing, or the pack failed), so no verdict was reached.
 */
public final class PlanCommand {

    public static final int OK = 0;
    public static final int BAD_CONFIGURATION = 1;
    public static final int USAGE = 2;
    public static final int POLICY_VIOLATION = 3;
    public static final int POLICY_NOT_RUN = 5;

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
        var name = all ? "every environment in " + configDir : env;

        PlanFolder folder;
        try {
            // Before anything is evaluated: a folder plan may not write to is a usage error, found at once.
            folder = PlanFolder.claim(outDir);
        } catch (PlanException e) {
            err.println("plan of " + name + ": " + e.getMessage());
            return USAGE;
        }

        var plans = new ArrayList<EnvironmentPlan>();
        var environments = new ArrayList<String>();
        try {
            var passphrase = PassphraseSecrets.fromEnvironment(environment).map(p -> Boolean.getBoolean(KeyHandoff.PROPERTY)
                    ? p.withHandedKeys(KeyHandoff.receive(System.in)) : p);
            environments.addAll(all ? environments(configDir) : List.of(env));
            plans.addAll(EnvironmentPlan.evaluate(configDir, environments, passphrase));
            if (all) {
                EnvironmentClashes.verify(plans);
            }
        } catch (ConfigException | PlanException | RegionalStackReader.MissingRegionalOutputException e) {
            err.println("plan of " + name + " failed: " + e.getMessage());
            return BAD_CONFIGURATION;
        }

        List<Path> files;
        var stacks = new ArrayList<String>();
        try {
            // Every file this run writes, by name: the manifest lists them all.
            var rendered = new LinkedHashMap<String, String>();
            for (var plan : plans) {
                for (var stack : plan.stacks()) {
                    stacks.add(stack.stackName());
                    rendered.put(PlanManifest.planFile(stack.stackName()), PlanFile.render(stack));
                }
            }
            // The picture is no plan file: the policy pack and the diff read only the stacks' JSON; the manifest
            // lists it, so a later run replaces or removes it like the rest.
            for (var plan : plans) {
                rendered.put(plan.global().stackName() + ".mmd", EnvironmentPicture.render(plan));
            }
            var manifest = new PlanManifest(BuildInfo.version(), BuildInfo.commit(), List.copyOf(environments),
                    List.copyOf(stacks), PlanManifest.digests(configDir, stacks), List.copyOf(rendered.keySet()));
            files = folder.write(rendered, manifest);
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
        var planFiles = stacks.stream().map(s -> outDir.resolve(PlanManifest.planFile(s))).toList();
        out.println("\nPlan files: " + String.join(", ", planFiles.stream().map(Path::toString).toList())
                + " (listed in " + outDir.resolve(PlanManifest.FILE) + ")");
        out.println("Pictures: " + String.join(", ", files.stream().filter(f -> f.toString().endsWith(".mmd"))
                .map(Path::toString).toList()));
        if (!parsed.policy()) {
            out.println("Policy pack: skipped (--no-policy)");
            return OK;
        }
        out.println("\nPolicy pack:");
        var pack = PolicyRunner.pack(configDir, parsed.policyPack());
        var status = PolicyRunner.run(pack, planFiles, out);
        if (status == PolicyRunner.VIOLATION) {
            err.println("plan of " + name + ": the policy pack reported a mandatory violation");
            return POLICY_VIOLATION;
        }
        if (status != 0) {
            err.println("plan of " + name + ": the policy pack in " + pack + " could not run, so nothing was checked");
            return POLICY_NOT_RUN;
        }
        return OK;
    }
}
