package dev.latencyedge.settings;

import java.util.List;

/**
 * How the ALB reaches the cluster: two target groups, each filled by the AWS Load Balancer Controller through a
 * TargetGroupBinding, one for the ingress controller (all viewer traffic) and one for the application's health
 * Service (only Route 53's health checks), so a Region whose application is down fails its check even though
 * its ingress controller still answers.
 *
 * @param type                   {@code ip} (pods, the default) or {@code instance} (node ports), for both groups
 * @param ingress                the ingress controller's Service
 * @param ingressHealthCheckPath path the ALB probes on the ingress controller's pods (its own health, not the
 *                               application's)
 * @param application            the application's health Service, which the Route 53 check reaches
 * @param securityGroupIds       security groups the targets carry; empty means the EKS cluster security group
 * @param allowReplacement       let a change of port, target type or cluster replace the target groups; the
 *                               TargetGroupBindings must then be re-created (the controller refuses to change
 *                               the ARN of an existing one), so by default the groups are protected
 */
public record TargetSettings(String type, BoundService ingress, String ingressHealthCheckPath,
                             BoundService application, List<String> securityGroupIds, boolean allowReplacement) {

    public static final String DEFAULT_TYPE = "ip";
    public static final String DEFAULT_INGRESS_SERVICE = "ingress-nginx/ingress-nginx-controller";
    public static final int DEFAULT_PORT = 80;
    public static final String DEFAULT_INGRESS_HEALTH_CHECK_PATH = "/healthz";

    public TargetSettings {
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    /** The distinct pod (or node) ports the ALB sends to: the security-group rules open exactly these. */
    public List<Integer> targetPorts() {
        return List.of(ingress.targetPort(), application.targetPort()).stream().distinct().toList();
    }

    /**
     * A Kubernetes Service bound to a target group.
     *
     * @param namespace   the Service's namespace
     * @param name        the Service's name
     * @param servicePort the Service's port: what a TargetGroupBinding's {@code serviceRef.port} names
     * @param targetPort  the pod port (target type ip) or node port (instance) the ALB connects to: the target
     *                    group's port and the security-group rules
     */
    public record BoundService(String namespace, String name, int servicePort, int targetPort) {
        @Override
        public String toString() {
            return namespace + "/" + name + ":" + servicePort;
        }
    }
}
