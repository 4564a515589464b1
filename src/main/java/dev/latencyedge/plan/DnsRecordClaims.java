package dev.latencyedge.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Who writes which DNS record. Route 53 keeps one record per zone, name, type and set identifier: a second stack
 * creating the same one fails ("record already exists"), or with {@code allowOverwrite} silently takes it over.
 * Only a deliberately shared, identical record may be written by several stacks: ACM's validation records, which
 * are the same for every certificate of a name in one account, and are written with {@code allowOverwrite}.
 * Checked over one environment's stacks and over several environments at once (they share the zone).
 */
public final class DnsRecordClaims {

    static final String RECORD_TYPE = "aws:route53/record:Record";

    /** One record's identity in Route 53. */
    record Key(String zoneId, String name, String type, String setIdentifier) {
        @Override
        public String toString() {
            return name + " " + type + (setIdentifier.isEmpty() ? "" : " (set identifier " + setIdentifier + ")")
                    + " in zone " + zoneId;
        }
    }

    private record Claim(String stack, PlannedResource record) {
    }

    private DnsRecordClaims() {
    }

    /** Every record two stacks (or two resources) would both write, described for a person; empty when none. */
    public static List<String> clashes(Collection<EvaluatedStack> stacks) {
        var claims = new TreeMap<Key, List<Claim>>(Comparator.comparing(Key::toString));
        for (var stack : stacks) {
            for (var resource : stack.resources()) {
                if (resource.type().equals(RECORD_TYPE)) {
                    claims.computeIfAbsent(keyOf(resource.inputs()), k -> new ArrayList<>())
                            .add(new Claim(stack.stackName(), resource));
                }
            }
        }
        var clashes = new ArrayList<String>();
        claims.forEach((key, writers) -> {
            if (writers.size() > 1 && !sharedAndIdentical(writers)) {
                clashes.add(writers.get(0).stack() + " (" + writers.get(0).record().name() + ") and "
                        + writers.get(1).stack() + " (" + writers.get(1).record().name() + ") both write "
                        + key + "; Route 53 would refuse the second (record already exists), or with"
                        + " allowOverwrite let one stack take over the other's record");
            }
        });
        return List.copyOf(clashes);
    }

    /** Refuses, naming both stacks and the record, when any record is written twice. */
    public static void verify(Collection<EvaluatedStack> stacks) {
        var clashes = clashes(stacks);
        if (!clashes.isEmpty()) {
            throw new PlanException("DNS records written by more than one stack:\n  " + String.join("\n  ", clashes));
        }
    }

    static Key keyOf(Map<String, Object> in) {
        var name = String.valueOf(in.get("name")).toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return new Key(String.valueOf(in.get("zoneId")), name, String.valueOf(in.get("type")),
                in.get("setIdentifier") == null ? "" : String.valueOf(in.get("setIdentifier")));
    }

    private static boolean sharedAndIdentical(List<Claim> writers) {
        var first = writers.get(0).record().inputs();
        return writers.stream().map(w -> w.record().inputs()).allMatch(in ->
                Boolean.TRUE.equals(in.get("allowOverwrite"))
                        && Objects.equals(in.get("records"), first.get("records"))
                        && Objects.equals(in.get("ttl"), first.get("ttl"))
                        && Objects.equals(in.get("aliases"), first.get("aliases")));
    }
}
