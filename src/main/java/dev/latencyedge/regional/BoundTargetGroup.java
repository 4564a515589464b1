package dev.latencyedge.regional;

import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.latencyedge.settings.TargetSettings;

import java.util.Map;

/**
 * A target group the AWS Load Balancer Controller fills from a Kubernetes Service through a
 * TargetGroupBinding, and that binding, rendered for {@code kubectl apply}.
 *
 * <p>Port, protocol, target type and VPC force a new target group (new ARN), and the controller refuses to change
 * {@code spec.targetGroupARN} of an existing binding (its validating webhook), so a replaced group would leave the
 * Region without targets until someone re-creates the binding. The group is therefore protected: the engine
 * refuses to replace it ("unable to replace resource ... marked for protection", pulumi/pulumi step generator)
 * unless the stack sets {@code allowTargetGroupReplacement}, which unprotects it for that update.
 */
public final class BoundTargetGroup extends ComponentResource {

    public static final String TYPE = "latency-edge:regional:BoundTargetGroup";

    @Export(name = "arn", refs = {String.class})
    public final Output<String> arn;
    /** The TargetGroupBinding for this group, ready for kubectl apply. */
    @Export(name = "binding", refs = {String.class})
    public final Output<String> binding;

    /**
     * @param name             the group's logical name, {@code <region>-<purpose>}; the binding is
     *                         {@code latency-edge-<name>}
     * @param vpcId            the cluster's VPC
     * @param targetType       {@code ip} or {@code instance}
     * @param service          the Service and its ports
     * @param healthCheckPath  what the ALB probes on each target
     * @param allowReplacement unprotect the group for an update that must replace it
     */
    public BoundTargetGroup(String name, Output<String> vpcId, String targetType, TargetSettings.BoundService service,
                            String healthCheckPath, boolean allowReplacement, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var group = new TargetGroup(name, TargetGroupArgs.builder()
                .vpcId(vpcId)
                .targetType(targetType)
                .port(service.targetPort())
                .protocol("HTTP")
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .path(healthCheckPath).protocol("HTTP").port("traffic-port").matcher("200-399")
                        .interval(10).healthyThreshold(2).unhealthyThreshold(2).build())
                .build(), CustomResourceOptions.builder().parent(this).protect(!allowReplacement).build());
        this.arn = group.arn();
        this.binding = group.arn().applyValue(a -> TargetGroupBindingManifest.render("latency-edge-" + name,
                targetType, service, a));
        registerOutputs(Map.of("arn", arn, "binding", binding));
    }
}
