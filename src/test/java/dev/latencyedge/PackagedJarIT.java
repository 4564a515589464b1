package dev.latencyedge;

import com.google.common.reflect.ClassPath;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.serialization.internal.ResourcePackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged program: {@code target/latency-edge.jar} (this project) names
 * {@code lib/latency-edge-dependencies.jar} in its manifest's Class-Path. Runs after {@code package}.
 */
class PackagedJarIT {

    private static final Path PROGRAM_JAR = Path.of("target", "latency-edge.jar");
    private static final String DEPENDENCY_JAR = "latency-edge-dependencies.jar";

    /** The point of the split: the JVM "java -jar" starts relaunches itself without opening the big jar. */
    @Test
    void theLaunchingJvmLoadsNothingFromTheDependencyJar(@TempDir Path tmp) throws Exception {
        var classLog = tmp.resolve("launcher-classes.log");
        var out = tmp.resolve("plan");
        var output = JavaProcess.run(List.of("-Xlog:class+load:file=" + classLog, "-jar", PROGRAM_JAR.toString(),
                "plan", "dev", "--no-policy", "--out", out.toString()), 120);

        try (var files = Files.list(out)) {
            assertEquals(Set.of("dev.json", "dev-us-east-1.json", "dev-eu-west-1.json"),
                    files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()), output);
        }
        var loaded = Files.readAllLines(classLog);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" java.lang.ProcessImpl ")), "it started the plan JVM");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains(DEPENDENCY_JAR)).toList());
    }

    /**
     * {@code pulumi up} runs the program jar in one JVM; the SDK finds resource types (to deserialise resource
     * references) by scanning its class loader's class path with Guava's ClassPath, which must follow the
     * manifest to the dependency jar.
     */
    @Test
    void theSdksClassPathScanReachesTheDependencyJar() throws Exception {
        var classPath = PROGRAM_JAR + File.pathSeparator + Path.of("target", "test-classes");
        var output = JavaProcess.run(List.of("-cp", classPath, ResourceTypeScan.class.getName(),
                "com.pulumi.aws.lb.LoadBalancer", "com.pulumi.aws.cloudfront.Distribution",
                "com.pulumi.aws.route53.HealthCheck"), 120);
        assertEquals("com.pulumi.aws.cloudfront.Distribution com.pulumi.aws.lb.LoadBalancer "
                + "com.pulumi.aws.route53.HealthCheck", output.strip());
    }

    /** Prints which of the named classes the scan finds as annotated resource types, in name order. */
    public static final class ResourceTypeScan {
        public static void main(String[] names) throws IOException {
            var wanted = Set.of(names);
            System.out.println(ClassPath.from(ResourcePackages.class.getClassLoader()).getAllClasses().stream()
                    .filter(c -> wanted.contains(c.getName()))
                    .filter(c -> c.load().isAnnotationPresent(ResourceType.class))
                    .map(ClassPath.ClassInfo::getName).sorted().collect(Collectors.joining(" ")));
        }
    }
}
