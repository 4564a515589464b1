package dev.latencyedge;

import com.pulumi.Context;
import com.pulumi.deployment.Deployment;
import dev.latencyedge.edge.GlobalStack;
import dev.latencyedge.regional.RegionalStack;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.PulumiConfigSource;
import dev.latencyedge.settings.RegionalSettings;
import dev.latencyedge.settings.SettingsLoader;
import dev.latencyedge.settings.StackSettings;
import dev.latencyedge.stackfiles.ProjectFile;

import java.nio.file.Path;

/** The Pulumi program: configuration is read once here, then the stack's role decides what is built. */
public final class LatencyEdgeProgram {

    private LatencyEdgeProgram() {
    }

    /**
     * Entry point for {@code pulumi up}: reads the engine's configuration. Pulumi.yaml (in the project's root
     * directory, which the language host passes as PULUMI_ROOT_DIRECTORY) says which values are the project's
     * defaults rather than the stack's own, and is itself refused when it declares a key no stack reads.
     */
    public static void stack(Context ctx) {
        var root = Deployment.getInstance().getRootDirectory();
        var project = ProjectFile.read(Path.of(root == null || root.isBlank() ? "." : root));
        project.error().ifPresent(e -> {
            throw e;
        });
        run(ctx, SettingsLoader.load(PulumiConfigSource.fromEngine(ctx, project.values(), System.getenv())));
    }

    /** Builds a stack from settings already read, so tests and the offline plan need no engine config. */
    public static void run(Context ctx, StackSettings settings) {
        if (settings instanceof RegionalSettings regional) {
            RegionalStack.build(ctx, regional);
        } else {
            GlobalStack.build(ctx, (GlobalSettings) settings);
        }
    }
}
