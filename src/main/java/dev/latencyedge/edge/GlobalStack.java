package dev.latencyedge.edge;

import com.pulumi.Context;
import com.pulumi.aws.route53.Route53Functions;
import com.pulumi.aws.route53.inputs.GetZoneArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import dev.latencyedge.aws.AwsProviders;
import dev.latencyedge.certificates.DnsValidatedCertificate;
import dev.latencyedge.certificates.DnsValidatedCertificateArgs;
import dev.latencyedge.failover.FailoverBudget;
import dev.latencyedge.monitoring.EdgeDashboard;
import dev.latencyedge.monitoring.EdgeDashboardArgs;
import dev.latencyedge.settings.AwsRegions;
import dev.latencyedge.settings.GlobalSettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An environment's global stack ({@code <env>}): reads every Region's stack, checks them, then builds the
 * latency origin, the viewer certificate in us-east-1 and the distribution.
 */
public final class GlobalStack {

    public static final String URL = "url";
    public static final String DISTRIBUTION_ID = "distributionId";
    public static final String DISTRIBUTION_DOMAIN_NAME = "distributionDomainName";
    public static final String ORIGIN_HOST = "originHost";
    public static final String ROUTING_TABLE = "routingTable";
    public static final String FAILOVER_BUDGET_SECONDS = "failoverBudgetSeconds";
    public static final String FAILED_ORIGIN_REQUEST_SECONDS = "failedOriginRequestSeconds";
    /** SHA-256 of the header value CloudFront sends: lets a rotation see what is deployed without the secret. */
    public static final String ORIGIN_SECRET_FINGERPRINT = "originSecretFingerprint";
    public static final String DASHBOARD_URL = "dashboardUrl";

    private GlobalStack() {
    }

    public static void build(Context ctx, GlobalSettings settings) {
        var reader = new RegionalStackReader(ctx.organizationName(), ctx.projectName());
        var exports = reader.readAll(settings.regionalStackNames());
        var byRegion = new LinkedHashMap<String, RegionalExports>();
        for (int i = 0; i < exports.size(); i++) {
            byRegion.put(settings.regions().get(i), exports.get(i));
        }
        EdgePreconditions.verify(settings, byRegion);

        // CloudFront only accepts viewer certificates from us-east-1, whatever aws:region says.
        var usEast1 = new AwsProviders(settings.common()).forRegion(AwsRegions.US_EAST_1);
        var inUsEast1 = ComponentResourceOptions.builder().provider(usEast1).build();
        var zoneId = Route53Functions.getZone(GetZoneArgs.builder().name(settings.common().zone())
                        .privateZone(false).build(), InvokeOptions.builder().provider(usEast1).build())
                .applyValue(z -> z.zoneId());

        var servingByLabel = new TreeMap<String, RegionalExports>();
        settings.routingTable().forEach((label, region) -> servingByLabel.put(label, byRegion.get(region)));
        var originHost = settings.originLabelIsSecret()
                ? Output.ofSecret(settings.originHost()) : Output.of(settings.originHost());
        var origin = new LatencyOrigin("origin", new LatencyOriginArgs(zoneId, originHost, servingByLabel),
                inUsEast1);

        // The regional certificates validate the same public names with the same records: share them.
        var names = settings.domainNames();
        var certificate = new DnsValidatedCertificate("viewer", new DnsValidatedCertificateArgs(
                names.get(0), names.subList(1, names.size()), zoneId, true), inUsEast1);

        var common = settings.common();
        var cdn = new CdnDistribution("cdn", new CdnDistributionArgs(settings.domainNames(), zoneId,
                certificate.certificateArn, origin.originHost, common.originVerifyHeader(),
                common.originVerifySecret(), settings.cdn(), common.env()), inUsEast1);

        var panels = byRegion.entrySet().stream().map(e -> new EdgeDashboardArgs.RegionPanel(e.getKey(),
                e.getValue().healthCheckId(), e.getValue().endpointHealthCheckId(), e.getValue().albArnSuffix()))
                .toList();
        var monitoring = new EdgeDashboard("monitoring", new EdgeDashboardArgs(common.env(), settings.dashboardName(),
                cdn.distributionId, panels, settings.cdn().additionalMetrics()), inUsEast1);

        ctx.export(URL, Output.of("https://" + settings.domain()));
        ctx.export(DASHBOARD_URL, monitoring.dashboardUrl);
        ctx.export(DISTRIBUTION_ID, cdn.distributionId);
        ctx.export(DISTRIBUTION_DOMAIN_NAME, cdn.distributionDomainName);
        ctx.export(ORIGIN_HOST, origin.originHost);
        ctx.export(ROUTING_TABLE, Output.of(settings.routingTable()));
        ctx.export(FAILOVER_BUDGET_SECONDS, Output.of(failoverBudgets(byRegion)));
        var connection = settings.cdn().origin();
        ctx.export(ORIGIN_SECRET_FINGERPRINT, Output.of(common.originVerifySecret().fingerprint()));
        ctx.export(FAILED_ORIGIN_REQUEST_SECONDS, Output.of(FailoverBudget.failedRequestSeconds(
                connection.connectionAttempts(), connection.connectionTimeout())));
    }

    /** Region -> seconds until viewers have left it after it fails (detection + alias TTL). */
    static Map<String, Integer> failoverBudgets(Map<String, RegionalExports> byRegion) {
        var budgets = new TreeMap<String, Integer>();
        byRegion.forEach((region, e) -> budgets.put(region,
                FailoverBudget.moveViewersSeconds(e.healthCheckRequestInterval(), e.healthCheckFailureThreshold())));
        return budgets;
    }
}
