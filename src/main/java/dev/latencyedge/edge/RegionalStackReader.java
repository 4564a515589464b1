package dev.latencyedge.edge;

import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.pulumi.resources.StackReferenceOutputDetails;

import java.util.List;
import java.util.concurrent.CompletionException;

import static dev.latencyedge.regional.RegionalOutputs.*;

/**
 * Reads a regional stack through a stack reference named {@code <org>/<project>/<env>-<region>}. The values
 * are awaited here, before the edge registers a resource, so a missing or inconsistent Region stops the
 * program with the stack and output named instead of half-building the edge.
 */
public final class RegionalStackReader {

    private final String organization;
    private final String project;

    public RegionalStackReader(String organization, String project) {
        this.organization = organization;
        this.project = project;
    }

    /**
     * Reads the stacks in the order given. Every reference is registered before the first value is awaited, so
     * the engine reads them together instead of one round trip after another.
     */
    public List<RegionalExports> readAll(List<String> stackNames) {
        var references = stackNames.stream().map(name -> new StackReference(name,
                StackReferenceArgs.builder().name(fullName(name)).build())).toList();
        var exports = new java.util.ArrayList<RegionalExports>();
        for (int i = 0; i < stackNames.size(); i++) {
            exports.add(read(stackNames.get(i), references.get(i)));
        }
        return List.copyOf(exports);
    }

    private String fullName(String stackName) {
        return organization + "/" + project + "/" + stackName;
    }

    private RegionalExports read(String stackName, StackReference reference) {
        var fullName = fullName(stackName);
        return new RegionalExports(stackName,
                string(reference, fullName, REGION),
                string(reference, fullName, ALB_ARN),
                string(reference, fullName, ALB_DNS_NAME),
                string(reference, fullName, ALB_ZONE_ID),
                string(reference, fullName, HEALTH_CHECK_ID),
                string(reference, fullName, TARGET_GROUP_ARN),
                stringList(reference, fullName, ORIGIN_SECRET_FINGERPRINTS),
                number(reference, fullName, HEALTH_CHECK_REQUEST_INTERVAL),
                number(reference, fullName, HEALTH_CHECK_FAILURE_THRESHOLD),
                bool(reference, fullName, DRAINED),
                stringList(reference, fullName, CERTIFICATE_NAMES),
                string(reference, fullName, ENDPOINT_HEALTH_CHECK_ID));
    }

    private static Object value(StackReference reference, String stack, String output) {
        StackReferenceOutputDetails details;
        try {
            details = reference.outputDetailsAsync(output).join();
        } catch (CompletionException e) {
            throw new MissingRegionalOutputException(stack, output, "could not be read: " + e.getCause().getMessage());
        }
        return details.getValue().or(details::getSecretValue).orElseThrow(() ->
                new MissingRegionalOutputException(stack, output, "is missing; run pulumi up on that stack first"));
    }

    private static String string(StackReference reference, String stack, String output) {
        if (value(reference, stack, output) instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new MissingRegionalOutputException(stack, output, "is not a non-empty string");
    }

    private static List<String> stringList(StackReference reference, String stack, String output) {
        if (value(reference, stack, output) instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new MissingRegionalOutputException(stack, output, "is not a list of strings");
    }

    private static int number(StackReference reference, String stack, String output) {
        if (value(reference, stack, output) instanceof Number n) {
            return n.intValue();
        }
        throw new MissingRegionalOutputException(stack, output, "is not a number");
    }

    private static boolean bool(StackReference reference, String stack, String output) {
        if (value(reference, stack, output) instanceof Boolean b) {
            return b;
        }
        throw new MissingRegionalOutputException(stack, output, "is not true or false");
    }

    /** A regional stack lacks an output the edge needs. */
    public static final class MissingRegionalOutputException extends RuntimeException {
        public MissingRegionalOutputException(String stack, String output, String reason) {
            super("regional stack " + stack + ": output '" + output + "' " + reason);
        }
    }
}
