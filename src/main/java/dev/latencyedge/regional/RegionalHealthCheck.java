package dev.latencyedge.regional;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import dev.latencyedge.settings.HealthCheckSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Route 53 health check that proves the Region's application can serve, the calculated check the latency
 * record uses on top of it, and an alarm on its status.
 *
 * <p>The endpoint check probes the ALB's own DNS name, so no public record names the ALB: Route 53 sends that name
 * as Host (and SNI), HTTPS checks do not validate the certificate, and the ALB's health rule forwards only that
 * host and path to the application's health Service. A dead application therefore fails the check even though the
 * ingress controller still answers.
 */
public final class RegionalHealthCheck extends ComponentResource {

    public static final String TYPE = "latency-edge:regional:RegionalHealthCheck";

    /** The calculated check the latency record uses: it follows the endpoint check unless the Region drains. */
    @Export(name = "healthCheckId", refs = {String.class})
    public final Output<String> healthCheckId;
    @Export(name = "endpointHealthCheckId", refs = {String.class})
    public final Output<String> endpointHealthCheckId;

    /**
     * @param region          names every child
     * @param albDnsName      the ALB's own name, which the checkers probe
     * @param health          interval, threshold, path, checker Regions, drain
     * @param alarmTopicArn   SNS topic told when the check fails
     * @param metricsProvider a us-east-1 provider: Route 53 health-check metrics exist only there
     */
    public RegionalHealthCheck(String region, Output<String> albDnsName, HealthCheckSettings health,
                               Optional<String> alarmTopicArn, ProviderResource metricsProvider,
                               ComponentResourceOptions options) {
        super(TYPE, region + "-health-check", null, options);
        // Tag values hold only letters, digits, spaces and _ . : / = + - @ (Route 53 refuses anything else).
        var endpoint = new HealthCheck(region + "-endpoint", HealthCheckArgs.builder()
                .type("HTTPS")
                .fqdn(albDnsName)
                .port(443)
                .enableSni(true)
                .resourcePath(health.path())
                .requestInterval(health.requestInterval())
                .failureThreshold(health.failureThreshold())
                .regions(health.checkerRegions())
                .tags(Map.of("Name", region + " application health"))
                .build(), child().build());
        // A calculated check whose threshold exceeds its single child is always unhealthy: drain is a data-plane
        // switch that takes the Region out of rotation without touching a DNS record.
        var rotation = new HealthCheck(region + "-rotation", HealthCheckArgs.builder()
                .type("CALCULATED")
                .childHealthchecks(endpoint.id().applyValue(List::of))
                .childHealthThreshold(health.drain() ? 2 : 1)
                .tags(Map.of("Name", region + (health.drain() ? " drained" : " in rotation")))
                .build(), child().build());

        var alarm = MetricAlarmArgs.builder()
                .alarmDescription("Route 53 health check of the " + region + " application is failing")
                .namespace("AWS/Route53")
                .metricName("HealthCheckStatus")
                .dimensions(endpoint.id().applyValue(id -> Map.of("HealthCheckId", id)))
                .statistic("Minimum")
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("LessThanThreshold")
                .treatMissingData("breaching");
        alarmTopicArn.ifPresent(topic -> alarm.alarmActions(topic).okActions(topic));
        new MetricAlarm(region + "-health-alarm", alarm.build(), child().provider(metricsProvider).build());

        this.healthCheckId = rotation.id();
        this.endpointHealthCheckId = endpoint.id();
        registerOutputs(Map.of("healthCheckId", healthCheckId, "endpointHealthCheckId", endpointHealthCheckId));
    }

    private CustomResourceOptions.Builder child() {
        return CustomResourceOptions.builder().parent(this);
    }
}
