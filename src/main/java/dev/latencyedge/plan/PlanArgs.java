package dev.latencyedge.plan;

import java.nio.file.Path;

/**
 * The arguments of {@code plan}, read once: by the plan itself and by the launching JVM, which derives the
 * passphrase keys of the stacks the plan will read.
 *
 * @param env       the environment to plan, or null with {@code all}
 * @param all       every environment in the config directory
 * @param configDir where the stack files are
 * @param outDir    where the plan files go
 * @param policy     whether the policy pack runs over the plan files
 * @param policyPack the policy pack's folder ({@code --policy-pack DIR}), or null for the project's
 *                   ({@link PolicyRunner#pack})
 */
public record PlanArgs(String env, boolean all, Path configDir, Path outDir, boolean policy, Path policyPack) {

    static final String USAGE = "usage: plan <env>|--all [--config-dir DIR] [--out DIR] [--no-policy]";

    /** Bad usage, with the line to print. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    public static PlanArgs parse(String[] args) {
        String env = null;
        var configDir = Path.of(".");
        var outDir = Path.of("plan");
        var policy = true;
        var all = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config-dir", "--out" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException(args[i] + " needs a directory\n" + USAGE);
                    }
                    var dir = Path.of(args[++i]);
                    if (args[i - 1].equals("--out")) {
                        outDir = dir;
                    } else {
                        configDir = dir;
                    }
                }
                case "--no-policy" -> policy = false;
                case "--all" -> all = true;
                default -> {
                    if (args[i].startsWith("-") || env != null) {
                        throw new UsageException("unexpected argument " + args[i] + "\n" + USAGE);
                    }
                    env = args[i];
                }
            }
        }
        if ((env == null) == !all) {
            throw new UsageException(USAGE);
        }
        return new PlanArgs(env, all, configDir, outDir, policy, null);
    }
}
