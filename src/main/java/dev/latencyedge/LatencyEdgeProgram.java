package dev.latencyedge;

import com.pulumi.Context;
import com.pulumi.deployment.Deployment;
import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import dev.latencyedge.edge.GlobalStack;
import dev.latencyedge.edge.RegionalStackReader;
import dev.latencyedge.regional.RegionalStack;
import dev.latencyedge.settings.ConfigException;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.settings.PulumiConfigSource;
import dev.latencyedge.settings.RegionalSettings;
import dev.latencyedge.settings.SettingsLoader;
import dev.latencyedge.settings.StackSettings;
import dev.latencyedge.stackfiles.ProjectFile;

import java.nio.file.Path;

import java.util.logging.Logger;

/** The Pulumi program: configuration is read once here, then the stack's role decides what is built. */
public final class LatencyEdgeProgram {

    /** Held, as java.util.logging keeps loggers only weakly. */
    private static final Logger SDK_LOGGER = Logger.getLogger("com.pulumi");

    private LatencyEdgeProgram() {
    }

    /**
     * The program as {@code pulumi up} runs it (the jar without arguments, the engine's addresses and configuration
     * in the environment). Returns the SDK's exit status: 0, or 32 once the error is in the engine's log.
     */
    public static int runUnderEngine() {
        // The SDK's runner writes each error it sends to the engine's log to java.util.logging's console (stderr)
        // as well, which the engine would show a second time, with a timestamp and the SDK's class name. Its
        // own switch for verbose logs (PULUMI_JAVA_LOG_VERBOSE) still reaches the console.
        var verbose = System.getenv().getOrDefault("PULUMI_JAVA_LOG_VERBOSE", "").toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("1", "t", "true").contains(verbose)) {
            SDK_LOGGER.setUseParentHandlers(false);
        }
        return Pulumi.runAsync(LatencyEdgeProgram::refusingInPlainWords).join();
    }

    /**
     * The SDK's runner ({@code DeploymentImpl.DefaultRunner.handleExceptionAsync}, com.pulumi:pulumi 1.36.1) logs a
     * {@link RunException} to the engine by its message alone and any other exception with its stack trace. Our
     * refusals already name the stack, the key or output and the reason, so they go as RunExceptions.
     */
    private static void refusingInPlainWords(Context ctx) {
        try {
            stack(ctx);
        } catch (ConfigException | RegionalStackReader.MissingRegionalOutputException e) {
            throw new RunException(e.getMessage());
        }
    }

    /**
     * The program reading the engine's configuration. Pulumi.yaml (in the project's root
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
