package dev.latencyedge.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An evaluated stack written in the shape of {@code pulumi preview --json}: one step per resource with its
 * new state, and a change summary. The stack's exports are the outputs of its {@code pulumi:pulumi:Stack}
 * step; secret exports are masked whole, secret values inside inputs and outputs where they occur. Each new
 * state carries {@code protect} and {@code retainOnDelete} where they are set (pulumi/pulumi,
 * sdk/go/common/apitype/core.go, ResourceV3: both {@code omitempty}).
 */
public final class PlanFile {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private PlanFile() {
    }

    public static String render(EvaluatedStack stack) {
        var redactor = Redactor.forSettings(stack.settings());
        var steps = new ArrayList<Map<String, Object>>();
        var summary = new TreeMap<String, Integer>();
        for (var resource : stack.resources()) {
            Map<String, Object> outputs = resource.outputs();
            if (resource.type().equals("pulumi:pulumi:Stack")) {
                var exports = new TreeMap<String, Object>();
                stack.exports().forEach((name, value) ->
                        exports.put(name, stack.secretExportNames().contains(name) ? Redactor.MASK : value));
                outputs = exports;
            }
            var state = new LinkedHashMap<String, Object>();
            state.put("urn", resource.urn());
            state.put("type", resource.type());
            state.put("custom", resource.custom());
            state.put("parent", resource.parent());
            state.put("provider", resource.provider());
            // As pulumi preview --json: set only when true (apitype.ResourceV3, omitempty).
            if (resource.lifecycle().protect()) {
                state.put("protect", true);
            }
            if (resource.lifecycle().retainOnDelete()) {
                state.put("retainOnDelete", true);
            }
            state.put("inputs", redactor.redact(resource.inputs()));
            state.put("outputs", redactor.redact(outputs));
            var step = new LinkedHashMap<String, Object>();
            step.put("op", resource.op());
            step.put("urn", resource.urn());
            step.put("newState", state);
            steps.add(step);
            summary.merge(resource.op(), 1, Integer::sum);
        }
        var plan = new LinkedHashMap<String, Object>();
        plan.put("steps", steps);
        plan.put("changeSummary", summary);
        return GSON.toJson(plan) + "\n";
    }
}
