package dev.latencyedge.delivery;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.DestroyOptions;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.OperationType;
import com.pulumi.automation.PreviewOptions;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.Workspace;
import com.pulumi.automation.WorkspaceStack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link StackRunner} over the Automation API: a LocalWorkspace on this project directory and the pulumi CLI
 * on the PATH, the same program and stack files people use by hand.
 */
public final class AutomationStackRunner implements StackRunner, StackConfig {

    private final Path projectDir;
    private final List<String> policyPacks;
    private Workspace workspace;

    public AutomationStackRunner(Path projectDir, List<String> policyPacks) {
        this.projectDir = projectDir;
        this.policyPacks = List.copyOf(policyPacks);
    }

    @Override
    public StackResult run(String stackName, Operation operation, Consumer<String> output) {
        var started = Instant.now();
        try {
            var stack = WorkspaceStack.select(stackName, workspace());
            Map<OperationType, Integer> changes = switch (operation) {
                case PREVIEW -> stack.preview(PreviewOptions.builder().diff(true).policyPacks(policyPacks)
                        .onStandardOutput(output).build()).changeSummary();
                case UP -> stack.up(UpOptions.builder().diff(true).policyPacks(policyPacks)
                        .onStandardOutput(output).build()).summary().resourceChanges();
                case DESTROY -> stack.destroy(DestroyOptions.builder().onStandardOutput(output).build())
                        .summary().resourceChanges();
            };
            return new StackResult(stackName, operation, StackResult.Status.SUCCEEDED,
                    count(changes, OperationType.CREATE),
                    count(changes, OperationType.UPDATE) + count(changes, OperationType.REPLACE),
                    count(changes, OperationType.DELETE),
                    count(changes, OperationType.SAME), Duration.between(started, Instant.now()), "");
        } catch (AutomationException e) {
            return new StackResult(stackName, operation, StackResult.Status.FAILED, 0, 0, 0, 0,
                    Duration.between(started, Instant.now()), firstLine(e.getMessage()));
        }
    }

    /**
     * Sends the stack's pulumi process a termination signal, which the CLI treats like Ctrl-C: it lets the
     * resource operations in flight finish and stops. (Pulumi's own "cancel" is not used: it abandons them.)
     */
    @Override
    public void cancel(String stackName) {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("pulumi")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(stackName)).orElse(false))
                .forEach(ProcessHandle::destroy);
    }

    @Override
    public Optional<String> config(String stack, String key) {
        try {
            return Optional.ofNullable(WorkspaceStack.select(stack, workspace()).getConfig(key).value());
        } catch (AutomationException e) {
            // pulumi config get exits non-zero for a key that is not set
            return Optional.empty();
        }
    }

    @Override
    public void setSecret(String stack, String key, String value) {
        try {
            WorkspaceStack.createOrSelect(stack, workspace()).setConfig(key, new ConfigValue(value, true));
        } catch (AutomationException e) {
            throw new IllegalStateException("cannot set " + key + " in stack " + stack + ": " + firstLine(e.getMessage()));
        }
    }

    @Override
    public void removeConfig(String stack, String key) {
        try {
            WorkspaceStack.select(stack, workspace()).removeConfig(key);
        } catch (AutomationException e) {
            throw new IllegalStateException("cannot remove " + key + " from stack " + stack + ": "
                    + firstLine(e.getMessage()));
        }
    }

    @Override
    public Map<String, Object> outputs(String stack) {
        try {
            var outputs = new java.util.TreeMap<String, Object>();
            WorkspaceStack.select(stack, workspace()).getOutputs().forEach((k, v) -> outputs.put(k, v.value()));
            return outputs;
        } catch (AutomationException e) {
            return Map.of(); // a stack never updated has no outputs
        }
    }

    private synchronized Workspace workspace() throws AutomationException {
        if (workspace == null) {
            workspace = LocalWorkspace.create(LocalWorkspaceOptions.builder().workDir(projectDir).build());
        }
        return workspace;
    }

    private static int count(Map<OperationType, Integer> changes, OperationType type) {
        return changes == null ? 0 : changes.getOrDefault(type, 0);
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.strip().lines().findFirst().orElse(message);
    }
}
