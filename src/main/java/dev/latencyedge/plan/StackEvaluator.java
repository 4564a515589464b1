package dev.latencyedge.plan;

import dev.latencyedge.fakecloud.FakeCloud;

import com.pulumi.core.internal.Internal;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import dev.latencyedge.LatencyEdgeProgram;
import dev.latencyedge.edge.RegionalStackReader;
import dev.latencyedge.settings.ConfigException;
import dev.latencyedge.settings.StackSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;

/**
 * Runs the real program for one stack in the Pulumi SDK's mock engine against a {@link FakeCloud}, and
 * collects the resource graph. Each evaluation has a mock deployment of its own, which the SDK keeps per thread
 * and carries across its async steps, so independent stacks can be evaluated side by side.
 */
public final class StackEvaluator {

    public static final String PROJECT = "latency-edge";
    public static final String ORGANIZATION = "organization";
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private StackEvaluator() {
    }

    /** The name a stack reference uses for a stack of this project. */
    public static String referenceName(String stackName) {
        return ORGANIZATION + "/" + PROJECT + "/" + stackName;
    }

    /**
     * @param settings the stack's validated settings
     * @param stacks   exports of the stacks evaluated before, by fully qualified name, for stack references
     */
    public static EvaluatedStack evaluate(StackSettings settings, Map<String, FakeCloud.StackOutputs> stacks) {
        return evaluate(settings, stacks, List.of());
    }

    /** As {@link #evaluate(StackSettings, Map)}, with stack transformations that see every resource's args. */
    public static EvaluatedStack evaluate(StackSettings settings,
                                          Map<String, FakeCloud.StackOutputs> stacks,
                                          List<ResourceTransformation> transformations) {
        var stackName = settings.common().stackName();
        var cloud = new FakeCloud(settings.common().region(), stacks);
        var options = java.util.Collections.synchronizedMap(new IdentityHashMap<Resource, ResourceOptions>());
        // Last, so it sees the options as every other transformation left them; it changes nothing.
        var recorded = new ArrayList<>(transformations);
        recorded.add(args -> {
            options.put(args.resource(), args.options());
            return Optional.empty();
        });
        try {
            var testOptions = TestOptions.builder()
                    .organizationName(ORGANIZATION)
                    .projectName(PROJECT)
                    .stackName(stackName)
                    .preview(false)
                    .resourceTransformations(recorded)
                    .build();
            var result = TaskDrain.runTest(cloud, testOptions, ctx -> LatencyEdgeProgram.run(ctx, settings));
            if (!result.exceptions().isEmpty()) {
                throw failure(stackName, unwrap(result.exceptions().get(0)));
            }
            var exports = new TreeMap<String, Object>();
            var secrets = new TreeSet<String>();
            result.outputs().forEach((name, output) -> {
                var data = Internal.of(output).getDataAsync().join();
                exports.put(name, data.getValueNullable());
                if (data.isSecret()) {
                    secrets.add(name);
                }
            });
            return new EvaluatedStack(settings, resources(result.resources(), cloud, stackName, options), exports,
                    secrets);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static List<PlannedResource> resources(List<Resource> resources, FakeCloud cloud, String stackName,
                                                   Map<Resource, ResourceOptions> options) {
        var urns = new IdentityHashMap<Resource, String>();
        resources.forEach(r -> urns.put(r, engineUrn(PulumiTest.extractValue(r.urn()))));
        var parentResources = new IdentityHashMap<Resource, Resource>();
        resources.forEach(r -> r.pulumiChildResources().forEach(child -> parentResources.put(child, r)));
        var parents = new IdentityHashMap<Resource, String>();
        parentResources.forEach((child, parent) -> parents.put(child, urns.get(parent)));
        var lifecycles = new IdentityHashMap<Resource, PlannedResource.Lifecycle>();
        var registered = new HashMap<String, FakeCloud.Registration>();
        cloud.registrations().forEach(reg -> {
            if (registered.put(reg.type() + "::" + reg.name(), reg) != null) {
                throw new IllegalStateException("two resources of type " + reg.type() + " named " + reg.name());
            }
        });
        var stackUrn = resources.stream().filter(r -> r.pulumiResourceType().equals(STACK_TYPE)).map(urns::get)
                .findFirst().orElseThrow();
        var planned = new ArrayList<PlannedResource>();
        for (var resource : resources) {
            var type = resource.pulumiResourceType();
            var name = resource.pulumiResourceName();
            var reg = registered.get(type + "::" + name);
            // Resources created at the top level belong to the stack, though the SDK does not list them as its
            // children.
            var parent = type.equals(STACK_TYPE) ? "" : parents.getOrDefault(resource, stackUrn);
            planned.add(new PlannedResource("create", urns.get(resource), type, name,
                    resource instanceof CustomResource, parent,
                    reg == null || reg.provider() == null ? "" : engineUrn(reg.provider()),
                    reg == null ? Map.of() : reg.inputs(), reg == null ? Map.of() : reg.outputs(),
                    reg == null ? "" : reg.region(), lifecycle(resource, options, parentResources, lifecycles)));
        }
        // Stack references are reads: the engine does not list them among registered resources.
        for (var reg : cloud.registrations()) {
            if (reg.type().equals(FakeCloud.STACK_REFERENCE_TYPE)) {
                planned.add(new PlannedResource("read", "urn:pulumi:" + stackName + "::" + PROJECT + "::"
                        + reg.type() + "::" + reg.name(), reg.type(), reg.name(), true, stackUrn, "",
                        reg.inputs(), reg.outputs(), "", PlannedResource.Lifecycle.NONE));
            }
        }
        planned.sort(Comparator.comparing((PlannedResource r) -> !r.type().equals(STACK_TYPE))
                .thenComparing(PlannedResource::urn));
        return List.copyOf(planned);
    }

    /** A resource's own protect and retainOnDelete, or else its parent's, as the engine resolves them. */
    private static PlannedResource.Lifecycle lifecycle(Resource resource, Map<Resource, ResourceOptions> options,
                                                       Map<Resource, Resource> parents,
                                                       Map<Resource, PlannedResource.Lifecycle> resolved) {
        var known = resolved.get(resource);
        if (known != null) {
            return known;
        }
        var parent = parents.get(resource);
        var inherited = parent == null ? PlannedResource.Lifecycle.NONE
                : lifecycle(parent, options, parents, resolved);
        var own = options.get(resource);
        var lifecycle = own == null ? inherited : new PlannedResource.Lifecycle(
                own.getProtect().orElse(inherited.protect()),
                own.getRetainOnDelete().orElse(inherited.retainOnDelete()));
        resolved.put(resource, lifecycle);
        return lifecycle;
    }

    /**
     * The URN the engine would give: the mock engine puts the root stack's type in front of its children's
     * types ({@code pulumi:pulumi:Stack$aws:...}), the engine leaves the root out.
     */
    static String engineUrn(String urn) {
        return urn.replace("::" + STACK_TYPE + "$", "::");
    }

    /**
     * Bad configuration and missing regional outputs keep their own type (they name key and output); anything
     * else, such as a request AWS would refuse, becomes a plan failure naming the stack, never a stack trace.
     */
    private static RuntimeException failure(String stackName, RuntimeException cause) {
        if (cause instanceof ConfigException || cause instanceof RegionalStackReader.MissingRegionalOutputException
                || cause instanceof PlanException) {
            return cause;
        }
        var message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new PlanException("stack " + stackName + " does not evaluate: " + message);
    }

    private static RuntimeException unwrap(Throwable error) {
        var cause = error;
        while ((cause instanceof CompletionException || cause.getClass().getName().startsWith("com.pulumi"))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
