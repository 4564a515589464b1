package dev.latencyedge.fakecloud;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.latencyedge.settings.AwsLimits;

import java.util.List;
import java.util.Map;

/**
 * What PutDashboard refuses. CloudWatch answers a bad body with {@code InvalidParameterInput} and one validation
 * message per problem, each naming its place in the body as a data path ({@code /widgets/3/properties}); so does
 * this. Rules, and their sources (CloudWatch API reference unless said otherwise):
 * <ul>
 *   <li>the name: PutDashboard, "DashboardName": at most 255 characters of A-Z, a-z, 0-9, "-" and "_";</li>
 *   <li>the body: PutDashboard, "DashboardBody": a string in JSON format; Dashboard Body Structure and Syntax,
 *       "Overall Structure": it must include a {@code widgets} array of 0 to 500 widgets;</li>
 *   <li>each widget ("Widgets Array Structure"): {@code type} required, one of metric, text, log, alarm,
 *       explorer; {@code x} 0-23 and required with {@code y}, {@code y} 0 or more and required with {@code x};
 *       {@code width} 1-24; {@code height} 1-1000; {@code properties} an object, required;</li>
 *   <li>a metric widget ("Properties of a Metric Widget Object"): {@code region} required; {@code metrics}
 *       required unless {@code annotations} is given, 0 to 500 entries; {@code period} a multiple of 60, at
 *       least 60 (at most 86,400: CloudWatch service quotas, "Period");</li>
 *   <li>each metric ("Metric Widget: Format for Each Metric in the Array"): an array, either
 *       {@code [{expression...}]} or {@code [Namespace, MetricName, (DimensionName, DimensionValue)..., {rendering
 *       properties}]}, namespace and metric name strings ("." repeats the previous one, so not in the first),
 *       every dimension name with its value; at most 10 dimensions (service quotas, "Dimensions");</li>
 *   <li>a text widget ("Properties of a Text Widget Object"): {@code markdown} required;</li>
 *   <li>at most 2500 metrics on a dashboard, across its widgets (service quotas, "Dashboards").</li>
 * </ul>
 * The API reference publishes no limit on the body's size, so none is checked.
 */
final class DashboardRefusals {

    private DashboardRefusals() {
    }

    static void check(Map<String, Object> in, List<String> problems) {
        var name = String.valueOf(in.get("dashboardName"));
        if (name.isEmpty() || name.length() > AwsLimits.DASHBOARD_NAME
                || !name.matches(AwsLimits.DASHBOARD_NAME_CHARACTERS)) {
            problems.add("InvalidParameterInput: the dashboard name \"" + name + "\" must be 1 to "
                    + AwsLimits.DASHBOARD_NAME + " characters of A-Z a-z 0-9 - _");
        }
        JsonElement body;
        try {
            body = JsonParser.parseString(String.valueOf(in.get("dashboardBody")));
        } catch (RuntimeException e) {
            problems.add("InvalidParameterInput: the dashboard body is not JSON (" + e.getMessage() + ")");
            return;
        }
        if (!body.isJsonObject() || !body.getAsJsonObject().has("widgets")
                || !body.getAsJsonObject().get("widgets").isJsonArray()) {
            problems.add(invalid("", "the body must be an object with a widgets array"));
            return;
        }
        var widgets = body.getAsJsonObject().getAsJsonArray("widgets");
        if (widgets.size() > AwsLimits.DASHBOARD_WIDGETS) {
            problems.add(invalid("/widgets", widgets.size() + " widgets, at most " + AwsLimits.DASHBOARD_WIDGETS));
        }
        var metrics = 0;
        for (int i = 0; i < widgets.size(); i++) {
            metrics += widget("/widgets/" + i, widgets.get(i), problems);
        }
        if (metrics > AwsLimits.DASHBOARD_METRICS) {
            problems.add(invalid("/widgets", metrics + " metrics on the dashboard, at most "
                    + AwsLimits.DASHBOARD_METRICS));
        }
    }

    /** Checks one widget; returns how many metrics it shows. */
    private static int widget(String path, JsonElement element, List<String> problems) {
        if (!element.isJsonObject()) {
            problems.add(invalid(path, "a widget must be an object"));
            return 0;
        }
        var widget = element.getAsJsonObject();
        var type = string(widget, "type");
        if (type == null || !AwsLimits.DASHBOARD_WIDGET_TYPES.contains(type)) {
            problems.add(invalid(path + "/type", "must be one of " + AwsLimits.DASHBOARD_WIDGET_TYPES.stream()
                    .sorted().toList() + ", got " + widget.get("type")));
        }
        if (widget.has("x") != widget.has("y")) {
            problems.add(invalid(path, "x and y are given together or not at all"));
        }
        range(widget, "x", 0, AwsLimits.DASHBOARD_GRID_COLUMNS - 1, path, problems);
        range(widget, "y", 0, Integer.MAX_VALUE, path, problems);
        range(widget, "width", 1, AwsLimits.DASHBOARD_GRID_COLUMNS, path, problems);
        range(widget, "height", 1, AwsLimits.DASHBOARD_WIDGET_HEIGHT_MAX, path, problems);
        if (!(widget.get("properties") instanceof JsonObject properties)) {
            problems.add(invalid(path + "/properties", "is required and must be an object"));
            return 0;
        }
        if ("text".equals(type) && string(properties, "markdown") == null) {
            problems.add(invalid(path + "/properties/markdown", "is required for a text widget"));
        }
        return "metric".equals(type) ? metricWidget(path + "/properties", properties, problems) : 0;
    }

    private static int metricWidget(String path, JsonObject properties, List<String> problems) {
        if (string(properties, "region") == null) {
            problems.add(invalid(path + "/region", "is required for a metric widget"));
        }
        period(properties, path + "/period", problems);
        if (!properties.has("metrics")) {
            if (!properties.has("annotations")) {
                problems.add(invalid(path + "/metrics", "is required unless annotations are given"));
            }
            return 0;
        }
        if (!(properties.get("metrics") instanceof JsonArray metrics)) {
            problems.add(invalid(path + "/metrics", "must be an array of arrays"));
            return 0;
        }
        if (metrics.size() > AwsLimits.DASHBOARD_METRICS_PER_WIDGET) {
            problems.add(invalid(path + "/metrics", metrics.size() + " metrics, at most "
                    + AwsLimits.DASHBOARD_METRICS_PER_WIDGET + " per widget"));
        }
        for (int i = 0; i < metrics.size(); i++) {
            metric(path + "/metrics/" + i, i == 0, metrics.get(i), problems);
        }
        return metrics.size();
    }

    private static void metric(String path, boolean first, JsonElement element, List<String> problems) {
        if (!(element instanceof JsonArray entry) || entry.isEmpty()) {
            problems.add(invalid(path, "each metric is a non-empty array"));
            return;
        }
        if (entry.size() == 1 && entry.get(0) instanceof JsonObject expression) {
            if (string(expression, "expression") == null) {
                problems.add(invalid(path + "/0", "an entry of one object is an expression and needs one"));
            }
            return;
        }
        var last = entry.get(entry.size() - 1);
        var strings = last.isJsonObject() ? entry.size() - 1 : entry.size();
        for (int i = 0; i < strings; i++) {
            if (!(entry.get(i) instanceof JsonPrimitive p && p.isString())) {
                problems.add(invalid(path + "/" + i, "namespace, metric name and dimensions are strings, got "
                        + entry.get(i)));
                return;
            }
        }
        if (last.isJsonObject()) {
            period(last.getAsJsonObject(), path + "/" + (entry.size() - 1) + "/period", problems);
        }
        if (strings < 2) {
            problems.add(invalid(path, "a metric needs a namespace and a metric name"));
            return;
        }
        if (first && (".".equals(entry.get(0).getAsString()) || ".".equals(entry.get(1).getAsString()))) {
            problems.add(invalid(path, "\".\" repeats the previous metric's value, and the first metric has none"));
        }
        var dimensionParts = strings - 2;
        if (dimensionParts % 2 != 0) {
            problems.add(invalid(path, "dimension " + entry.get(strings - 1).getAsString() + " has no value"));
        } else if (dimensionParts / 2 > AwsLimits.METRIC_DIMENSIONS) {
            problems.add(invalid(path, dimensionParts / 2 + " dimensions, a metric has at most "
                    + AwsLimits.METRIC_DIMENSIONS));
        }
    }

    private static void period(JsonObject object, String path, List<String> problems) {
        if (!object.has("period")) {
            return;
        }
        var period = object.get("period");
        if (!(period instanceof JsonPrimitive p && p.isNumber()) || p.getAsDouble() < AwsLimits.METRIC_PERIOD_STEP
                || p.getAsDouble() % AwsLimits.METRIC_PERIOD_STEP != 0
                || p.getAsDouble() > AwsLimits.METRIC_PERIOD_MAX) {
            problems.add(invalid(path, "must be a multiple of " + AwsLimits.METRIC_PERIOD_STEP + " from "
                    + AwsLimits.METRIC_PERIOD_STEP + " to " + AwsLimits.METRIC_PERIOD_MAX + ", got " + period));
        }
    }

    private static void range(JsonObject widget, String field, int min, int max, String path, List<String> problems) {
        if (!widget.has(field)) {
            return;
        }
        var value = widget.get(field);
        if (!(value instanceof JsonPrimitive p && p.isNumber()) || p.getAsDouble() != Math.rint(p.getAsDouble())
                || p.getAsDouble() < min || p.getAsDouble() > max) {
            problems.add(invalid(path + "/" + field, "must be an integer from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", got " + value));
        }
    }

    private static String string(JsonObject object, String field) {
        return object.get(field) instanceof JsonPrimitive p && p.isString() ? p.getAsString() : null;
    }

    private static String invalid(String dataPath, String message) {
        return "InvalidParameterInput: " + (dataPath.isEmpty() ? "/" : dataPath) + ": " + message;
    }
}
