package dev.latencyedge.delivery;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who deploys an environment's pushes: the GitHub deploy workflow or Pulumi Deployments, never both (two
 * deployers of one stack collide with 409 "another update is in progress", and a webhook fired by one races the
 * other's edge job). Chosen once per environment, as {@code deployer:} in {@code Pulumi.<env>.deploy.yaml}.
 */
public enum Deployer {
    GITHUB_ACTIONS("github-actions"),
    PULUMI_DEPLOYMENTS("pulumi-deployments");

    private final String value;

    Deployer(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Deployer> of(String value) {
        return Arrays.stream(values()).filter(d -> d.value.equals(value)).findFirst();
    }
}
