package dev.latencyedge.monitoring;

import com.pulumi.aws.cloudfront.MonitoringSubscription;
import com.pulumi.aws.cloudfront.MonitoringSubscriptionArgs;
import com.pulumi.aws.cloudfront.inputs.MonitoringSubscriptionMonitoringSubscriptionArgs;
import com.pulumi.aws.cloudfront.inputs.MonitoringSubscriptionMonitoringSubscriptionRealtimeMetricsSubscriptionConfigArgs;
import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.latencyedge.settings.AwsRegions;

import java.util.Map;

/**
 * The environment's CloudWatch dashboard ({@link DashboardBody} says what it shows)
 * and, where asked for, CloudFront's additional metrics for the distribution. Give it the us-east-1 provider:
 * Route 53's and CloudFront's metrics live there, so the console opens the dashboard there.
 */
public final class EdgeDashboard extends ComponentResource {

    public static final String TYPE = "latency-edge:monitoring:EdgeDashboard";
    /** The Region the dashboard is created and opened in. */
    public static final String HOME_REGION = AwsRegions.US_EAST_1;

    @Export(name = "dashboardName", refs = {String.class})
    public final Output<String> dashboardName;
    @Export(name = "dashboardUrl", refs = {String.class})
    public final Output<String> dashboardUrl;

    public EdgeDashboard(String name, EdgeDashboardArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var inThis = CustomResourceOptions.builder().parent(this).build();
        var dashboard = new Dashboard(name + "-dashboard", DashboardArgs.builder()
                .dashboardName(args.dashboardName())
                .dashboardBody(args.distributionId().applyValue(id -> DashboardBody.render(args.env(), id,
                        args.regions(), args.additionalMetrics())))
                .build(), inThis);
        if (args.additionalMetrics()) {
            new MonitoringSubscription(name + "-additional-metrics", MonitoringSubscriptionArgs.builder()
                    .distributionId(args.distributionId())
                    .monitoringSubscription(MonitoringSubscriptionMonitoringSubscriptionArgs.builder()
                            .realtimeMetricsSubscriptionConfig(
                                    MonitoringSubscriptionMonitoringSubscriptionRealtimeMetricsSubscriptionConfigArgs
                                            .builder().realtimeMetricsSubscriptionStatus("Enabled").build())
                            .build())
                    .build(), inThis);
        }
        this.dashboardName = dashboard.dashboardName();
        this.dashboardUrl = dashboard.dashboardName().applyValue(EdgeDashboard::url);
        registerOutputs(Map.of("dashboardName", dashboardName, "dashboardUrl", dashboardUrl));
    }

    /** Where the console shows a dashboard of us-east-1. */
    public static String url(String dashboardName) {
        return "https://" + HOME_REGION + ".console.aws.amazon.com/cloudwatch/home?region=" + HOME_REGION
                + "#dashboards/dashboard/" + dashboardName;
    }
}
