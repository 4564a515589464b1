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
import dev.latencyedge.failover.FailoverBudget;

import java.util.List;
import java.util.Map;

/**
 * The latency record set CloudFront uses as its single origin: one A alias record per latency label, each with
 * the label as set identifier and latency Region, aliasing the serving Region's ALB with that Region's health
 * check. Route 53 answers each CloudFront edge with the nearest healthy Region.
 *
 * <p>Beside it, a TXT latency set of the same name, set identifiers, latency Regions and health checks, whose value
 * ({@link #txtValue}) names the label and the serving Region: Route 53 picks the TXT record exactly as it picks
 * the alias, so a TXT query (Route 53's TestDNSAnswer, or {@code dig TXT} by anyone who knows the name) says which
 * Region a client is sent to, without resolving the ALB's name.
 *
 * <p>Set identifiers and logical names are the label itself, which never changes: renaming a set identifier in
 * place fails, and delete-then-create would make resolvers cache NXDOMAIN.
 */
public final class LatencyOrigin extends ComponentResource {

    public static final String TYPE = "latency-edge:edge:LatencyOrigin";

    @Export(name = "originHost", refs = {String.class})
    public final Output<String> originHost;

    /** The TXT string of a label (fixed: the status command and people with dig read it). */
    public static String txtValue(String label, String servingRegion) {
        return "latency-edge label=" + label + " region=" + servingRegion;
    }

    public LatencyOrigin(String name, LatencyOriginArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        args.servingByLabel().forEach((label, serving) -> {
            alias(name, args, label, serving);
            txt(name, args, label, serving);
        });
        this.originHost = args.originHost();
        registerOutputs(Map.of("originHost", originHost));
    }

    private void alias(String name, LatencyOriginArgs args, String label, RegionalExports serving) {
        new Record(name + "-" + label, RecordArgs.builder()
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
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** Same name, set identifier, latency Region and health check as the alias: the two are answered alike. */
    private void txt(String name, LatencyOriginArgs args, String label, RegionalExports serving) {
        // The provider quotes the value into one TXT string (terraform-provider-aws, route53 flattenTxtEntry).
        // Same TTL as the alias, so a resolver keeps both for as long.
        new Record(name + "-" + label + "-txt", RecordArgs.builder()
                .zoneId(args.zoneId())
                .name(args.originHost())
                .type("TXT")
                .ttl(FailoverBudget.ALIAS_TTL_SECONDS)
                .records(List.of(txtValue(label, serving.region())))
                .setIdentifier(label)
                .latencyRoutingPolicies(RecordLatencyRoutingPolicyArgs.builder().region(label).build())
                .healthCheckId(serving.healthCheckId())
                .build(), CustomResourceOptions.builder().parent(this).build());
    }
}
