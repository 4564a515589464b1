package dev.latencyedge.settings;

import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentInternal;

import java.util.Optional;

/**
 * Configuration as the Pulumi engine hands it to the program. Secret values arrive decrypted; which keys were
 * secrets comes from the deployment, because the public Config API does not say (pulumi/pulumi#7127).
 */
public final class PulumiConfigSource implements ConfigSource {

    private final Context ctx;

    public PulumiConfigSource(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public String stackName() {
        return ctx.stackName();
    }

    @Override
    public String location() {
        return "Pulumi." + ctx.stackName() + ".yaml";
    }

    @Override
    public Optional<String> get(String key) {
        var colon = key.indexOf(':');
        return ctx.config(key.substring(0, colon)).get(key.substring(colon + 1));
    }

    @Override
    public boolean isSecret(String key) {
        return DeploymentInternal.getInstance().isConfigSecret(key);
    }
}
