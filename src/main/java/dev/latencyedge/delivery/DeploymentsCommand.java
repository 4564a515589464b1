package dev.latencyedge.delivery;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code deployments apply|diff <env> --org <org>}: makes Pulumi Cloud hold exactly what the files declare for the
 * environment (policy group, each stack's Deployments settings, the webhooks chaining its Regions to its edge), or
 * shows what that would change ({@link DeploymentsConvergence}); {@code deployments deployer <env>} prints who
 * deploys the environment's pushes. Token from {@code PULUMI_ACCESS_TOKEN}, endpoint from
 * {@code PULUMI_BACKEND_URL} as the CLI takes them.
 */
public final class DeploymentsCommand {

    private final Path projectDir;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public DeploymentsCommand(Path projectDir, Map<String, String> environment, PrintStream out, PrintStream err) {
        this.projectDir = projectDir;
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Prints who deploys the environment's pushes. */
    public int deployer(String env) {
        try {
            out.println(DeploymentsAsCode.deployer(projectDir, env).value());
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("deployments deployer " + env + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** @param apply true to apply, false to show what applying would change */
    public int run(boolean apply, String env, String org) {
        var action = apply ? "apply" : "diff";
        var token = environment.getOrDefault("PULUMI_ACCESS_TOKEN", "");
        if (token.isBlank()) {
            err.println("PULUMI_ACCESS_TOKEN is not set: create a token in Pulumi Cloud and export it");
            return 2;
        }
        PulumiCloudClient client;
        try {
            client = new PulumiCloudClient(PulumiCloudClient.apiFor(environment.get("PULUMI_BACKEND_URL")), token);
        } catch (IllegalArgumentException e) {
            err.println("deployments " + action + " " + env + " failed: " + e.getMessage());
            return 1;
        }
        return new DeploymentsConvergence(projectDir, client, org, out, err).run(env, apply);
    }
}
