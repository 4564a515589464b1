package dev.latencyedge.diff;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.latencyedge.plan.PlanException;
import dev.latencyedge.settings.AwsRegions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code diff <base-plan-dir> <head-plan-dir> [--format text|markdown|json] [--fail-on replace|delete]}: what a
 * change would do, from the offline plans of two commits, with no credentials. Exit status: 0, or 4 when a
 * {@code --fail-on} gate is hit (a replacement, or a deletion), 1 for unreadable plan files.
 */
public final class DiffCommand {

    public static final int GATE_HIT = 4;

    private DiffCommand() {
    }

    /** @param format text, markdown or json; @param failOn the operations that fail the command */
    public static int run(Path base, Path head, String format, List<PlanDiff.Op> failOn, PrintStream out,
                          PrintStream err) {
        SortedMap<String, List<PlanDiff.Change>> diff;
        try {
            diff = PlanDiff.compare(base, head);
        } catch (PlanException e) {
            err.println("diff failed: " + e.getMessage());
            return 1;
        }
        out.print(switch (format) {
            case "json" -> json(diff);
            case "markdown" -> markdown(diff);
            default -> text(diff);
        });
        var hit = diff.values().stream().flatMap(List::stream).filter(c -> failOn.contains(c.op())).toList();
        if (!hit.isEmpty()) {
            err.println("diff: " + hit.size() + " change(s) the gate refuses (--fail-on "
                    + String.join(", ", failOn.stream().map(DiffCommand::verb).toList())
                    + "), first " + verb(hit.get(0).op()) + " of " + hit.get(0).urn());
            return GATE_HIT;
        }
        return 0;
    }

    static String json(SortedMap<String, List<PlanDiff.Change>> diff) {
        var stacks = new JsonObject();
        diff.forEach((stack, changes) -> {
            var list = new JsonArray();
            for (var change : changes) {
                var c = new JsonObject();
                c.addProperty("urn", change.urn());
                c.addProperty("type", change.type());
                c.addProperty("op", verb(change.op()));
                var properties = new JsonArray();
                for (var p : change.properties()) {
                    var property = new JsonObject();
                    property.addProperty("path", p.path());
                    property.add("before", p.before());
                    property.add("after", p.after());
                    properties.add(property);
                }
                c.add("properties", properties);
                var why = new JsonArray();
                change.replaceBecause().forEach(why::add);
                c.add("replaceBecause", why);
                list.add(c);
            }
            var entry = new JsonObject();
            entry.add("changes", list);
            stacks.add(stack, entry);
        });
        var root = new JsonObject();
        root.add("stacks", stacks);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
    }

    static String text(SortedMap<String, List<PlanDiff.Change>> diff) {
        var out = new StringBuilder();
        diff.forEach((stack, changes) -> {
            out.append(stack).append(": ").append(counts(changes)).append("\n");
            for (var change : changes) {
                out.append("  ").append(symbol(change.op())).append(" ").append(verb(change.op())).append(" ")
                        .append(change.type()).append(" ").append(change.name());
                if (!change.replaceBecause().isEmpty()) {
                    out.append(" (").append(String.join("; ", change.replaceBecause())).append(")");
                }
                out.append("\n");
                change.properties().forEach(p -> out.append("      ").append(p.path()).append(": ")
                        .append(value(p.before())).append(" -> ").append(value(p.after())).append("\n"));
            }
        });
        return out.toString();
    }

    /** One table per environment, replacements and deletions of live resources first, with why. */
    static String markdown(SortedMap<String, List<PlanDiff.Change>> diff) {
        var byEnvironment = new TreeMap<String, List<Map.Entry<String, PlanDiff.Change>>>();
        diff.forEach((stack, changes) -> {
            var env = environmentOf(stack);
            var rows = byEnvironment.computeIfAbsent(env, e -> new ArrayList<>());
            changes.forEach(c -> rows.add(Map.entry(stack, c)));
        });
        var out = new StringBuilder("## Offline plan diff\n");
        byEnvironment.forEach((env, rows) -> {
            rows.sort(java.util.Comparator.comparing((Map.Entry<String, PlanDiff.Change> r) -> r.getValue().op())
                    .thenComparing(Map.Entry::getKey).thenComparing(r -> r.getValue().urn()));
            out.append("\n### ").append(env).append(": ").append(counts(rows.stream().map(Map.Entry::getValue).toList()))
                    .append("\n\n");
            if (rows.isEmpty()) {
                out.append("No change.\n");
                return;
            }
            out.append("| Change | Stack | Resource | Type | Properties | Why |\n| --- | --- | --- | --- | --- | --- |\n");
            // A stack created whole (a new Region) is one row, not one per resource.
            var wholeNew = new java.util.TreeSet<String>();
            diff.forEach((stack, changes) -> {
                if (environmentOf(stack).equals(env) && changes.size() > 1
                        && changes.stream().allMatch(c -> c.op() == PlanDiff.Op.CREATE)) {
                    wholeNew.add(stack);
                    out.append("| create | ").append(stack).append(" | ").append(changes.size())
                            .append(" resources | | | a new stack |\n");
                }
            });
            for (var row : rows) {
                if (wholeNew.contains(row.getKey())) {
                    continue;
                }
                var c = row.getValue();
                var op = verb(c.op());
                out.append("| ").append(c.op() == PlanDiff.Op.REPLACE || c.op() == PlanDiff.Op.DELETE ? "**" + op + "**" : op)
                        .append(" | ").append(row.getKey()).append(" | `").append(c.name()).append("` | `")
                        .append(c.type()).append("` | ")
                        .append(String.join("<br>", c.properties().stream().map(p -> "`" + p.path() + "`: "
                                + cell(value(p.before())) + " &rarr; " + cell(value(p.after()))).toList()))
                        .append(" | ").append(c.op() == PlanDiff.Op.DELETE ? "deleted by this change"
                                : String.join("; ", c.replaceBecause())).append(" |\n");
            }
        });
        return out.toString();
    }

    /** A regional stack {@code <env>-<region>} belongs to {@code <env>}; a global stack is its environment. */
    static String environmentOf(String stack) {
        return AwsRegions.CODES.stream().filter(region -> stack.endsWith("-" + region) && stack.length() > region.length() + 1)
                .findFirst().map(region -> stack.substring(0, stack.length() - region.length() - 1)).orElse(stack);
    }

    private static String counts(List<PlanDiff.Change> changes) {
        if (changes.isEmpty()) {
            return "no change";
        }
        var parts = new ArrayList<String>();
        for (var op : PlanDiff.Op.values()) {
            var n = changes.stream().filter(c -> c.op() == op).count();
            if (n > 0) {
                parts.add(n + " to " + verb(op));
            }
        }
        return String.join(", ", parts);
    }

    private static String verb(PlanDiff.Op op) {
        return op.name().toLowerCase(Locale.ROOT);
    }

    private static String symbol(PlanDiff.Op op) {
        return switch (op) {
            case CREATE -> "+";
            case UPDATE -> "~";
            case REPLACE -> "+-";
            case DELETE -> "-";
        };
    }

    private static String value(JsonElement element) {
        return element == null || element.isJsonNull() ? "(none)" : element.toString();
    }

    private static String cell(String text) {
        var shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return "`" + shown.replace("|", "\\|").replace("`", "'") + "`";
    }
}
