package dev.latencyedge.operations;

import dev.latencyedge.settings.AwsRegions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VantagePointsTest {

    @Test
    void everyRegionOfTheTableHasAPublishedEc2PrefixAndAClientInsideIt() {
        var points = VantagePoints.of(List.of());
        assertEquals(List.copyOf(AwsRegions.CODES), List.copyOf(points.keySet()));
        // From ip-ranges.json of 2026-08-22: us-east-1's 44.192.0.0/11, eu-west-1's 3.248.0.0/13.
        assertEquals("44.192.0.1", points.get("us-east-1"));
        assertEquals("3.248.0.1", points.get("eu-west-1"));
    }

    @Test
    void clientIpsComeAfterTheRegionsAndHostNamesAreRefusedUnresolved() {
        var points = VantagePoints.of(List.of("198.51.100.4", "2001:db8::1"));
        assertEquals("2001:db8::1", points.get("2001:db8::1"));
        assertEquals("198.51.100.4", List.copyOf(points.keySet()).get(AwsRegions.CODES.size()));
        for (var bad : List.of("example.com", "300.1.1.1", "1.2.3", "")) {
            var error = assertThrows(OperationsException.class, () -> VantagePoints.of(List.of(bad)));
            assertTrue(error.getMessage().startsWith("--client-ip: '" + bad + "'"), error.getMessage());
        }
    }
}
