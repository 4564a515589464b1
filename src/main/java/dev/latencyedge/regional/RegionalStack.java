package dev.latencyedge.regional;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.latencyedge.aws.AwsProviders;
import dev.latencyedge.settings.AwsRegions;
import dev.latencyedge.settings.RegionalSettings;
import dev.latencyedge.settings.Secret;

import static dev.latencyedge.regional.RegionalOutputs.*;

/** A regional stack ({@code <env>-<region>}): one {@link RegionalIngress} and the exports the edge reads. */
public final class RegionalStack {

    private RegionalStack() {
    }

    public static void build(Context ctx, RegionalSettings settings) {
        var region = settings.common().region();
        var providers = new AwsProviders(settings.common());
        var args = RegionalIngressArgs.from(settings, providers.forRegion(AwsRegions.US_EAST_1));
        var ingress = new RegionalIngress(region, args,
                ComponentResourceOptions.builder().provider(providers.forRegion(region)).build());

        var health = settings.health();
        ctx.export(REGION, Output.of(region));
        ctx.export(ALB_ARN, ingress.albArn);
        ctx.export(ALB_DNS_NAME, ingress.albDnsName);
        ctx.export(ALB_ZONE_ID, ingress.albZoneId);
        ctx.export(HEALTH_CHECK_ID, ingress.healthCheckId);
        ctx.export(TARGET_GROUP_ARN, ingress.targetGroupArn);
        ctx.export(ORIGIN_SECRET_FINGERPRINTS,
                Output.of(settings.acceptedSecrets().stream().map(Secret::fingerprint).toList()));
        ctx.export(ENDPOINT_HEALTH_CHECK_ID, ingress.endpointHealthCheckId);
        ctx.export(HEALTH_TARGET_GROUP_ARN, ingress.healthTargetGroupArn);
        ctx.export(CERTIFICATE_NAMES, Output.of(args.certificateNames()));
        ctx.export(TARGET_GROUP_BINDING, ingress.targetGroupBinding);
        ctx.export(HEALTH_CHECK_REQUEST_INTERVAL, Output.of(health.requestInterval()));
        ctx.export(HEALTH_CHECK_FAILURE_THRESHOLD, Output.of(health.failureThreshold()));
        ctx.export(DRAINED, Output.of(health.drain()));
    }
}
