package dev.latencyedge.delivery;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class FleetTest {

    private static final List<String> REGIONS = List.of("prod-us-east-1", "prod-eu-west-1", "prod-ap-southeast-1");

    private final StackRunner runner = mock(StackRunner.class);
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    /** Previews pass unless a test says otherwise: up previews every stack before applying it. */
    @org.junit.jupiter.api.BeforeEach
    void previewsPass() {
        passPreviews(runner);
    }

    private static void passPreviews(StackRunner runner) {
        when(runner.run(any(), eq(Operation.PREVIEW), any())).thenAnswer(i -> ok(i.getArgument(0), Operation.PREVIEW));
    }

    private static StackResult ok(String stack, Operation operation) {
        return new StackResult(stack, operation, StackResult.Status.SUCCEEDED, 3, 1, 0, 20, Duration.ofSeconds(2), "");
    }

    private void succeedAll(Operation operation) {
        when(runner.run(any(), eq(operation), any())).thenAnswer(i -> ok(i.getArgument(0), operation));
        if (operation == Operation.UP) {
            succeedAll(Operation.PREVIEW);
        }
    }

    // pulumi up through the Automation API runs with --skip-preview, where stack policies run only after every
    // step (pulumi/pulumi, pkg/engine): the fleet previews each stack with the pack and applies only a clean one.
    @Test
    void upPreviewsEachStackWithThePackAndAppliesNothingWhosePreviewFails() {
        succeedAll(Operation.UP);
        when(runner.run(eq("prod-eu-west-1"), eq(Operation.PREVIEW), any())).thenReturn(new StackResult(
                "prod-eu-west-1", Operation.PREVIEW, StackResult.Status.FAILED, 0, 0, 0, 0, Duration.ZERO,
                "error: preview failed: mandatory policy violation aws-cloudfront-distribution-disallow-guessable-origin"));
        var results = new Fleet(runner, 0, out).run(Operation.UP, "prod", REGIONS);
        for (var region : List.of("prod-us-east-1", "prod-ap-southeast-1")) {
            InOrder order = inOrder(runner);
            order.verify(runner).run(eq(region), eq(Operation.PREVIEW), any());
            order.verify(runner).run(eq(region), eq(Operation.UP), any());
        }
        verify(runner, never()).run(eq("prod-eu-west-1"), eq(Operation.UP), any());
        verify(runner, never()).run(eq("prod"), any(), any());
        assertEquals(StackResult.Status.FAILED, results.get(1).status());
        assertEquals("not applied: its preview failed: error: preview failed: mandatory policy violation "
                + "aws-cloudfront-distribution-disallow-guessable-origin", results.get(1).error());
    }

    @Test
    void upRunsEveryRegionBeforeTheEdge() {
        succeedAll(Operation.UP);
        var results = new Fleet(runner, 0, out).run(Operation.UP, "prod", REGIONS);
        for (var region : REGIONS) {
            InOrder order = inOrder(runner);
            order.verify(runner).run(eq(region), eq(Operation.UP), any());
            order.verify(runner).run(eq("prod"), eq(Operation.UP), any());
        }
        assertEquals(List.of("prod-us-east-1", "prod-eu-west-1", "prod-ap-southeast-1", "prod"),
                results.stream().map(StackResult::stack).toList());
        assertTrue(results.stream().allMatch(StackResult::succeeded));
    }

    @Test
    void previewFollowsTheSameOrder() {
        succeedAll(Operation.PREVIEW);
        new Fleet(runner, 1, out).run(Operation.PREVIEW, "dev", List.of("dev-us-east-1", "dev-eu-west-1"));
        InOrder order = inOrder(runner);
        order.verify(runner).run(eq("dev-us-east-1"), eq(Operation.PREVIEW), any());
        order.verify(runner).run(eq("dev-eu-west-1"), eq(Operation.PREVIEW), any());
        order.verify(runner).run(eq("dev"), eq(Operation.PREVIEW), any());
    }

    @Test
    void aFailedRegionStopsTheEdgeStep() {
        when(runner.run(any(), eq(Operation.UP), any())).thenAnswer(i -> {
            String stack = i.getArgument(0);
            return stack.equals("prod-eu-west-1")
                    ? new StackResult(stack, Operation.UP, StackResult.Status.FAILED, 0, 0, 0, 0, Duration.ZERO,
                    "error: creating ELBv2 application Load Balancer: AccessDenied")
                    : ok(stack, Operation.UP);
        });
        var results = new Fleet(runner, 0, out).run(Operation.UP, "prod", REGIONS);
        verify(runner, never()).run(eq("prod"), any(), any());
        var edge = results.get(3);
        assertEquals(StackResult.Status.SKIPPED, edge.status());
        assertEquals("not run: prod-eu-west-1 did not succeed", edge.error());
        assertTrue(SummaryTable.render(results).contains(
                "prod-eu-west-1 failed: error: creating ELBv2 application Load Balancer: AccessDenied"));
    }

    @Test
    void destroyTakesTheEdgeFirstAndKeepsTheRegionsWhenItFails() {
        succeedAll(Operation.DESTROY);
        new Fleet(runner, 0, out).run(Operation.DESTROY, "prod", REGIONS);
        for (var region : REGIONS) {
            InOrder order = inOrder(runner);
            order.verify(runner).run(eq("prod"), eq(Operation.DESTROY), any());
            order.verify(runner).run(eq(region), eq(Operation.DESTROY), any());
        }

        var failing = mock(StackRunner.class);
        when(failing.run(eq("prod"), eq(Operation.DESTROY), any())).thenReturn(new StackResult("prod",
                Operation.DESTROY, StackResult.Status.FAILED, 0, 0, 0, 0, Duration.ZERO, "boom"));
        var results = new Fleet(failing, 0, out).run(Operation.DESTROY, "prod", REGIONS);
        verify(failing, never()).run(eq("prod-eu-west-1"), any(), any());
        assertTrue(results.subList(1, 4).stream().allMatch(r -> r.status() == StackResult.Status.SKIPPED));
    }

    @Test
    void parallelismIsBounded() throws Exception {
        var regions = List.of("a-us-east-1", "a-us-east-2", "a-us-west-1", "a-us-west-2", "a-eu-west-1");
        assertEquals(2, maxConcurrent(2, regions));
        assertEquals(5, maxConcurrent(0, regions), "default: every Region at once");
    }

    private int maxConcurrent(int parallel, List<String> regions) throws Exception {
        var runner = mock(StackRunner.class);
        passPreviews(runner);
        var now = new AtomicInteger();
        var max = new AtomicInteger();
        var allStarted = new CountDownLatch(parallel == 0 ? regions.size() : parallel);
        doAnswer(i -> {
            String stack = i.getArgument(0);
            if (!stack.equals("a")) {
                max.accumulateAndGet(now.incrementAndGet(), Math::max);
                allStarted.countDown();
                allStarted.await(5, TimeUnit.SECONDS); // hold until as many as allowed are running together
                Thread.sleep(20);
                now.decrementAndGet();
            }
            return ok(stack, Operation.UP);
        }).when(runner).run(any(), eq(Operation.UP), any());
        new Fleet(runner, parallel, out).run(Operation.UP, "a", regions);
        return max.get();
    }

    @Test
    void progressLinesCarryTheStackName() {
        doAnswer(i -> {
            Consumer<String> lines = i.getArgument(2);
            lines.accept("+ aws:lb/loadBalancer:LoadBalancer eu-west-1-alb create");
            return ok(i.getArgument(0), Operation.UP);
        }).when(runner).run(any(), eq(Operation.UP), any());
        new Fleet(runner, 0, out).run(Operation.UP, "dev", List.of("dev-eu-west-1"));
        assertTrue(output.toString(StandardCharsets.UTF_8)
                .contains("[dev-eu-west-1] + aws:lb/loadBalancer:LoadBalancer eu-west-1-alb create"));
    }

    @Test
    void cancelStopsRunningStacksCleanlyAndStartsNothingMore() throws Exception {
        var started = new CountDownLatch(1);
        var stopped = new CountDownLatch(1);
        doAnswer(i -> {
            started.countDown();
            stopped.await(5, TimeUnit.SECONDS);
            return new StackResult(i.getArgument(0), Operation.UP, StackResult.Status.FAILED, 1, 0, 0, 0,
                    Duration.ofSeconds(1), "update canceled");
        }).when(runner).run(eq("prod-us-east-1"), eq(Operation.UP), any());
        doAnswer(i -> {
            stopped.countDown();
            return null;
        }).when(runner).cancel("prod-us-east-1");

        var fleet = new Fleet(runner, 1, out);
        var results = new java.util.concurrent.atomic.AtomicReference<List<StackResult>>();
        var run = new Thread(() -> results.set(fleet.run(Operation.UP, "prod", REGIONS)));
        run.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        fleet.cancel();
        run.join(5000);
        verify(runner).cancel("prod-us-east-1");
        verify(runner, never()).run(eq("prod-eu-west-1"), any(), any());
        verify(runner, never()).run(eq("prod"), any(), any());
        assertTrue(results.get().stream().allMatch(r -> r.status() == StackResult.Status.CANCELLED),
                results.get().toString());
    }

    @Test
    void summaryTableListsEveryStackWithCountsAndDuration() {
        var table = SummaryTable.render(List.of(ok("dev-eu-west-1", Operation.UP),
                StackResult.notRun("dev", Operation.UP, StackResult.Status.SKIPPED, "x")));
        var lines = table.lines().toList();
        assertEquals("STACK                    OP       RESULT      CREATED  UPDATED  DELETED  UNCHANGED  DURATION",
                lines.get(0));
        assertEquals("dev-eu-west-1            up       succeeded         3        1        0         20      2.0s",
                lines.get(1));
        assertEquals("dev                      up       skipped           0        0        0          0      0.0s",
                lines.get(2));
    }
}
