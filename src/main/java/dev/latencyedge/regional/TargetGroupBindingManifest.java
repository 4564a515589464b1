package dev.latencyedge.regional;

import dev.latencyedge.settings.TargetSettings;

/**
 * The Kubernetes object that tells the AWS Load Balancer Controller to register a Service's pods (or nodes) in
 * a target group this program owns. The controller then keeps the targets current; this program keeps the ALB,
 * so neither fights the other. {@code serviceRef.port} is the Service's port (the controller resolves the pod or
 * node port from it), and the manifest carries no {@code networking} block: the security-group rules are this
 * program's.
 */
public final class TargetGroupBindingManifest {

    private TargetGroupBindingManifest() {
    }

    public static String render(String name, String targetType, TargetSettings.BoundService service,
                                String targetGroupArn) {
        return String.join("\n",
                "apiVersion: elbv2.k8s.aws/v1beta1",
                "kind: TargetGroupBinding",
                "metadata:",
                "  name: " + name,
                "  namespace: " + service.namespace(),
                "spec:",
                "  serviceRef:",
                "    name: " + service.name(),
                "    port: " + service.servicePort(),
                "  targetGroupARN: " + targetGroupArn,
                "  targetType: " + targetType,
                "");
    }
}
