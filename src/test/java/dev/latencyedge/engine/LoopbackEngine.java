package dev.latencyedge.engine;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.Empty;
import dev.latencyedge.fakecloud.FakeCloud;
import com.pulumi.test.Mocks;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The engine's side of a program run on loopback: Pulumi's {@code ResourceMonitor} and {@code Engine} gRPC
 * services (the generated stubs in the SDK jar), answering from the {@link FakeCloud} as the engine answers
 * from the providers. It records what the program registered, read and logged.
 */
public final class LoopbackEngine implements AutoCloseable {

    public static final String STACK_TYPE = "pulumi:pulumi:Stack";

    /**
     * A resource as the program registered ({@code op} "create") or read ("read") it: inputs as sent, secrets and
     * unknowns marked ({@link PropertyValues}).
     */
    public record Registration(String op, String urn, String type, String name, boolean custom, String parent,
                               String provider, Map<String, Object> inputs) {
    }

    /** One message the program sent to the engine's log. */
    public record LogEntry(LogSeverity severity, String message, String urn) {
    }

    /**
     * Features the engine reports (pulumi/pulumi pkg/resource/deploy/source_eval.go, resmon.SupportsFeature);
     * the Java SDK asks for resourceReferences and parameterization.
     */
    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences", "outputValues",
            "deletedWith", "aliasSpecs", "transforms", "invokeTransforms", "parameterization", "resourceHooks");

    private final String project;
    private final String stack;
    private final boolean preview;
    private final FakeCloud cloud;
    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final List<LogEntry> logs = Collections.synchronizedList(new ArrayList<>());
    /** Provider URN -> the fake cloud's id for it: in preview the engine's reference carries the unknown id. */
    private final Map<String, String> providerIds = new ConcurrentHashMap<>();
    private volatile String rootUrn = "";
    private volatile Map<String, Object> stackOutputs = Map.of();
    private final Server server;

    /**
     * @param stacks fully qualified stack name -> its deployed outputs, for stack references
     */
    public LoopbackEngine(String project, String stack, String region, boolean preview,
                          Map<String, FakeCloud.StackOutputs> stacks) throws IOException {
        this.project = project;
        this.stack = stack;
        this.preview = preview;
        this.cloud = new FakeCloud(region, stacks);
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new Monitor()).addService(new Engine()).build().start();
    }

    /** The address for both PULUMI_MONITOR and PULUMI_ENGINE. */
    public String address() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
    }

    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    public List<LogEntry> logs() {
        synchronized (logs) {
            return List.copyOf(logs);
        }
    }

    /** The root stack's outputs as the program registered them (secrets marked). */
    public Map<String, Object> stackOutputs() {
        return stackOutputs;
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * The URN the engine gives (pulumi/pulumi sdk/go/common/resource/urn.go, NewURN): the parent's qualified type
     * in front of the type, except for children of the root stack.
     */
    String urn(String type, String name, String parent) {
        var qualified = type;
        if (!parent.isEmpty()) {
            var parentType = parent.split("::")[2];
            if (!parentType.equals(STACK_TYPE)) {
                qualified = parentType + "$" + type;
            }
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + name;
    }

    /** A provider reference {@code <urn>::<id>} with the id the fake cloud knows the provider by. */
    private String cloudReference(String reference) {
        if (reference.isEmpty()) {
            return reference;
        }
        var urn = reference.substring(0, reference.lastIndexOf("::"));
        return urn + "::" + providerIds.getOrDefault(urn, reference.substring(urn.length() + 2));
    }

    private static <T> void answer(StreamObserver<T> observer, Supplier<T> response) {
        try {
            observer.onNext(response.get());
            observer.onCompleted();
        } catch (RuntimeException e) {
            var cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            observer.onError(Status.UNKNOWN.withDescription(cause.getMessage()).asRuntimeException());
        }
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {

        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> observer) {
            answer(observer, () -> SupportsFeatureResponse.newBuilder()
                    .setHasSupport(FEATURES.contains(request.getId())).build());
        }

        @Override
        public void registerResource(RegisterResourceRequest request,
                                     StreamObserver<RegisterResourceResponse> observer) {
            answer(observer, () -> register(request));
        }

        @Override
        public void readResource(ReadResourceRequest request, StreamObserver<ReadResourceResponse> observer) {
            answer(observer, () -> read(request));
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> observer) {
            answer(observer, () -> {
                var args = ImmutableMap.<String, Object>builder();
                PropertyValues.reveal(PropertyValues.decode(request.getArgs())).forEach((key, value) -> {
                    if (value != null) {
                        args.put(key, value);
                    }
                });
                var result = cloud.callAsync(new Mocks.CallArgs(request.getTok(), args.build(),
                        cloudReference(request.getProvider()))).join();
                return ResourceInvokeResponse.newBuilder().setReturn(PropertyValues.encode(result)).build();
            });
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> observer) {
            answer(observer, () -> {
                if (request.getUrn().split("::")[2].equals(STACK_TYPE)) {
                    stackOutputs = PropertyValues.decode(request.getOutputs());
                }
                return Empty.getDefaultInstance();
            });
        }
    }

    private RegisterResourceResponse register(RegisterResourceRequest request) {
        var type = request.getType();
        var urn = urn(type, request.getName(), request.getParent());
        var inputs = PropertyValues.decode(request.getObject());
        registrations.add(new Registration("create", urn, type, request.getName(), request.getCustom(),
                request.getParent(), request.getProvider(), inputs));
        var response = RegisterResourceResponse.newBuilder().setUrn(urn);
        if (!request.getCustom()) {
            return response.build(); // components and the root stack: nothing in the cloud
        }
        var isProvider = type.startsWith("pulumi:providers:");
        if (preview && !isProvider) {
            // A create in preview: the provider's planned state is the inputs, computed values unknown
            // (missing, which the SDK reads as unknown in preview), the id unknown.
            return response.setObject(PropertyValues.encode(inputs)).build();
        }
        var created = cloud.newResourceAsync(new Mocks.ResourceArgs(type, request.getName(),
                PropertyValues.reveal(inputs), cloudReference(request.getProvider()), "")).join();
        var id = created.id.orElse("");
        if (isProvider) {
            providerIds.put(urn, id);
            // pulumi/pulumi pkg/resource/deploy/providers/registry.go, Registry.Create: a provider created in
            // preview gets the unknown id, and its state is its inputs.
            return response.setId(preview ? PropertyValues.UNKNOWN : id).setObject(PropertyValues.encode(inputs))
                    .build();
        }
        return response.setId(id).setObject(PropertyValues.encode(keepSecrets(inputs, state(created)))).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Mocks.ResourceResult created) {
        return created.state instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * An output whose input was secret stays secret (pulumi/pulumi pkg/resource/deploy/step.go, annotateSecrets).
     */
    private static Map<String, Object> keepSecrets(Map<String, Object> inputs, Map<String, Object> outputs) {
        var marked = new LinkedHashMap<String, Object>(outputs);
        inputs.forEach((key, value) -> {
            if (value instanceof PropertyValues.Secret && marked.containsKey(key)) {
                marked.put(key, new PropertyValues.Secret(marked.get(key)));
            }
        });
        return marked;
    }

    /**
     * Stack references are reads of the builtin provider (pulumi/pulumi pkg/resource/deploy/builtins.go,
     * readStackReference), answered in preview too: the stack's outputs, secrets kept secret and named in
     * secretOutputNames.
     */
    private ReadResourceResponse read(ReadResourceRequest request) {
        var urn = urn(request.getType(), request.getName(), request.getParent());
        var inputs = PropertyValues.decode(request.getProperties());
        registrations.add(new Registration("read", urn, request.getType(), request.getName(), true,
                request.getParent(), request.getProvider(), inputs));
        var read = state(cloud.newResourceAsync(new Mocks.ResourceArgs(request.getType(), request.getName(),
                PropertyValues.reveal(inputs), "", request.getId())).join());
        var state = new LinkedHashMap<String, Object>(read);
        if (read.get("outputs") instanceof Map<?, ?> outputs
                && read.get("secretOutputNames") instanceof List<?> secret) {
            var marked = new LinkedHashMap<String, Object>();
            outputs.forEach((k, v) -> marked.put(String.valueOf(k),
                    secret.contains(k) ? new PropertyValues.Secret(v) : v));
            state.put("outputs", marked);
        }
        return ReadResourceResponse.newBuilder().setUrn(urn).setProperties(PropertyValues.encode(state)).build();
    }

    private final class Engine extends EngineGrpc.EngineImplBase {

        @Override
        public void log(LogRequest request, StreamObserver<Empty> observer) {
            answer(observer, () -> {
                logs.add(new LogEntry(request.getSeverity(), request.getMessage(), request.getUrn()));
                return Empty.getDefaultInstance();
            });
        }

        @Override
        public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> observer) {
            answer(observer, () -> GetRootResourceResponse.newBuilder().setUrn(rootUrn).build());
        }

        @Override
        public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> observer) {
            answer(observer, () -> {
                rootUrn = request.getUrn();
                return SetRootResourceResponse.getDefaultInstance();
            });
        }
    }

    /** The stack's outputs as a stack reference of a later stack reads them. */
    public FakeCloud.StackOutputs deployedOutputs() {
        var plain = new LinkedHashMap<String, Object>();
        var secret = new ArrayList<String>();
        stackOutputs.forEach((name, value) -> {
            plain.put(name, PropertyValues.reveal(value));
            if (value instanceof PropertyValues.Secret) {
                secret.add(name);
            }
        });
        return new FakeCloud.StackOutputs(plain, secret);
    }
}
