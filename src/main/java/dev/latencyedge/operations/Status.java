package dev.latencyedge.operations;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code status <env>}: which Region serves viewers from where, right now, as Route 53 itself says. The zone and
 * the latency name come from the stack files; everything else is read from Route 53 (and, for metrics, CloudWatch).
 */
public final class Status {

    public enum Format { TEXT, JSON }

    private Status() {
    }

    /** The command: reads, prints, returns the exit status ({@link ExitStatus}). */
    public static int run(String env, Path configDir, Format format, List<String> clientIps,
                          Map<String, String> environment, PrintStream out, PrintStream err) {
        OperatedEnvironment target = null;
        try {
            target = OperatedEnvironment.read(configDir, env, environment);
            var vantages = VantagePoints.of(clientIps);
            try (var clients = new AwsClients(Route53RateLimiter.fromEnvironment(environment))) {
                var route53 = new Route53Reader(clients.route53());
                var report = read(target, route53, vantages, Optional.of(new MetricsReader(clients::cloudWatch,
                        Clock.systemUTC().instant())));
                out.print(format == Format.JSON ? report.json() + "\n" : report.text());
                return ExitStatus.OK;
            }
        } catch (OperationsException e) {
            err.println("status " + env + ": " + shown(target, e.getMessage()));
            return e.exitStatus();
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            err.println("status " + env + ": Route 53: " + shown(target, firstLine(e)));
            return ExitStatus.AWS_ERROR;
        }
    }

    /** Route 53's view of the environment, and CloudWatch's metrics when a reader is given. */
    static StatusReport read(OperatedEnvironment target, Route53Reader route53, Map<String, String> vantagePoints,
                             Optional<MetricsReader> metricsReader) {
        return read(target, route53, route53.publicZoneId(target.zone()), vantagePoints, metricsReader);
    }

    static StatusReport read(OperatedEnvironment target, Route53Reader route53, String zoneId,
                             Map<String, String> vantagePoints, Optional<MetricsReader> metricsReader) {
        var labels = route53.latencySet(zoneId, target.latencyName());
        var byRegion = new TreeMap<String, List<String>>();
        var checkByRegion = new TreeMap<String, String>();
        var albByRegion = new TreeMap<String, String>();
        for (var label : labels) {
            byRegion.computeIfAbsent(label.servingRegion(), r -> new ArrayList<>()).add(label.label());
            checkByRegion.putIfAbsent(label.servingRegion(), label.healthCheckId());
            if (!label.aliasDnsName().isEmpty()) {
                albByRegion.putIfAbsent(label.servingRegion(), label.aliasDnsName());
            }
        }
        var regions = new LinkedHashMap<String, RegionHealth>();
        byRegion.forEach((region, regionLabels) ->
                regions.put(region, RegionHealth.read(route53, region, regionLabels, checkByRegion.get(region))));
        var vantages = answers(route53, zoneId, target.latencyName(), vantagePoints);
        var metrics = metricsReader.map(m -> m.read(target.dashboardName(), albByRegion, checkByRegion));
        return new StatusReport(target.env(), target.shownName(), target.zone(), regions, vantages, metrics);
    }

    /** Route 53's TXT answer to each vantage point. */
    static Map<String, StatusReport.Vantage> answers(Route53Reader route53, String zoneId, String name,
                                                    Map<String, String> vantagePoints) {
        var vantages = new LinkedHashMap<String, StatusReport.Vantage>();
        vantagePoints.forEach((point, ip) -> {
            var answer = route53.answer(zoneId, name, ip);
            vantages.put(point, new StatusReport.Vantage(ip, answer.region(), answer.label(), answer.responseCode()));
        });
        return vantages;
    }

    /** A message as printed: a secret origin label never appears in it. */
    static String shown(OperatedEnvironment target, String message) {
        return target == null ? message : target.show(message);
    }

    static String firstLine(Exception e) {
        var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.startsWith("Unable to load credentials")) {
            // The SDK lists every provider it tried and why, hundreds of characters on one line.
            return "no AWS credentials: the SDK's default chain found none (AWS_PROFILE or AWS_ACCESS_KEY_ID, SSO,"
                    + " a container or instance role)";
        }
        return message.lines().findFirst().orElse("");
    }
}
