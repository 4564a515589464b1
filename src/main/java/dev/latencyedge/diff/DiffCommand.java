package dev.latencyedge.diff;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.latencyedge.plan.PlanException;
import dev.latencyedge.plan.PlanSummary;
import dev.latencyedge.settings.AwsRegions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Comparator;
import java.util.TreeMap;

/**
 * {@code diff <base-plan-dir> <head-plan-dir> [--format text|markdown|json] [--fail-on replace|delete]}: what a
 * change would do, from the offline plans of two commits, with no credentials. Exit status: 0, or 4 when a
 * {@code --fail-on} gate is hit (a replacement, or a deletion, blocked ones included), 1 for unreadable plan
 * files.
 */
public final class DiffCommand {

    public static final int GATE_HIT = 4;

    private DiffCommand() {
    }

    /**
     * Compares two plan folders and prints the diff.
     *
     * @param format text, markdown or json
     * @param failOn the operations that fail the command (a blocked replacement or deletion counts as one)
     * @return 0, {@link #GATE_HIT} when a change of a {@code failOn} kind is planned, 1 when a folder cannot be
     *         read
     */
    public static int run(Path base, Path head, String format, List<PlanDiff.Op> failOn, PrintStream out,
                          PrintStream err) {
        PlanDiff.Result diff;
        try {
            diff = PlanDiff.compare(base, head);
        } catch (PlanException e) {
            err.println("diff failed: " + e.getMessage());
            return 1;
        }
        diff.warnings().forEach(w -> err.println("diff: warning: " + w));
        out.print(switch (format) {
            case "json" -> json(diff);
            case "markdown" -> markdown(diff, head);
            default -> text(diff);
        });
        var hit = diff.changes().stream().filter(c -> failOn.contains(c.op())).toList();
        if (!hit.isEmpty()) {
            var blocked = hit.stream().filter(c -> c.blocked().isPresent()).count();
            err.println("diff: " + hit.size() + " change(s) the gate refuses (--fail-on "
                    + String.join(", ", failOn.stream().map(DiffCommand::verb).toList()) + ")"
                    + (blocked > 0 ? ", " + blocked + " of them blocked by protection" : "")
                    + ", first " + verb(hit.get(0).op()) + " of " + hit.get(0).urn());
            return GATE_HIT;
        }
        return 0;
    }

    /** The fixed shape: every stack, with what happens to it and each change; warnings beside. */
    static String json(PlanDiff.Result diff) {
        var stacks = new JsonObject();
        diff.stacks().forEach((stack, stackDiff) -> {
            var list = new JsonArray();
            for (var change : stackDiff.changes()) {
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
                var paths = new JsonArray();
                change.replaceBecause().forEach(paths::add);
                c.add("replaceBecause", paths);
                c.addProperty("why", change.why());
                c.addProperty("blocked", change.blocked().isPresent());
                c.addProperty("allowedBy", change.blocked().map(Protection.Block::allowedBy).orElse(null));
                c.addProperty("retained", change.retained());
                list.add(c);
            }
            var entry = new JsonObject();
            entry.addProperty("op", stackDiff.op().name().toLowerCase(Locale.ROOT));
            entry.add("changes", list);
            stacks.add(stack, entry);
        });
        var root = new JsonObject();
        root.add("stacks", stacks);
        var warnings = new JsonArray();
        diff.warnings().forEach(warnings::add);
        root.add("warnings", warnings);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
    }

    static String text(PlanDiff.Result diff) {
        var out = new StringBuilder();
        diff.warnings().forEach(w -> out.append("warning: ").append(w).append("\n"));
        diff.stacks().forEach((stack, stackDiff) -> {
            out.append(stack).append(": ").append(switch (stackDiff.op()) {
                case CREATE -> "a new stack, ";
                case DELETE -> "the whole stack is deleted, ";
                default -> "";
            }).append(counts(stackDiff.changes())).append("\n");
            for (var change : stackDiff.changes()) {
                out.append("  ").append(symbol(change.op())).append(" ").append(verb(change.op()))
                        .append(change.blocked().isPresent() ? " (blocked)" : "").append(" ")
                        .append(change.type()).append(" ").append(change.name());
                if (!change.why().isEmpty()) {
                    out.append(" (").append(change.why()).append(")");
                }
                out.append("\n");
                change.properties().forEach(p -> out.append("      ").append(p.path()).append(": ")
                        .append(value(p.before())).append(" -> ").append(value(p.after())).append("\n"));
            }
        });
        return out.toString();
    }

    /**
     * One table per environment: a stack created or deleted whole is one row with its count, first; then
     * replacements and deletions of single resources, with why; then the head's picture of the environment with
     * the changed nodes marked.
     */
    static String markdown(PlanDiff.Result diff, Path headDir) {
        var byEnvironment = new TreeMap<String, List<String>>();
        diff.stacks().keySet().forEach(stack -> byEnvironment.computeIfAbsent(environmentOf(stack),
                e -> new ArrayList<>()).add(stack));
        var out = new StringBuilder("## Offline plan diff\n\n").append(PlanSummary.COUNTED).append("\n");
        diff.warnings().forEach(w -> out.append("\n> **Warning:** ").append(w).append("\n"));
        byEnvironment.forEach((env, stacks) -> {
            var rows = new ArrayList<Map.Entry<String, PlanDiff.Change>>();
            stacks.forEach(stack -> diff.stacks().get(stack).changes().forEach(c -> rows.add(Map.entry(stack, c))));
            rows.sort(Comparator.comparing((Map.Entry<String, PlanDiff.Change> r) -> r.getValue().op())
                    .thenComparing(Map.Entry::getKey).thenComparing(r -> r.getValue().urn()));
            out.append("\n### ").append(env).append(": ").append(counts(rows.stream().map(Map.Entry::getValue)
                    .toList())).append("\n\n");
            if (rows.isEmpty()) {
                out.append("No change.\n");
                return;
            }
            out.append("| Change | Stack | Resource | Type | Properties | Why |\n| --- | --- | --- | --- | --- | --- |\n");
            var whole = stacks.stream().filter(s -> diff.stacks().get(s).op() == PlanDiff.StackOp.DELETE).toList();
            var created = stacks.stream().filter(s -> diff.stacks().get(s).op() == PlanDiff.StackOp.CREATE).toList();
            whole.forEach(stack -> out.append(wholeStackRow(stack, diff.stacks().get(stack))));
            created.forEach(stack -> out.append(wholeStackRow(stack, diff.stacks().get(stack))));
            for (var row : rows) {
                if (whole.contains(row.getKey()) || created.contains(row.getKey())) {
                    continue;
                }
                var c = row.getValue();
                var op = verb(c.op());
                out.append("| ").append(c.op() == PlanDiff.Op.REPLACE || c.op() == PlanDiff.Op.DELETE ? "**" + op + "**" : op)
                        .append(c.blocked().isPresent() ? " (blocked)" : "")
                        .append(" | ").append(row.getKey()).append(" | `").append(c.name()).append("` | `")
                        .append(c.type()).append("` | ")
                        .append(String.join("<br>", c.properties().stream().map(p -> "`" + p.path() + "`: "
                                + cell(value(p.before())) + " &rarr; " + cell(value(p.after()))).toList()))
                        .append(" | ").append(c.why()).append(" |\n");
            }
            out.append(ChangePicture.section(headDir, env, rows));
        });
        return out.toString();
    }

    /** A stack created or deleted whole: one row, its resources counted, a deletion flagged with what it costs. */
    private static String wholeStackRow(String stack, PlanDiff.StackDiff stackDiff) {
        var changes = stackDiff.changes();
        if (stackDiff.op() == PlanDiff.StackOp.CREATE) {
            return "| create | " + stack + " | whole stack: " + changes.size() + " resources | | | a new stack |\n";
        }
        var why = new ArrayList<>(List.of("the whole stack is deleted"));
        var blocked = changes.stream().filter(c -> c.blocked().isPresent()).toList();
        if (!blocked.isEmpty()) {
            why.add(blocked.size() + " blocked (" + String.join(", ", blocked.stream().map(c -> "`" + c.name() + "`")
                    .toList()) + "): " + String.join("; ", blocked.stream().map(c -> c.blocked().get().reason())
                    .distinct().toList()));
        }
        var retained = changes.stream().filter(PlanDiff.Change::retained).count();
        if (retained > 0) {
            why.add(retained + " leave the stack but stay in AWS (retainOnDelete)");
        }
        return "| **delete** (whole stack" + (blocked.isEmpty() ? "" : ", blocked") + ") | " + stack
                + " | whole stack: " + changes.size() + " resources | | | " + String.join("; ", why) + " |\n";
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
        var blocked = changes.stream().filter(c -> c.blocked().isPresent()).count();
        if (blocked > 0) {
            parts.add(blocked + " blocked");
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
