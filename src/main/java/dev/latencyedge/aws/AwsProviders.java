package dev.latencyedge.aws;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import dev.latencyedge.settings.CommonSettings;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One explicit AWS provider per Region, named after the Region code ({@code aws-eu-west-1}), so what must live
 * in a Region says so in code rather than by relying on {@code aws:region}. Every provider tags what it creates
 * with the stack and environment.
 */
public final class AwsProviders {

    private final CommonSettings settings;
    private final Map<String, Provider> byRegion = new HashMap<>();

    public AwsProviders(CommonSettings settings) {
        this.settings = settings;
    }

    public Provider forRegion(String region) {
        return byRegion.computeIfAbsent(region, r -> new Provider("aws-" + r, ProviderArgs.builder()
                .region(r)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags(settings)).build())
                .build()));
    }

    static Map<String, String> tags(CommonSettings settings) {
        var tags = new TreeMap<>(settings.tags());
        tags.put("latency-edge:env", settings.env());
        tags.put("latency-edge:stack", settings.stackName());
        return tags;
    }
}
