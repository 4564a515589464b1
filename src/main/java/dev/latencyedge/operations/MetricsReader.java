package dev.latencyedge.operations;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.latencyedge.settings.AwsRegions;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The last 15 minutes from CloudWatch (GetMetricData): the distribution's requests and 5xx rate, each Region's ALB
 * 5xx count and p90 target response time, and Route 53's own HealthCheckStatus of each Region's check. Every part
 * that cannot be read becomes "unavailable: reason"; the Route 53 part of a report never depends on it.
 *
 * <p>Where the dimensions come from: CloudFront's {@code DistributionId} is not in Route 53 (its alias names the
 * distribution's domain, not its id), so it is read from the environment's dashboard {@code <env>-latency-edge}
 * (GetDashboard), whose widgets name it. An ALB's {@code LoadBalancer} dimension ({@code app/<name>/<id>}) is not
 * its DNS name either: the name is the DNS name's first label less its {@code -<number>} suffix (ELB's naming),
 * and ListMetrics gives the one dimension value with that name (ALB names are unique per account and Region).
 */
public final class MetricsReader {

    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int WINDOW_SECONDS = (int) WINDOW.toSeconds();
    private static final String UNAVAILABLE = "unavailable: ";

    private final Function<String, CloudWatchClient> cloudWatch;
    private final Instant now;

    public MetricsReader(Function<String, CloudWatchClient> cloudWatch, Instant now) {
        this.cloudWatch = cloudWatch;
        this.now = now.truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * @param dashboard     the environment's dashboard, naming the distribution
     * @param albByRegion   serving Region -> its ALB's DNS name (from the alias records)
     * @param checkByRegion serving Region -> the records' health check id
     */
    public Map<String, Object> read(String dashboard, Map<String, String> albByRegion,
                                    Map<String, String> checkByRegion) {
        var metrics = new LinkedHashMap<String, Object>();
        metrics.put("window", "the last " + WINDOW.toMinutes() + " minutes to " + now);
        metrics.put("cloudfront", part(() -> cloudFront(dashboard)));
        var regions = new LinkedHashMap<String, Object>();
        albByRegion.forEach((region, alb) -> regions.put(region, part(() -> alb(region, alb))));
        metrics.put("regions", regions);
        metrics.put("healthCheckStatus", part(() -> healthCheckStatus(checkByRegion)));
        return metrics;
    }

    private static Object part(Supplier<Object> reader) {
        try {
            return reader.get();
        } catch (SdkException | OperationsException e) {
            var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return UNAVAILABLE + message.lines().findFirst().orElse("");
        }
    }

    private Object cloudFront(String dashboard) {
        var id = distributionId(dashboard).orElseThrow(() -> new OperationsException(ExitStatus.AWS_ERROR,
                "dashboard " + dashboard + " names no DistributionId"));
        var dimensions = List.of(dimension("DistributionId", id), dimension("Region", "Global"));
        var results = query(AwsRegions.US_EAST_1, List.of(
                stat("requests", "AWS/CloudFront", "Requests", dimensions, "Sum"),
                stat("errors", "AWS/CloudFront", "5xxErrorRate", dimensions, "Average")));
        var out = new LinkedHashMap<String, Object>();
        out.put("distributionId", id);
        out.put("requests", sum(results.get("requests")));
        out.put("5xxErrorRatePercent", first(results.get("errors")));
        return out;
    }

    /** The DistributionId of the first CloudFront metric the dashboard's widgets draw. */
    Optional<String> distributionId(String dashboard) {
        var body = cloudWatch.apply(AwsRegions.US_EAST_1).getDashboard(r -> r.dashboardName(dashboard)).dashboardBody();
        return findDimension(JsonParser.parseString(body), "DistributionId");
    }

    private static Optional<String> findDimension(JsonElement element, String name) {
        if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            for (int i = 0; i + 1 < array.size(); i++) {
                var item = array.get(i);
                var next = array.get(i + 1);
                if (item.isJsonPrimitive() && name.equals(item.getAsString()) && next.isJsonPrimitive()) {
                    return Optional.of(next.getAsString());
                }
            }
            for (var item : array) {
                var found = findDimension(item, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (element.isJsonObject()) {
            for (var entry : element.getAsJsonObject().entrySet()) {
                var found = findDimension(entry.getValue(), name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Object alb(String region, String albDnsName) {
        var dimension = loadBalancerDimension(region, albDnsName);
        var dimensions = List.of(dimension("LoadBalancer", dimension));
        var results = query(region, List.of(
                stat("elb5xx", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", dimensions, "Sum"),
                stat("target5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dimensions, "Sum"),
                stat("p90", "AWS/ApplicationELB", "TargetResponseTime", dimensions, "p90")));
        var out = new LinkedHashMap<String, Object>();
        out.put("loadBalancer", dimension);
        out.put("5xx", sum(results.get("elb5xx")) + sum(results.get("target5xx")));
        out.put("p90TargetResponseTimeSeconds", first(results.get("p90")));
        return out;
    }

    /** ELB names its DNS name {@code <name>-<number>.<region>.elb.amazonaws.com} (internal ones start internal-). */
    static String albName(String albDnsName) {
        var first = albDnsName.toLowerCase(java.util.Locale.ROOT).replaceFirst("^dualstack\\.", "").split("\\.")[0];
        return first.replaceFirst("^internal-", "").replaceFirst("-\\d+$", "");
    }

    private String loadBalancerDimension(String region, String albDnsName) {
        var name = albName(albDnsName);
        var prefix = "app/" + name + "/";
        for (var metric : cloudWatch.apply(region).listMetricsPaginator(r -> r.namespace("AWS/ApplicationELB")
                .metricName("RequestCount").dimensions(DimensionFilter.builder().name("LoadBalancer").build()))
                .metrics()) {
            for (var d : metric.dimensions()) {
                if (d.name().equals("LoadBalancer") && d.value().toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
                    return d.value();
                }
            }
        }
        throw new OperationsException(ExitStatus.AWS_ERROR, "no AWS/ApplicationELB metrics of " + name + " in "
                + region);
    }

    private Object healthCheckStatus(Map<String, String> checkByRegion) {
        var queries = new ArrayList<MetricDataQuery>();
        var ids = new LinkedHashMap<String, String>();
        checkByRegion.forEach((region, check) -> {
            if (!check.isEmpty()) {
                var id = "h" + ids.size();
                ids.put(region, id);
                queries.add(stat(id, "AWS/Route53", "HealthCheckStatus",
                        List.of(dimension("HealthCheckId", check)), "Minimum", 60));
            }
        });
        var results = queries.isEmpty() ? Map.<String, MetricDataResult>of() : query(AwsRegions.US_EAST_1, queries);
        var out = new LinkedHashMap<String, Object>();
        ids.forEach((region, id) -> out.put(region, first(results.get(id))));
        return out;
    }

    private Map<String, MetricDataResult> query(String region, List<MetricDataQuery> queries) {
        var results = new LinkedHashMap<String, MetricDataResult>();
        String token = null;
        do {
            var next = token;
            var response = cloudWatch.apply(region).getMetricData(r -> r.metricDataQueries(queries)
                    .startTime(now.minus(WINDOW)).endTime(now).nextToken(next));
            for (var result : response.metricDataResults()) {
                results.merge(result.id(), result, (a, b) -> a.toBuilder()
                        .values(concat(a.values(), b.values())).timestamps(concat(a.timestamps(), b.timestamps()))
                        .build());
            }
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return results;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static MetricDataQuery stat(String id, String namespace, String metric, List<Dimension> dimensions,
                                        String stat) {
        return stat(id, namespace, metric, dimensions, stat, WINDOW_SECONDS);
    }

    private static MetricDataQuery stat(String id, String namespace, String metric, List<Dimension> dimensions,
                                        String stat, int period) {
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s
                .metric(m -> m.namespace(namespace).metricName(metric).dimensions(dimensions))
                .stat(stat).period(period)).build();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    /** The sum of a count's data points; no data point means nothing was counted. */
    private static double sum(MetricDataResult result) {
        return result == null ? 0 : result.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The newest data point (GetMetricData returns newest first by default), null when there is none. */
    private static Double first(MetricDataResult result) {
        if (result == null || result.values().isEmpty()) {
            return null;
        }
        var newest = 0;
        for (int i = 1; i < result.timestamps().size(); i++) {
            if (result.timestamps().get(i).isAfter(result.timestamps().get(newest))) {
                newest = i;
            }
        }
        return result.values().get(newest);
    }
}
