package dev.latencyedge.settings;

/**
 * How the ALB reaches the EKS ingress controller.
 *
 * @param port           the port the ingress controller's pods (or nodes) listen on
 * @param type           {@code ip} (pods, the default) or {@code instance} (node ports)
 * @param serviceNamespace namespace of the ingress controller's Service, for the TargetGroupBinding
 * @param serviceName    name of that Service
 */
public record TargetSettings(int port, String type, String serviceNamespace, String serviceName) {

    public static final int DEFAULT_PORT = 80;
    public static final String DEFAULT_TYPE = "ip";
    public static final String DEFAULT_SERVICE = "ingress-nginx/ingress-nginx-controller";
}
