package dev.latencyedge.stackfiles;

import dev.latencyedge.plan.PlanException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A project or stack file's top-level map, or one line saying where and why it cannot be read. */
final class YamlDocument {

    private YamlDocument() {
    }

    static Map<?, ?> read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new PlanException(path + ": cannot read: " + e.getMessage());
        }
        // A key given twice would silently keep the last value; the CLI's YAML parser (go-yaml v3) refuses it.
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            var loaded = new Yaml(new SafeConstructor(options)).load(text);
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new PlanException(path + ": expected a YAML map at the top level");
            }
            return map;
        } catch (MarkedYAMLException e) {
            throw new PlanException(describe(path, e));
        } catch (YAMLException e) {
            throw new PlanException(path + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * {@code file:line:column: problem (context at line, column)}: the parser's own reason (a tab, a missing ':',
     * an unclosed quote) where it found it, and where the construct it was reading began. SnakeYAML's marks count
     * from 0; editors count from 1.
     */
    static String describe(Path path, MarkedYAMLException e) {
        var where = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        var out = new StringBuilder(path.toString());
        if (where != null) {
            out.append(':').append(where.getLine() + 1).append(':').append(where.getColumn() + 1);
        }
        out.append(": ").append(e.getProblem() != null ? e.getProblem() : e.getContext());
        if (e.getProblem() != null && e.getContext() != null) {
            out.append(" (").append(e.getContext());
            var context = e.getContextMark();
            if (context != null && !same(context, where)) {
                out.append(" that starts at line ").append(context.getLine() + 1).append(", column ")
                        .append(context.getColumn() + 1);
            }
            out.append(')');
        }
        return out.toString();
    }

    private static boolean same(Mark a, Mark b) {
        return b != null && a.getLine() == b.getLine() && a.getColumn() == b.getColumn();
    }
}
