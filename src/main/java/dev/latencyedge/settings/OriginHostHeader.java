package dev.latencyedge.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which Host the ALBs (and so the ingress controller's routing rules) see.
 *
 * <p>{@link #VIEWER}, the default, forwards the viewer's Host (managed origin request policy AllViewer): Ingress
 * and HTTPRoute rules keyed on the public names match, and redirects built from Host stay on them. CloudFront then
 * checks the origin certificate against that Host, so every regional ALB certificate covers the public names.
 *
 * <p>{@link #ORIGIN} keeps the secret origin name as Host (AllViewerExceptHostHeader), for host-less Ingresses
 * only; a CloudFront Function copies the viewer's host into {@code X-Forwarded-Host} so applications can still
 * build public URLs.
 */
public enum OriginHostHeader {
    VIEWER("viewer", "216adef6-5c7f-47e4-b989-5492eafa07d3"),
    ORIGIN("origin", "b689b0a8-53d0-40ab-baf2-68738e2966ac");

    private final String configValue;
    private final String originRequestPolicyId;

    OriginHostHeader(String configValue, String originRequestPolicyId) {
        this.configValue = configValue;
        this.originRequestPolicyId = originRequestPolicyId;
    }

    public String configValue() {
        return configValue;
    }

    /** The managed origin request policy: AllViewer, or AllViewerExceptHostHeader. */
    public String originRequestPolicyId() {
        return originRequestPolicyId;
    }

    public static Optional<OriginHostHeader> byConfigValue(String value) {
        return Arrays.stream(values()).filter(h -> h.configValue.equals(value)).findFirst();
    }
}
