package dev.latencyedge.operations;

import dev.latencyedge.settings.AwsRegions;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Route 53 itself says about an environment: its hosted zone, the live latency set of the origin name, the
 * health checks and their checkers' observations, and which record it answers a client with. Read-only except
 * {@link #setInverted}, which the drill uses.
 */
public final class Route53Reader {

    /** The TXT value the global stack writes beside each alias (edge/LatencyOrigin, fixed). */
    private static final Pattern TXT = Pattern.compile("\"?latency-edge label=(\\S+) region=(\\S+?)\"?");

    /**
     * One latency label of the origin name as Route 53 holds it.
     *
     * @param label          set identifier and latency Region
     * @param servingRegion  the Region whose ALB the alias targets (from the ALB's canonical zone), or the TXT
     *                       record's region when there is no alias
     * @param healthCheckId  the record's health check (the Region's calculated check), empty when none
     * @param aliasDnsName   the ALB's name, empty when no alias record has this label
     * @param hasTxt         whether the TXT record of the label exists (status maps answers through it)
     */
    public record LatencyLabel(String label, String servingRegion, String healthCheckId, String aliasDnsName,
                               boolean hasTxt) {
    }

    /** A health check's configuration, as GetHealthCheck returns it. */
    public record Check(String id, long version, String type, boolean inverted, boolean disabled,
                        List<String> children, int healthThreshold) {
        public boolean calculated() {
            return "CALCULATED".equals(type);
        }
    }

    /** One checker Region's last observation of an endpoint check. */
    public record Observation(String checkerRegion, String status, java.time.Instant checkedTime) {
        /** Route 53's status lines start with "Success" or "Failure" (API reference, StatusReport). */
        public boolean healthy() {
            return status.startsWith("Success");
        }
    }

    /** Route 53's answer to a TXT query of the origin name from a client address. */
    public record Answer(String responseCode, Optional<String> label, Optional<String> region) {
    }

    private final Route53Client route53;

    public Route53Reader(Route53Client route53) {
        this.route53 = route53;
    }

    /** The public hosted zone of this name (ListHostedZonesByName starts at the name; the first match is it). */
    public String publicZoneId(String zone) {
        var wanted = absolute(zone);
        var zones = route53.listHostedZonesByName(r -> r.dnsName(wanted).maxItems("10")).hostedZones();
        return zones.stream()
                .filter(z -> z.name().equalsIgnoreCase(wanted))
                .filter(z -> z.config() == null || !Boolean.TRUE.equals(z.config().privateZone()))
                .map(z -> z.id().replaceFirst("^/hostedzone/", ""))
                .findFirst()
                .orElseThrow(() -> new OperationsException(ExitStatus.AWS_ERROR,
                        "Route 53 has no public hosted zone " + zone + " in this account"));
    }

    /** The latency set (A aliases and TXT records) of the name, by label. */
    public List<LatencyLabel> latencySet(String zoneId, String name) {
        var wanted = absolute(name);
        var sets = new ArrayList<ResourceRecordSet>();
        String startName = wanted;
        RRType startType = null;
        String startIdentifier = null;
        while (true) {
            var fromName = startName;
            var fromType = startType;
            var fromIdentifier = startIdentifier;
            var page = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName(fromName)
                    .startRecordType(fromType).startRecordIdentifier(fromIdentifier));
            var past = false;
            for (var set : page.resourceRecordSets()) {
                if (!set.name().equalsIgnoreCase(wanted)) {
                    past = true;
                    break;
                }
                sets.add(set);
            }
            if (past || !Boolean.TRUE.equals(page.isTruncated())) {
                break;
            }
            startName = page.nextRecordName();
            startType = page.nextRecordType();
            startIdentifier = page.nextRecordIdentifier();
        }
        return labels(sets, name);
    }

    private static List<LatencyLabel> labels(List<ResourceRecordSet> sets, String name) {
        var byLabel = new java.util.TreeMap<String, LatencyLabel>();
        for (var set : sets) {
            if (set.region() == null && set.regionAsString() == null) {
                continue;
            }
            var label = set.regionAsString();
            var known = byLabel.get(label);
            if (set.type() == RRType.A && set.aliasTarget() != null) {
                var serving = AwsRegions.regionOfAlbZone(set.aliasTarget().hostedZoneId())
                        .orElse(known == null ? "" : known.servingRegion());
                byLabel.put(label, new LatencyLabel(label, serving, orEmpty(set.healthCheckId()),
                        set.aliasTarget().dnsName(), known != null && known.hasTxt()));
            } else if (set.type() == RRType.TXT) {
                var txtRegion = set.resourceRecords().stream().map(ResourceRecord::value).map(TXT::matcher)
                        .filter(java.util.regex.Matcher::matches).map(m -> m.group(2)).findFirst().orElse("");
                byLabel.put(label, known == null
                        ? new LatencyLabel(label, txtRegion, orEmpty(set.healthCheckId()), "", true)
                        : new LatencyLabel(label, known.servingRegion(), known.healthCheckId(), known.aliasDnsName(),
                        true));
            }
        }
        if (byLabel.isEmpty()) {
            throw new OperationsException(ExitStatus.AWS_ERROR, "Route 53 has no latency records named " + name
                    + " in the zone: deploy the global stack first");
        }
        return List.copyOf(byLabel.values());
    }

    public Check healthCheck(String id) {
        HealthCheck check = route53.getHealthCheck(r -> r.healthCheckId(id)).healthCheck();
        var config = check.healthCheckConfig();
        return new Check(check.id(), check.healthCheckVersion(), config.typeAsString(),
                Boolean.TRUE.equals(config.inverted()), Boolean.TRUE.equals(config.disabled()),
                List.copyOf(config.childHealthChecks()),
                config.healthThreshold() == null ? 0 : config.healthThreshold());
    }

    /** Each checker Region's last observation (endpoint checks only: Route 53 refuses this for calculated ones). */
    public List<Observation> observations(String endpointCheckId) {
        return route53.getHealthCheckStatus(r -> r.healthCheckId(endpointCheckId)).healthCheckObservations()
                .stream()
                .map(o -> new Observation(o.regionAsString(),
                        o.statusReport() == null ? "" : orEmpty(o.statusReport().status()),
                        o.statusReport() == null || o.statusReport().checkedTime() == null ? java.time.Instant.EPOCH
                                : o.statusReport().checkedTime()))
                .toList();
    }

    /** Route 53's TXT answer for the name to a client at this address (TestDNSAnswer, EDNS0 client subnet). */
    public Answer answer(String zoneId, String name, String clientIp) {
        var response = route53.testDNSAnswer(r -> r.hostedZoneId(zoneId).recordName(name).recordType(RRType.TXT)
                .edns0ClientSubnetIP(clientIp));
        for (var data : response.recordData()) {
            var matcher = TXT.matcher(data.trim());
            if (matcher.matches()) {
                return new Answer(response.responseCode(), Optional.of(matcher.group(1)), Optional.of(matcher.group(2)));
            }
        }
        return new Answer(response.responseCode(), Optional.empty(), Optional.empty());
    }

    /** Inverts (or un-inverts) a check, refused by Route 53 if someone changed it since {@code version}. */
    public void setInverted(String id, boolean inverted, long version) {
        route53.updateHealthCheck(r -> r.healthCheckId(id).inverted(inverted).healthCheckVersion(version));
    }

    private static String absolute(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
