package dev.latencyedge.delivery;

import java.util.List;

/** The one table the fleet ends with: stack, operation, result, resource counts, duration. */
public final class SummaryTable {

    private static final String FORMAT = "%-24s %-8s %-10s %8s %8s %8s %10s %9s%n";

    private SummaryTable() {
    }

    public static String render(List<StackResult> results) {
        var table = new StringBuilder(String.format(FORMAT, "STACK", "OP", "RESULT", "CREATED", "UPDATED",
                "DELETED", "UNCHANGED", "DURATION"));
        for (var r : results) {
            table.append(String.format(FORMAT, r.stack(), r.operation().command(), r.status().name().toLowerCase(),
                    r.created(), r.updated(), r.deleted(), r.unchanged(),
                    String.format("%.1fs", r.duration().toMillis() / 1000.0)));
        }
        results.stream().filter(r -> r.status() == StackResult.Status.FAILED).forEach(r ->
                table.append(r.stack()).append(" failed: ").append(r.error()).append('\n'));
        return table.toString();
    }
}
