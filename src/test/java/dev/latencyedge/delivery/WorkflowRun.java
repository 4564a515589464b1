package dev.latencyedge.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which jobs of a workflow run, given how each job that runs ends, decided as GitHub Actions decides it, so that a
 * test asserts what a job's {@code if:} does rather than how it is spelt. The rules, from GitHub's docs
 * (docs.github.com/actions: "Evaluate expressions in workflows and actions", "Workflow syntax: jobs.<job_id>.if"
 * and "jobs.<job_id>.needs"):
 * <ul>
 *   <li>a job's {@code if} without a status function ({@code success()}, {@code failure()}, {@code cancelled()},
 *   {@code always()}) is evaluated as {@code success() && (if)}; no {@code if} is {@code success()};</li>
 *   <li>for a job, {@code success()} is true when every job it needs succeeded, so a job whose needed job failed,
 *   was cancelled or was skipped is skipped unless its condition says otherwise;</li>
 *   <li>the {@code needs} context holds only the jobs listed in {@code needs} ({@code result} is success, failure,
 *   cancelled or skipped; {@code outputs} are strings, empty when the job set none);</li>
 *   <li>{@code &&} and {@code ||} return an operand, falsy values are false, null, 0 and ''; string comparison
 *   ignores case.</li>
 * </ul>
 */
final class WorkflowRun {

    private final Map<String, Map<String, Object>> jobs;
    private final boolean cancelled;

    /** Results of the jobs decided so far, in the workflow's order. */
    final Map<String, String> results = new LinkedHashMap<>();

    WorkflowRun(Map<String, Map<String, Object>> jobs, boolean cancelled) {
        this.jobs = jobs;
        this.cancelled = cancelled;
    }

    /**
     * Runs the workflow's jobs in order (each needs only jobs above it).
     *
     * @param endings how a job that runs ends; success unless listed
     * @param outputs each job's outputs when it succeeded
     */
    Map<String, String> run(Map<String, String> endings, Map<String, Map<String, String>> outputs) {
        for (var entry : jobs.entrySet()) {
            var needs = needs(entry.getValue());
            var context = new LinkedHashMap<String, Object>();
            for (var need : needs) {
                var job = new LinkedHashMap<String, Object>();
                job.put("result", results.get(need));
                job.put("outputs", "success".equals(results.get(need)) ? outputs.getOrDefault(need, Map.of()) : Map.of());
                context.put(need, job);
            }
            var condition = entry.getValue().containsKey("if") ? String.valueOf(entry.getValue().get("if")) : "success()";
            if (!condition.matches("(?s).*\\b(success|failure|cancelled|always)\\(\\).*")) {
                condition = "success() && (" + condition + ")";
            }
            var runs = truthy(new Parser(condition, context, needs.stream().map(results::get).toList()).expression());
            results.put(entry.getKey(), runs ? endings.getOrDefault(entry.getKey(), "success") : "skipped");
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private static List<String> needs(Map<String, Object> job) {
        var needs = job.get("needs");
        return needs == null ? List.of() : needs instanceof List<?> list ? (List<String>) list : List.of((String) needs);
    }

    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !"".equals(value)
                && !(value instanceof Double d && d == 0);
    }

    /** A recursive-descent reader of the expression grammar the workflows use. */
    private final class Parser {
        private final String text;
        private final Map<String, Object> needs;
        private final List<String> needed;
        private int at;

        Parser(String text, Map<String, Object> needs, List<String> needed) {
            this.text = text.strip().replaceFirst("^\\$\\{\\{(.*)}}$", "$1");
            this.needs = needs;
            this.needed = needed;
        }

        Object expression() {
            var value = or();
            skip();
            if (at != text.length()) {
                throw new IllegalArgumentException("unexpected '" + text.substring(at) + "' in " + text);
            }
            return value;
        }

        private Object or() {
            var value = and();
            while (eat("||")) {
                var right = and();
                value = truthy(value) ? value : right;
            }
            return value;
        }

        private Object and() {
            var value = comparison();
            while (eat("&&")) {
                var right = comparison();
                value = truthy(value) ? right : value;
            }
            return value;
        }

        private Object comparison() {
            var left = unary();
            if (eat("==")) {
                return same(left, unary());
            }
            if (eat("!=")) {
                return !same(left, unary());
            }
            return left;
        }

        private boolean same(Object left, Object right) {
            return left instanceof String l && right instanceof String r ? l.equalsIgnoreCase(r)
                    : java.util.Objects.equals(left, right);
        }

        private Object unary() {
            if (eat("!")) {
                return !truthy(unary());
            }
            if (eat("(")) {
                var value = or();
                expect(")");
                return value;
            }
            skip();
            if (text.startsWith("'", at)) {
                var end = text.indexOf('\'', at + 1);
                var literal = text.substring(at + 1, end);
                at = end + 1;
                return literal;
            }
            var start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "-_.".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            var name = text.substring(start, at);
            if (eat("(")) {
                expect(")");
                return switch (name) {
                    case "success" -> !cancelled && needed.stream().allMatch("success"::equals);
                    case "failure" -> needed.stream().anyMatch("failure"::equals);
                    case "cancelled" -> cancelled;
                    case "always" -> true;
                    default -> throw new IllegalArgumentException("unknown function " + name);
                };
            }
            return switch (name) {
                case "true" -> true;
                case "false" -> false;
                case "null" -> null;
                default -> lookUp(name);
            };
        }

        @SuppressWarnings("unchecked")
        private Object lookUp(String path) {
            var parts = new ArrayList<>(List.of(path.split("\\.")));
            if (!parts.remove(0).equals("needs")) {
                throw new IllegalArgumentException("only the needs context is modelled: " + path);
            }
            Object value = needs;
            for (var part : parts) {
                value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(part) : null;
            }
            // A missing output reads as the empty string, as GitHub's does.
            return value == null && path.contains(".outputs.") ? "" : value;
        }

        private boolean eat(String token) {
            skip();
            if (text.startsWith(token, at) && !(token.equals("!") && text.startsWith("!=", at))) {
                at += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!eat(token)) {
                throw new IllegalArgumentException("expected " + token + " at " + at + " in " + text);
            }
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
