package dev.latencyedge.delivery;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pulumi Java 1.36.1 sends every registration request to the engine at debug severity, secret values in clear
 * ({@code DeploymentImpl.RegisterResource}: "Registering resource monitor start ... request="), and the CLI shows
 * debug messages under {@code --debug} or {@code -v}; the SDK's own verbose switch and the providers' logs
 * print requests too. So no way this project runs Pulumi turns any of them on: not the workflows, the shared
 * action, the Deployments settings, nor the fleet's Automation API options.
 */
class NoDebugLoggingTest {

    /** Flags, inputs and variables that turn on debug logs of the CLI, the Java SDK or the providers. */
    private static final Pattern DEBUG = Pattern.compile(
            "--debug\\b|--verbose\\b|(^|[\\s\"'])-v(=|\\s+)\\d|--logtostderr\\b|--logflow\\b|--log-verbosity"
                    + "|\\bdebug:\\s*(true|'true'|\"true\")|\\blog-verbosity\\b|PULUMI_DEBUG\\w*"
                    + "|PULUMI_JAVA_LOG_VERBOSE"
                    + "|\\bTF_LOG\\w*|\\.debug\\(\\s*true|\\.logVerbosity\\(|\\.logToStdErr\\(|\\.logFlow\\(",
            Pattern.MULTILINE);

    @Test
    void noWorkflowDeploymentsSettingOrFleetOptionTurnsOnDebugLogs() throws IOException {
        var files = new ArrayList<Path>();
        try (var github = Files.walk(Path.of(".github"));
             var root = Files.list(Path.of("."));
             var delivery = Files.list(Path.of("src/main/java/dev/latencyedge/delivery"))) {
            Stream.of(github.filter(Files::isRegularFile),
                    root.filter(f -> f.getFileName().toString().matches("Pulumi\\..*\\.deploy\\.yaml")),
                    delivery).flatMap(s -> s).sorted().forEach(files::add);
        }
        assertTrue(files.contains(Path.of(".github/workflows/deploy.yml")), files.toString());
        assertTrue(files.contains(Path.of("./Pulumi.prod.deploy.yaml")), files.toString());
        assertTrue(files.contains(Path.of("src/main/java/dev/latencyedge/delivery/AutomationStackRunner.java")));
        var found = new ArrayList<String>();
        for (var file : files) {
            var lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (DEBUG.matcher(lines.get(i)).find()) {
                    found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** The pattern catches each way of turning them on, so the check above can fail. */
    @Test
    void thePatternCatchesEveryWayOfTurningThemOn() {
        for (var line : List.of("pulumi up --debug -s dev", "pulumi preview -v=9", "run: pulumi up -v 3 --yes",
                "pulumi up --logtostderr", "debug: true", "PULUMI_DEBUG_COMMANDS: true", "PULUMI_DEBUG_GRPC=x.log",
                "PULUMI_JAVA_LOG_VERBOSE: \"true\"", "TF_LOG: DEBUG", "UpOptions.builder().debug(true)",
                "PreviewOptions.builder().logVerbosity(9)", "log-verbosity: 9", "--verbose")) {
            assertTrue(DEBUG.matcher(line).find(), line);
        }
        for (var line : List.of("pulumi up --yes -s dev", "skipTests: -v", "debug: false", "java -version")) {
            assertTrue(!DEBUG.matcher(line).find(), line);
        }
    }
}
