package dev.latencyedge.settings;

import dev.latencyedge.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.latencyedge.Fixtures.global;
import static dev.latencyedge.Fixtures.regional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A missing key is reported once: nothing derived from it (origin.<zone>, <env>-<region>) is reported again. */
class RequiredKeysTest {

    private static void reportedOnce(Fixtures.Config config, String key) {
        var error = assertThrows(ConfigException.class, config.unset(key)::load);
        assertEquals(1, error.problems().size(), error.getMessage());
        assertEquals(key, error.problems().get(0).key());
        assertTrue(error.problems().get(0).reason().startsWith("is required"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:region", "latency-edge:role", "latency-edge:zone", "latency-edge:domain",
            "latency-edge:originVerifySecret", "latency-edge:clusterName", "latency-edge:healthService"})
    void aMissingRegionalKeyIsOneProblem(String key) {
        reportedOnce(regional("prod", "eu-west-1"), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:region", "latency-edge:role", "latency-edge:zone", "latency-edge:domain",
            "latency-edge:originVerifySecret", "latency-edge:regions", "latency-edge:originLabel"})
    void aMissingGlobalKeyIsOneProblem(String key) {
        reportedOnce(global("prod", "eu-west-1"), key);
    }

    @org.junit.jupiter.api.Test
    void anOriginParentSetWithoutAZoneIsStillChecked() {
        var error = assertThrows(ConfigException.class, regional("prod", "eu-west-1").unset("latency-edge:zone")
                .set("latency-edge:originParent", "Origin.Example.com")::load);
        assertEquals(2, error.problems().size(), error.getMessage());
        assertEquals("latency-edge:originParent", error.problems().get(1).key());
    }
}
