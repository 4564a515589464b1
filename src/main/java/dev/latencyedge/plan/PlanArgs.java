package dev.latencyedge.plan;

import java.nio.file.Path;

/**
 * The arguments of {@code plan}, parsed once by the command line ({@code cli.PlanCommand}): read by the plan
 * itself and by the launching JVM, which derives the passphrase keys of the stacks the plan will read.
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
}
