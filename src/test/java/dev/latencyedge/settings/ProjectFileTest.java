package dev.latencyedge.settings;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulumi.yaml is the schema people and editors see; it must say what the code does. */
class ProjectFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> declarations() throws IOException {
        return (Map<String, Map<String, Object>>) load(Path.of("Pulumi.yaml")).get("config");
    }

    @Test
    void runsThePrebuiltJar() throws IOException {
        var runtime = (Map<?, ?>) load(Path.of("Pulumi.yaml")).get("runtime");
        assertEquals("java", runtime.get("name"));
        assertEquals(Map.of("binary", "target/latency-edge.jar"), runtime.get("options"));
    }

    @Test
    void declaresExactlyTheKeysTheProgramReadsEachWithADescription() throws IOException {
        var declared = declarations();
        assertEquals(ConfigKeys.PROJECT_KEYS, List.copyOf(declared.keySet()));
        declared.forEach((key, declaration) ->
                assertFalse(String.valueOf(declaration.get("description")).isBlank(), key + " has no description"));
    }

    @Test
    void defaultsAgreeWithTheCode() throws IOException {
        var declared = declarations();
        Map<String, Object> expected = Map.ofEntries(
                Map.entry(ConfigKeys.ORIGIN_VERIFY_HEADER, "X-Origin-Verify"),
                Map.entry(ConfigKeys.HEALTH_PATH, HealthCheckSettings.DEFAULT_PATH),
                Map.entry(ConfigKeys.HEALTH_CHECK_INTERVAL, HealthCheckSettings.DEFAULT_INTERVAL),
                Map.entry(ConfigKeys.HEALTH_CHECK_FAILURE_THRESHOLD, HealthCheckSettings.DEFAULT_FAILURE_THRESHOLD),
                Map.entry(ConfigKeys.TARGET_PORT, TargetSettings.DEFAULT_PORT),
                Map.entry(ConfigKeys.TARGET_TYPE, TargetSettings.DEFAULT_TYPE),
                Map.entry(ConfigKeys.INGRESS_SERVICE, TargetSettings.DEFAULT_INGRESS_SERVICE),
                Map.entry(ConfigKeys.INGRESS_SERVICE_PORT, TargetSettings.DEFAULT_PORT),
                Map.entry(ConfigKeys.INGRESS_HEALTH_CHECK_PATH, TargetSettings.DEFAULT_INGRESS_HEALTH_CHECK_PATH),
                Map.entry(ConfigKeys.HEALTH_SERVICE_PORT, TargetSettings.DEFAULT_PORT),
                Map.entry(ConfigKeys.HEALTH_TARGET_PORT, TargetSettings.DEFAULT_PORT),
                Map.entry(ConfigKeys.ALLOW_TARGET_GROUP_REPLACEMENT, false),
                Map.entry(ConfigKeys.ORIGIN_HOST_HEADER, OriginHostHeader.VIEWER.configValue()),
                Map.entry(ConfigKeys.DELETION_PROTECTION, true),
                Map.entry(ConfigKeys.DRAIN, false),
                Map.entry(ConfigKeys.PRICE_CLASS, CdnSettings.DEFAULT_PRICE_CLASS),
                Map.entry(ConfigKeys.DEFAULT_CACHE_POLICY, CdnSettings.DEFAULT_CACHE_POLICY.managedName()),
                Map.entry(ConfigKeys.ORIGIN_CONNECTION_ATTEMPTS, CdnSettings.OriginConnection.DEFAULT_ATTEMPTS),
                Map.entry(ConfigKeys.ORIGIN_CONNECTION_TIMEOUT, CdnSettings.OriginConnection.DEFAULT_TIMEOUT),
                Map.entry(ConfigKeys.ORIGIN_READ_TIMEOUT, CdnSettings.OriginConnection.DEFAULT_READ_TIMEOUT),
                Map.entry(ConfigKeys.ORIGIN_KEEPALIVE_TIMEOUT, CdnSettings.OriginConnection.DEFAULT_KEEPALIVE_TIMEOUT));
        expected.forEach((key, value) -> assertEquals(value, declared.get(key).get("default"), key));
        // Keys every stack must set themselves have no default; the secret must be encrypted.
        for (var key : List.of(ConfigKeys.ROLE, ConfigKeys.ZONE, ConfigKeys.ORIGIN_VERIFY_SECRET)) {
            assertFalse(declared.get(key).containsKey("default"), key);
        }
        assertEquals(true, declared.get(ConfigKeys.ORIGIN_VERIFY_SECRET).get("secret"));
    }

    // type: object (and arrays of objects) exist since CLI 3.186.0: every key declares its type.
    @SuppressWarnings("unchecked")
    @Test
    void everyKeyIsTypedObjectKeysIncluded() throws IOException {
        var declared = declarations();
        declared.forEach((key, declaration) -> assertTrue(declaration.containsKey("type"), key + " has no type"));
        for (var key : List.of(ConfigKeys.TAGS, ConfigKeys.ROUTING_OVERRIDES, ConfigKeys.GEO_RESTRICTION)) {
            assertEquals("object", declared.get(key).get("type"), key);
        }
        assertEquals("array", declared.get(ConfigKeys.CACHE_BEHAVIORS).get("type"));
        assertEquals(Map.of("type", "object"), declared.get(ConfigKeys.CACHE_BEHAVIORS).get("items"));
    }

    @Test
    void committedStackFilesUseOnlyDeclaredKeysAndNeverAPlainSecret() throws IOException {
        var declared = declarations().keySet();
        try (Stream<Path> files = Files.list(Path.of("."))) {
            var stackFiles = files.filter(f -> f.getFileName().toString().matches("Pulumi\\.[a-z0-9-]+\\.yaml"))
                    .toList();
            assertEquals(7, stackFiles.size(), stackFiles.toString());
            for (var file : stackFiles) {
                var config = (Map<?, ?>) load(file).get("config");
                config.forEach((key, value) -> {
                    assertTrue(key.equals("aws:region") || declared.contains(key), file + ": " + key);
                    if (key.equals(ConfigKeys.ORIGIN_VERIFY_SECRET)) {
                        assertTrue(value instanceof Map<?, ?> m && m.containsKey("secure"), file + ": plain secret");
                    }
                });
            }
        }
    }
}
