package dev.latencyedge.plan;

import dev.latencyedge.settings.ConfigKeys;

import java.util.Map;

/**
 * The protections this program sets and the stack setting that lifts each: the plan summary lists them, the diff
 * names the setting when one blocks a change.
 */
public final class ProtectionSettings {

    /** Type -> the setting that lifts {@code protect} on resources of the type (regional/BoundTargetGroup). */
    public static final Map<String, String> UNPROTECTED_BY = Map.of(
            "aws:lb/targetGroup:TargetGroup", ConfigKeys.ALLOW_TARGET_GROUP_REPLACEMENT);

    /** The load balancer type, whose input turns AWS's deletion protection on (regional/RegionalIngress). */
    public static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    public static final String DELETION_PROTECTION_INPUT = "enableDeletionProtection";

    private ProtectionSettings() {
    }
}
