package dev.latencyedge.settings;

import com.google.gson.Gson;
import com.pulumi.deployment.internal.DeploymentImpl;
import dev.latencyedge.Fixtures;
import dev.latencyedge.stackfiles.ProjectFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under {@code pulumi up} the engine hands the program every key of the stack with Pulumi.yaml's defaults merged
 * in (pulumi/pulumi sdk/go/common/workspace/config.go, mergeConfig: a key the stack does not set gets the
 * project's default), as a JSON object in PULUMI_CONFIG (pulumi-java pkg/cmd/pulumi-language-java/main.go,
 * constructEnv). These tests build that variable and parse it with the SDK's own parser, so a typo is refused by
 * {@code pulumi up} as by the offline plan, while the project's defaults of the other role are not.
 */
class PulumiConfigSourceTest {

    private static final ProjectFile PROJECT = ProjectFile.read(Path.of("."));

    /** The engine's configuration of a stack: Pulumi.yaml's values beneath the stack's own. */
    private static PulumiConfigSource engine(Fixtures.Config stack) {
        var merged = new LinkedHashMap<>(PROJECT.values());
        stack.stackKeys().forEach(key -> merged.put(key, stack.get(key).orElseThrow()));
        // The language host's form of a key, "<namespace>:config:<name>", which the SDK cleans.
        var variable = new LinkedHashMap<String, String>();
        merged.forEach((key, value) -> variable.put(key.replaceFirst(":", ":config:"), value));
        Map<String, String> parsed = DeploymentImpl.Config.parseConfig(new Gson().toJson(variable));
        return new PulumiConfigSource(stack.stackName(), parsed, stack::isSecret, PROJECT.values());
    }

    @Test
    void theProjectsDefaultsOfTheOtherRoleAreNotTheStacksOwn() {
        // Pulumi.yaml gives every stack priceClass PriceClass_All and drain false, among others.
        assertEquals("PriceClass_All", PROJECT.values().get(ConfigKeys.PRICE_CLASS));
        var source = engine(Fixtures.regional("prod", "eu-west-1"));
        assertEquals("PriceClass_All", source.get(ConfigKeys.PRICE_CLASS).orElseThrow());
        assertInstanceOf(RegionalSettings.class, SettingsLoader.load(source));
        assertInstanceOf(GlobalSettings.class, SettingsLoader.load(engine(Fixtures.global("prod", "eu-west-1"))));
    }

    @Test
    void aTypoIsRefusedByPulumiUp() {
        var error = assertThrows(ConfigException.class, () -> SettingsLoader.load(engine(
                Fixtures.regional("prod", "eu-west-1").set("latency-edge:drian", "true"))));
        assertEquals("latency-edge:drian", error.problems().get(0).key());
        assertTrue(error.getMessage().contains("Pulumi.prod-eu-west-1.yaml"), error.getMessage());
        assertTrue(error.problems().get(0).reason().endsWith("did you mean `latency-edge:drain`?"));
    }

    @Test
    void aKeyOfTheOtherRoleSetByTheStackIsRefusedByPulumiUp() {
        var error = assertThrows(ConfigException.class, () -> SettingsLoader.load(engine(
                Fixtures.regional("prod", "eu-west-1").set("latency-edge:priceClass", "PriceClass_100"))));
        assertEquals(1, error.problems().size(), error.getMessage());
        assertEquals("latency-edge:priceClass", error.problems().get(0).key());
    }

    @Test
    void aStructuredDefaultInTheEnginesOwnJsonIsStillTheProjects() {
        var source = new PulumiConfigSource("prod", Map.of(ConfigKeys.TAGS, "{ }", ConfigKeys.REGIONS, "[\"eu-west-1\"]"),
                key -> false, Map.of(ConfigKeys.TAGS, "{}", ConfigKeys.REGIONS, "[]"));
        assertEquals(java.util.Set.of(ConfigKeys.REGIONS), source.stackKeys());
    }
}
