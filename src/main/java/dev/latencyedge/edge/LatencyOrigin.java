package dev.latencyedge.edge;

import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.route53.inputs.RecordLatencyRoutingPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The latency record set CloudFront uses as its single origin: one A alias record per latency label, each with
 * the label as set identifier and latency Region, aliasing the serving Region's ALB with that Region's health
 * check. Route 53 answers each CloudFront edge with the nearest healthy Region.
 *
 * <p>Set identifiers and logical names are the label itself, which never changes: renaming a set identifier in
 * place fails, and delete-then-create would make resolvers cache NXDOMAIN.
 */
public final class LatencyOrigin extends ComponentResource {

    public static final String TYPE = "latency-edge:edge:LatencyOrigin";

    @Export(name = "originHost", refs = {String.class})
    public final Output<String> originHost;

    public LatencyOrigin(String name, LatencyOriginArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        args.servingByLabel().forEach((label, serving) -> new Record(name + "-" + label, RecordArgs.builder()
                .zoneId(args.zoneId())
                .name(args.originHost())
                .type("A")
                .setIdentifier(label)
                .latencyRoutingPolicies(RecordLatencyRoutingPolicyArgs.builder().region(label).build())
                .aliases(RecordAliasArgs.builder()
                        .name(serving.albDnsName())
                        .zoneId(serving.albZoneId())
                        .evaluateTargetHealth(true)
                        .build())
                .healthCheckId(serving.healthCheckId())
                .build(), CustomResourceOptions.builder().parent(this).build()));
        this.originHost = args.originHost();
        registerOutputs(Map.of("originHost", originHost));
    }
}
