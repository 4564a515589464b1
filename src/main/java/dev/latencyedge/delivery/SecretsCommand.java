package dev.latencyedge.delivery;

import dev.latencyedge.passphrase.SharedSalt;
import dev.latencyedge.plan.PlanException;
import dev.latencyedge.stackfiles.StackFile;
import dev.latencyedge.settings.ConfigException;
import dev.latencyedge.settings.ConfigKeys;
import dev.latencyedge.settings.GlobalSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code secrets check|init|rotate <env>}: the environment's secrets without placeholders.
 * <ul>
 *   <li>{@code check <env|stack>}: refuses, in one line naming the stacks, while a stack's secret is still the
 *   committed placeholder (every preview and up of it would fail before the program runs);</li>
 *   <li>{@code init <env>}: generates a strong verification secret, the same in every stack of the environment,
 *   and an origin label where the edge's is a placeholder, and sets them as secrets (pulumi config set --secret),
 *   so the stack files hold real ciphertext of the user's own backend; on the passphrase provider the stacks
 *   share one encryptionsalt ({@link SharedSalt});</li>
 *   <li>{@code rotate <env>}: the three-step zero-downtime rotation ({@link SecretRotation}).</li>
 * </ul>
 * No secret is ever printed.
 */
public final class SecretsCommand {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Makes the stack runner and config access from the policy packs to preview with. */
    public interface Stacks {
        StackRunner runner(List<String> policyPacks);

        StackConfig config();
    }

    private final Path projectDir;
    private final Stacks stacks;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<String> secrets;
    private final Supplier<String> labels;
    /** This process's environment, which the pulumi CLI the Automation API runs inherits (the passphrase). */
    private final Map<String, String> environment;

    /** @param environment the process's, which the pulumi CLI inherits: whether init can share a passphrase salt */
    public SecretsCommand(Path projectDir, Stacks stacks, PrintStream out, PrintStream err,
                          Map<String, String> environment) {
        this(projectDir, stacks, out, err, SecretsCommand::newSecret, SecretsCommand::newLabel, environment);
    }

    SecretsCommand(Path projectDir, Stacks stacks, PrintStream out, PrintStream err, Supplier<String> secrets,
                   Supplier<String> labels, Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.projectDir = projectDir;
        this.stacks = stacks;
        this.out = out;
        this.err = err;
        this.secrets = secrets;
        this.labels = labels;
    }

    /** 48 random bytes, base64: 64 characters the ALB header condition and the settings accept. */
    static String newSecret() {
        var bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** 128 random bits as 32 hex characters: long, random, and free of every word the guessable policy knows. */
    static String newLabel() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * @param action check, init or rotate
     * @param name   the environment, or for {@code check} one stack
     * @param packs  the policy packs every stack is previewed with (init and rotate)
     */
    public int run(String action, String name, List<String> packs) {
        try {
            return switch (action) {
                case "check" -> check(name);
                case "init" -> init(name);
                case "rotate" -> rotate(name, packs);
                default -> throw new IllegalArgumentException("no secrets action " + action);
            };
        } catch (ConfigException | PlanException | IllegalStateException e) {
            err.println("secrets " + action + " " + name + " refused: " + e.getMessage());
            return 1;
        }
    }

    /** The stacks of an environment, its Regions first; or the one stack named. */
    private List<String> stacksOf(String name) {
        var file = StackFile.read(projectDir, name);
        if (!file.isGlobal()) {
            return List.of(name);
        }
        var all = new ArrayList<>(file.globalSettings().regionalStackNames());
        all.add(name);
        return all;
    }

    /** @return 0 when no stack of the environment (or the one stack) holds a placeholder secret */
    private int check(String name) {
        var unset = StackFile.unsetSecrets(projectDir, stacksOf(name)).entrySet().stream()
                .map(stack -> stack.getKey() + " (" + String.join(", ", stack.getValue()) + ")").toList();
        if (unset.isEmpty()) {
            out.println("secrets of " + name + " are set");
            return 0;
        }
        err.println("secrets are still placeholders in " + String.join(", ", unset) + ": run java -jar"
                + " target/latency-edge.jar secrets init " + envOf(name) + " first");
        return 1;
    }

    private String envOf(String name) {
        var file = StackFile.read(projectDir, name);
        return file.isGlobal() ? name
                : file.regionalSettings("secrets check names a regional stack").common().env();
    }

    private int init(String env) {
        var all = stacksOf(env);
        var set = all.stream().filter(s -> {
            var file = StackFile.read(projectDir, s);
            return !file.unsetSecretKeys().contains(ConfigKeys.ORIGIN_VERIFY_SECRET)
                    && file.get(ConfigKeys.ORIGIN_VERIFY_SECRET).isPresent();
        }).toList();
        if (!set.isEmpty()) {
            throw new IllegalStateException(String.join(", ", set) + " already hold(s) a real "
                    + ConfigKeys.ORIGIN_VERIFY_SECRET + "; change it with secrets rotate " + env);
        }
        var config = stacks.config();
        var secret = secrets.get();
        for (var stack : all) {
            shareSalt(stack, all);
            config.setSecret(stack, ConfigKeys.ORIGIN_VERIFY_SECRET, secret);
            out.println(stack + ": " + ConfigKeys.ORIGIN_VERIFY_SECRET + " set (a new 64-character secret, fingerprint "
                    + dev.latencyedge.settings.Secret.sha256(secret).substring(0, 12) + "...)");
        }
        if (StackFile.read(projectDir, env).unsetSecretKeys().contains(ConfigKeys.ORIGIN_LABEL)) {
            config.setSecret(env, ConfigKeys.ORIGIN_LABEL, labels.get());
            out.println(env + ": " + ConfigKeys.ORIGIN_LABEL + " set (a new 32-character random label)");
        }
        out.println("commit the stack files: they now hold ciphertext of your own secrets manager");
        return 0;
    }

    /**
     * On the passphrase provider, gives the stack the environment's encryptionsalt before the CLI seals a secret
     * in it, so a plan of the environment derives one key, not one per stack ({@link SharedSalt}).
     */
    private void shareSalt(String stack, List<String> environmentStacks) {
        SharedSalt.give(projectDir, stack, environmentStacks, environment).ifPresent(from -> out.println(stack
                + ": encryptionsalt of " + from + " (one passphrase key for the environment)"));
    }

    private int rotate(String env, List<String> packs) {
        if (check(env) != 0) {
            return 1;
        }
        GlobalSettings global = StackFile.read(projectDir, env).globalSettings();
        var results = new SecretRotation(stacks.runner(packs), stacks.config(), out)
                .rotate(env, global.regionalStackNames(), secrets);
        out.print(SummaryTable.render(results));
        var failed = results.stream().filter(r -> !r.succeeded()).findFirst();
        failed.ifPresent(r -> err.println("secrets rotate " + env + " stopped at stack " + r.stack() + ": " + r.error()
                + ". The environment still serves; run the command again to resume."));
        return failed.isPresent() ? 1 : 0;
    }
}
