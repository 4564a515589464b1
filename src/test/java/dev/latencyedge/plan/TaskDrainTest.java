package dev.latencyedge.plan;

import dev.latencyedge.fakecloud.FakeCloud;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import dev.latencyedge.Fixtures;
import dev.latencyedge.LatencyEdgeProgram;
import dev.latencyedge.settings.StackSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.latencyedge.Fixtures.global;
import static dev.latencyedge.Fixtures.regional;
import static dev.latencyedge.Fixtures.rootCause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan's runner against the SDK's own, on the real program and on the edge cases of task bookkeeping. */
class TaskDrainTest {

    enum Runners {
        SDK((mocks, options, program) -> PulumiTest.withMocks(mocks).withOptions(options).runTest(program)),
        DRAIN(TaskDrain::runTest);

        final Start start;

        Runners(Start start) {
            this.start = start;
        }

        TestResult run(Mocks mocks, String stackName, Consumer<Context> program) {
            var options = TestOptions.builder().organizationName(StackEvaluator.ORGANIZATION)
                    .projectName(StackEvaluator.PROJECT).stackName(stackName).preview(false).build();
            return start.run(mocks, options, program);
        }
    }

    interface Start {
        TestResult run(Mocks mocks, TestOptions options, Consumer<Context> program);
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void registersTheSameResourcesAndExportsAsTheSdkRunner() {
        var region = regional("prod", "eu-west-1").load();
        var references = new TreeMap<String, FakeCloud.StackOutputs>();
        references.put(StackEvaluator.referenceName("prod-eu-west-1"),
                new FakeCloud.StackOutputs(Fixtures.evaluate(regional("prod", "eu-west-1")).exports(), List.of()));
        var edge = global("prod", "eu-west-1").load();

        for (var stack : List.of(region, edge)) {
            var sdk = graph(Runners.SDK, stack, references);
            var drained = graph(Runners.DRAIN, stack, references);
            assertTrue(sdk.registrations().size() > 5, "the program registered its resources: " + sdk);
            assertEquals(sdk, drained, stack.common().stackName());
        }
    }

    @ParameterizedTest
    @EnumSource(Runners.class)
    void waitsForResourcesThatTasksRegisterLater(Runners runner) {
        var late = CompletableFuture.supplyAsync(() -> "late",
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        var result = runner.run(new EchoMocks(), "late", ctx -> ctx.export("child",
                Output.of(late).applyValue(name -> new ComponentResource("test:index:Late", name).pulumiResourceName())));

        assertEquals(List.of("late"), result.resources().stream().map(r -> r.pulumiResourceName())
                .filter(name -> name.equals("late")).toList());
        assertEquals("late", PulumiTest.extractValue(result.outputs().get("child")));
        assertTrue(result.exceptions().isEmpty(), result.exceptions().toString());
    }

    @ParameterizedTest
    @EnumSource(Runners.class)
    void aTaskThatFailsFailsTheRun(Runners runner) {
        var result = runner.run(new EchoMocks(), "failing", ctx -> Output.of("value").applyValue(value -> {
            throw new IllegalStateException("the apply of " + value + " failed");
        }));

        // Both runners report the failure twice: once as the run's error, once as the task's.
        assertEquals(List.of("the apply of value failed", "the apply of value failed"),
                result.exceptions().stream().map(e -> rootCause(e).getMessage()).toList());
    }

    @ParameterizedTest
    @EnumSource(Runners.class)
    void aTaskThatFailedBeforeAnythingWaitedFailsTheRun(Runners runner) {
        var result = runner.run(new EchoMocks(), "failed", ctx ->
                Output.of(CompletableFuture.failedFuture(new IllegalStateException("failed at once"))));

        assertEquals(Optional.of("failed at once"),
                result.exceptions().stream().findFirst().map(e -> rootCause(e).getMessage()));
    }

    /** What the program registered in the fake cloud, in a stable order, and the stack's exports. */
    private record Graph(List<String> registrations, Map<String, Object> exports) {
    }

    private static Graph graph(Runners runner, StackSettings settings, Map<String, FakeCloud.StackOutputs> stacks) {
        var cloud = new FakeCloud(settings.common().region(), stacks);
        try {
            var result = runner.run(cloud, settings.common().stackName(), ctx -> LatencyEdgeProgram.run(ctx, settings));
            assertTrue(result.exceptions().isEmpty(), result.exceptions().toString());
            var exports = new TreeMap<String, Object>();
            result.outputs().forEach((name, output) -> exports.put(name, PulumiTest.extractValue(output)));
            var registrations = cloud.registrations().stream()
                    .sorted(Comparator.comparing(FakeCloud.Registration::type).thenComparing(FakeCloud.Registration::name))
                    .map(FakeCloud.Registration::toString).toList();
            return new Graph(registrations, exports);
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** A cloud that creates whatever it is asked to, with its inputs as outputs. */
    private static final class EchoMocks implements Mocks {
        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
        }
    }
}
