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
 * @param lifecycle whether the engine refuses to delete or replace it, and whether deleting it leaves it in AWS
 */
public record PlannedResource(String op, String urn, String type, String name, boolean custom, String parent,
                              String provider, Map<String, Object> inputs, Map<String, Object> outputs,
                              String region, Lifecycle lifecycle) {

    /**
     * The resource options the engine keeps in its state ({@code protect}, {@code retainOnDelete}), as the
     * engine resolves them: a resource that sets neither takes its parent's (pulumi/pulumi,
     * pkg/resource/deploy/source_eval.go, inheritFromParent).
     */
    public record Lifecycle(boolean protect, boolean retainOnDelete) {
        public static final Lifecycle NONE = new Lifecycle(false, false);
    }
}
