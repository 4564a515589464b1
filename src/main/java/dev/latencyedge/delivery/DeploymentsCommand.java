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

    static final String USAGE = "usage: deployments apply|diff <env> --org <org>\n"
            + "       deployments deployer <env>    prints who deploys the environment's pushes";

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

    public int run(String[] args) {
        if (args.length == 2 && args[0].equals("deployer")) {
            try {
                out.println(DeploymentsAsCode.deployer(projectDir, args[1]).value());
                return 0;
            } catch (IllegalArgumentException | UncheckedIOException e) {
                err.println("deployments deployer " + args[1] + " failed: " + e.getMessage());
                return 1;
            }
        }
        if (args.length != 4 || !(args[0].equals("apply") || args[0].equals("diff")) || !args[2].equals("--org")
                || args[3].isBlank()) {
            err.println(USAGE);
            return 2;
        }
        var apply = args[0].equals("apply");
        var env = args[1];
        var org = args[3];
        var token = environment.getOrDefault("PULUMI_ACCESS_TOKEN", "");
        if (token.isBlank()) {
            err.println("PULUMI_ACCESS_TOKEN is not set: create a token in Pulumi Cloud and export it");
            return 2;
        }
        PulumiCloudClient client;
        try {
            client = new PulumiCloudClient(PulumiCloudClient.apiFor(environment.get("PULUMI_BACKEND_URL")), token);
        } catch (IllegalArgumentException e) {
            err.println("deployments " + args[0] + " " + env + " failed: " + e.getMessage());
            return 1;
        }
        return new DeploymentsConvergence(projectDir, client, org, out, err).run(env, apply);
    }
}
