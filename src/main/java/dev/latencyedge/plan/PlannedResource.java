package dev.latencyedge.plan;

import java.util.Map;

/**
 * One resource of an evaluated stack, in the shape of a {@code pulumi preview --json} step's new state.
 *
 * @param op       {@code create}, or {@code read} for stack references
 * @param urn      the resource's URN
 * @param type     its type token
 * @param name     its logical name
 * @param custom   false for component resources and the stack itself
 * @param parent   the parent's URN ("" for the stack)
 * @param provider {@code <provider urn>::<provider id>} for explicit providers, "" otherwise
 * @param inputs   what the program asked for
 * @param outputs  what the (fake) cloud answered
 * @param region   the Region of the resource's provider, for the summary
 */
public record PlannedResource(String op, String urn, String type, String name, boolean custom, String parent,
                              String provider, Map<String, Object> inputs, Map<String, Object> outputs,
                              String region) {
}
