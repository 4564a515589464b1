package dev.latencyedge;

import com.pulumi.Context;
import dev.latencyedge.edge.GlobalStack;
import dev.latencyedge.regional.RegionalStack;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.PulumiConfigSource;
import dev.latencyedge.settings.RegionalSettings;
import dev.latencyedge.settings.SettingsLoader;
import dev.latencyedge.settings.StackSettings;

/** The Pulumi program: configuration is read once here, then the stack's role decides what is built. */
public final class LatencyEdgeProgram {

    private LatencyEdgeProgram() {
    }

    /** Entry point for {@code pulumi up}: reads the engine's configuration. */
    public static void stack(Context ctx) {
        run(ctx, SettingsLoader.load(new PulumiConfigSource(ctx)));
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
