package dev.latencyedge.regional;

import dev.latencyedge.settings.TargetSettings;

/**
 * The Kubernetes object that tells the AWS Load Balancer Controller to register the ingress controller's pods
 * (or nodes) in a target group this program owns. The controller then keeps the targets current; this program
 * keeps the ALB, so neither fights the other.
 */
public final class TargetGroupBindingManifest {

    private TargetGroupBindingManifest() {
    }

    public static String render(String name, TargetSettings target, String targetGroupArn) {
        return String.join("\n",
                "apiVersion: elbv2.k8s.aws/v1beta1",
                "kind: TargetGroupBinding",
                "metadata:",
                "  name: " + name,
                "  namespace: " + target.serviceNamespace(),
                "spec:",
                "  serviceRef:",
                "    name: " + target.serviceName(),
                "    port: " + target.port(),
                "  targetGroupARN: " + targetGroupArn,
                "  targetType: " + target.type(),
                "");
    }
}
