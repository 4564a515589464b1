package dev.latencyedge;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.ResourceTransformation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Records what the program hands the engine for every resource (typed args with their secret markers, and
 * options such as retainOnDelete), which the mock engine's plain inputs do not show.
 */
public final class Captured {

    private final List<ResourceTransformation.Args> all = Collections.synchronizedList(new ArrayList<>());

    public List<ResourceTransformation> transformations() {
        return List.of(args -> {
            all.add(args);
            return Optional.empty();
        });
    }

    public ResourceTransformation.Args named(String name) {
        synchronized (all) {
            return all.stream().filter(a -> a.resource().pulumiResourceName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no resource named " + name));
        }
    }

    /** The options of a custom resource (protect, retainOnDelete, provider...). */
    public com.pulumi.resources.CustomResourceOptions custom(String name) {
        synchronized (all) {
            return all.stream().filter(a -> a.resource().pulumiResourceName().equals(name)
                            && a.options() instanceof com.pulumi.resources.CustomResourceOptions)
                    .map(a -> (com.pulumi.resources.CustomResourceOptions) a.options()).findFirst()
                    .orElseThrow(() -> new AssertionError("no custom resource named " + name));
        }
    }

    public static <T> T value(Output<T> output) {
        return Internal.of(output).getDataAsync().join().getValueNullable();
    }

    public static boolean isSecret(Output<?> output) {
        return Internal.of(output).isSecret().join();
    }
}
