package dev.latencyedge.diff;

import com.google.gson.JsonObject;
import dev.latencyedge.plan.ProtectionSettings;
import dev.latencyedge.settings.ConfigKeys;

import java.util.Optional;

/**
 * What refuses a replacement or a deletion before it happens, and the setting that allows it: the engine's
 * {@code protect} (pulumi/pulumi, pkg/resource/deploy/step_generator.go refuses to replace a resource protected
 * before and after the update, so unprotecting in the same update is enough; step.go refuses to delete a resource
 * its last state protects, so that takes an update first), and an application load balancer's deletion
 * protection, which must be turned off before AWS deletes the load balancer
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection).
 */
public final class Protection {

    /**
     * What refuses a change, and what allows it.
     *
     * @param reason    the refusal and the way through, for a person
     * @param allowedBy the stack setting that allows it, or null when none does
     */
    public record Block(String reason, String allowedBy) {
    }

    private Protection() {
    }

    static Optional<Block> replacement(String type, JsonObject before, JsonObject after) {
        if (PlanDiff.flag(before, "protect") && PlanDiff.flag(after, "protect")) {
            var setting = ProtectionSettings.UNPROTECTED_BY.get(type);
            return Optional.of(new Block("pulumi up refuses to replace a protected resource; " + (setting == null
                    ? "remove its protect option in this update" : "set " + setting + ": true for this update"),
                    setting));
        }
        return awsDeletionProtection(type, before);
    }

    static Optional<Block> deletion(String type, JsonObject before) {
        if (PlanDiff.flag(before, "protect")) {
            var setting = ProtectionSettings.UNPROTECTED_BY.get(type);
            return Optional.of(new Block("pulumi refuses to delete a protected resource; first " + (setting == null
                    ? "remove its protect option" : "set " + setting + ": true") + " and pulumi up", setting));
        }
        return awsDeletionProtection(type, before);
    }

    /** A replacement deletes the old load balancer too, after creating the new one. */
    private static Optional<Block> awsDeletionProtection(String type, JsonObject before) {
        var inputs = before.getAsJsonObject("inputs");
        if (type.equals(ProtectionSettings.LOAD_BALANCER) && inputs != null && inputs.has(ProtectionSettings.DELETION_PROTECTION_INPUT)
                && inputs.get(ProtectionSettings.DELETION_PROTECTION_INPUT).getAsBoolean()) {
            return Optional.of(new Block("AWS refuses to delete a load balancer with deletion protection; first set "
                    + ConfigKeys.DELETION_PROTECTION + ": false and pulumi up", ConfigKeys.DELETION_PROTECTION));
        }
        return Optional.empty();
    }
}
