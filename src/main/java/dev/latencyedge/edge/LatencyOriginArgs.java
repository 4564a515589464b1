package dev.latencyedge.edge;

import com.pulumi.core.Output;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Inputs of {@link LatencyOrigin}.
 *
 * @param zoneId       the public hosted zone
 * @param originHost   {@code <originLabel>.<originParent>}, a secret Output when the label was set as one
 * @param servingByLabel latency label -> exports of the Region that serves it (a Region serves its own label;
 *                     a routing override adds a label served by another Region)
 */
public record LatencyOriginArgs(Output<String> zoneId, Output<String> originHost,
                                SortedMap<String, RegionalExports> servingByLabel) {

    public LatencyOriginArgs {
        servingByLabel = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(servingByLabel));
    }
}
