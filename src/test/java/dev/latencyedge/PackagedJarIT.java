package dev.latencyedge;

import com.google.common.reflect.ClassPath;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.serialization.internal.ResourcePackages;
import dev.latencyedge.passphrase.PassphraseSecretsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            assertEquals(Set.of("dev.json", "dev-us-east-1.json", "dev-eu-west-1.json", "manifest.json"),
                    files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()), output);
        }
        var loaded = Files.readAllLines(classLog);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" java.lang.ProcessImpl ")), "it started the plan JVM");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains(DEPENDENCY_JAR)).toList());
    }

    /**
     * With a passphrase, the launching JVM (optimizing compiler) derives the environment's key with the JDK's
     * PBKDF2 and the plan JVM (client compiler only, six times slower at PBKDF2) decrypts with it: the real values
     * reach validation, and only the launcher runs PBKDF2 (its key object, the JDK's {@code PBKDF2KeyImpl}, is
     * loaded there alone). JAVA_TOOL_OPTIONS reaches both JVMs; %p gives each its own class log.
     */
    @Test
    void theLauncherDerivesThePassphraseKeysThePlanJvmDecryptsWith(@TempDir Path tmp) throws Exception {
        var project = PassphraseSecretsTest.dev(tmp.resolve("project"), "short", "short");
        var logs = Files.createDirectories(tmp.resolve("logs"));
        var result = JavaProcess.runWithStatus(List.of("-jar", PROGRAM_JAR.toAbsolutePath().toString(), "plan", "dev",
                "--config-dir", project.toString(), "--no-policy", "--out", tmp.resolve("out").toString()),
                Map.of("PULUMI_CONFIG_PASSPHRASE", "password",
                        "JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + logs.resolve("classes-%p.log")), 120);

        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().contains("latency-edge:originVerifySecret: must be 32 to 128 characters"),
                result.output());
        Map<Boolean, String> classesByPlanJvm;
        try (var files = Files.list(logs)) {
            classesByPlanJvm = files.map(JavaProcess::read).collect(Collectors.toMap(
                    loaded -> loaded.contains(" dev.latencyedge.plan.EnvironmentPlan "), loaded -> loaded));
        }
        var pbkdf2 = " com.sun.crypto.provider.PBKDF2KeyImpl ";
        assertTrue(classesByPlanJvm.get(false).contains(pbkdf2), "the launcher derived the key");
        assertFalse(classesByPlanJvm.get(true).contains(pbkdf2), "the plan JVM derived none");
    }

    /** No JDK internals (issue 19): the manifest opens and exports no package of the JDK to the launcher. */
    @Test
    void theJarOpensNoJdkPackage() throws IOException {
        try (var jar = new java.util.jar.JarFile(PROGRAM_JAR.toFile())) {
            var attributes = jar.getManifest().getMainAttributes();
            assertEquals(null, attributes.getValue("Add-Opens"));
            assertEquals(null, attributes.getValue("Add-Exports"));
        }
    }

    /**
     * Bad input gets one clear refusal naming the stack and key, exit 1, and never a stack trace: not from our
     * code, and not from the SDK's mock engine, which would log a failing program's exception with its trace.
     */
    @Test
    void badInputIsRefusedInPlainWordsWithoutAStackTrace(@TempDir Path tmp) throws Exception {
        for (var file : List.of("Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.dev-us-east-1.yaml", "Pulumi.dev-eu-west-1.yaml")) {
            Files.copy(Path.of(file), tmp.resolve(file));
        }
        // Refused inside the program, against the Regions' exports: their certificates miss the new name.
        var global = tmp.resolve("Pulumi.dev.yaml");
        Files.writeString(global, Files.readString(global).replace("domain: dev.example.com", "domain: new.example.com"));
        var edge = JavaProcess.runWithStatus(List.of("-jar", PROGRAM_JAR.toAbsolutePath().toString(), "plan", "dev",
                "--config-dir", tmp.toString(), "--no-policy", "--out", tmp.resolve("out").toString()), 120);
        assertEquals(1, edge.status(), edge.output());
        assertTrue(edge.output().contains("invalid configuration for stack dev"), edge.output());
        assertTrue(edge.output().contains("latency-edge:domain: new.example.com not covered by the ALB certificate"),
                edge.output());
        // Refused while reading settings: a tag Route 53 would refuse.
        var regional = tmp.resolve("Pulumi.dev-eu-west-1.yaml");
        Files.writeString(regional, Files.readString(regional).replace("cost-center: platform", "cost-center: \"a&b\""));
        var settings = JavaProcess.runWithStatus(List.of("-jar", PROGRAM_JAR.toAbsolutePath().toString(), "plan",
                "dev", "--config-dir", tmp.toString(), "--no-policy", "--out", tmp.resolve("out").toString()), 120);
        assertEquals(1, settings.status(), settings.output());
        assertTrue(settings.output().contains("invalid configuration for stack dev-eu-west-1"), settings.output());
        assertTrue(settings.output().contains("latency-edge:tags: tag cost-center has the value \"a&b\""),
                settings.output());
        for (var output : List.of(edge.output(), settings.output())) {
            assertTrue(output.lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), output);
        }
    }

    /**
     * The jar as a user starts it: with no command and no engine (PULUMI_MONITOR unset) one line and status 2, no
     * stack trace and no environment dump; {@code --version} names the commit it was built from.
     */
    @Test
    void theJarOutsideTheEngineSaysWhatItIsInOneLine() throws Exception {
        var jar = PROGRAM_JAR.toAbsolutePath().toString();
        var bare = JavaProcess.runWithStatus(List.of("-jar", jar), 60);
        assertEquals(2, bare.status(), bare.output());
        assertEquals(List.of("latency-edge.jar is the Pulumi program: run it through pulumi up (Pulumi.yaml names it),"
                + " or give it a command (java -jar target/latency-edge.jar --help)"), bare.output().lines().toList());
        var version = JavaProcess.runWithStatus(List.of("-jar", jar, "--version"), 60);
        assertEquals(0, version.status(), version.output());
        assertTrue(version.output().matches("latency-edge \\S+ \\(commit [0-9a-f]{40}(\\+modified)?\\)\\n"),
                version.output());
        var help = JavaProcess.runWithStatus(List.of("-jar", jar, "plan", "--help"), 60);
        assertEquals(0, help.status(), help.output());
        assertTrue(help.output().startsWith("Usage: latency-edge plan"), help.output());
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
