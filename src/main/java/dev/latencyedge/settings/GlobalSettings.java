package dev.latencyedge.settings;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Settings of an environment's global stack ({@code <env>}).
 *
 * @param common                  settings every stack has
 * @param regions                 the Regions with a stack of their own, {@code <env>-<region>}
 * @param originLabel             the unguessable label of the origin host
 * @param originLabelIsSecret     whether the label was set as a secret (the origin host is then exported as one)
 * @param routingOverrides        latency label without a stack of its own -> Region that serves it
 * @param cdn                     the distribution's settings
 * @param maxOriginRequestSeconds optional ceiling on what one request to a dead origin may cost
 */
public record GlobalSettings(
        CommonSettings common,
        List<String> regions,
        String originLabel,
        boolean originLabelIsSecret,
        SortedMap<String, String> routingOverrides,
        CdnSettings cdn,
        Optional<Integer> maxOriginRequestSeconds) implements StackSettings {

    public GlobalSettings {
        regions = List.copyOf(regions);
        routingOverrides = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(routingOverrides));
    }

    /** Every public name, the main domain first. */
    public List<String> domainNames() {
        return common.domainNames();
    }

    /** The public name CloudFront serves first (the URL the stack exports). */
    public String domain() {
        return domainNames().get(0);
    }

    /** The name of the latency record set CloudFront uses as its origin. */
    public String originHost() {
        return originLabel + "." + common.originParent();
    }

    /** Latency label -> the Region that serves it: each Region serves itself, overrides add labels. */
    public SortedMap<String, String> routingTable() {
        var table = new TreeMap<String, String>();
        regions.forEach(r -> table.put(r, r));
        table.putAll(routingOverrides);
        return java.util.Collections.unmodifiableSortedMap(table);
    }

    /** The environment's CloudWatch dashboard. */
    public String dashboardName() {
        return dashboardName(common.env());
    }

    /** An environment's CloudWatch dashboard: {@code <env>-latency-edge}. */
    public static String dashboardName(String env) {
        return env + "-latency-edge";
    }

    /** The regional stack that serves a Region. */
    public String regionalStackName(String region) {
        return regionalStackName(common.env(), region);
    }

    /** The regional stack of an environment that serves a Region: {@code <env>-<region>}. */
    public static String regionalStackName(String env, String region) {
        return env + "-" + region;
    }

    /** The stacks of every listed Region, in the order of {@code regions}. */
    public List<String> regionalStackNames() {
        return regions.stream().map(this::regionalStackName).toList();
    }
}
