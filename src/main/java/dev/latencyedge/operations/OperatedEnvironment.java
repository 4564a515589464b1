package dev.latencyedge.operations;

import dev.latencyedge.failover.FailoverBudget;
import dev.latencyedge.passphrase.PassphraseSecrets;
import dev.latencyedge.plan.PlanException;
import dev.latencyedge.settings.ConfigException;
import dev.latencyedge.settings.ConfigKeys;
import dev.latencyedge.settings.GlobalSettings;
import dev.latencyedge.stackfiles.StackFile;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What status and drill need from an environment's stack files: the zone and the latency name to ask Route 53
 * about, and each Region's failover budget as the plan computes it. Nothing else of ours is trusted: the truth is
 * read from Route 53.
 *
 * @param env           the environment (its global stack's name)
 * @param zone          {@code latency-edge:zone}
 * @param latencyName   {@code <originLabel>.<originParent>}
 * @param shownName     the latency name as printed: the label masked when it was set as a secret
 * @param settings      the global stack's settings
 * @param stackFiles    reads the environment's other stack files
 */
public record OperatedEnvironment(String env, String zone, String latencyName, String shownName,
                                  GlobalSettings settings, Function<String, StackFile> stackFiles) {

    static final String SECRET_MASK = "[secret]";

    /** Reads {@code Pulumi.<env>.yaml}; a passphrase from the environment decrypts a secret origin label. */
    public static OperatedEnvironment read(Path configDir, String env, Map<String, String> environment) {
        try {
            var stackFiles = StackFile.reader(configDir, PassphraseSecrets.fromEnvironment(environment));
            var file = stackFiles.apply(env);
            var settings = file.globalSettings();
            if (file.placeholderKeys().contains(ConfigKeys.ORIGIN_LABEL)) {
                throw new OperationsException(ExitStatus.BAD_INPUT, file.path() + ": " + ConfigKeys.ORIGIN_LABEL
                        + " is a secret that cannot be read here (" + file.placeholderReason()
                        + "): the latency name is unknown");
            }
            var name = settings.originHost();
            var shown = settings.originLabelIsSecret() ? SECRET_MASK + "." + settings.common().originParent() : name;
            return new OperatedEnvironment(env, settings.common().zone(), name, shown, settings, stackFiles);
        } catch (PlanException | ConfigException e) {
            throw new OperationsException(ExitStatus.BAD_INPUT, e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The dashboard the global stack creates (issue 21): it names the distribution for the metrics. */
    public String dashboardName() {
        return env + "-latency-edge";
    }

    /** A Region's failover budget and its arithmetic, as the plan's summary shows it. */
    public record Budget(FailoverBudget budget, String explanation) {
    }

    /** Region R's failover budget, from its regional stack's health-check settings and the distribution's. */
    public Budget budget(String region) {
        try {
            var health = stackFiles.apply(GlobalSettings.regionalStackName(env, region))
                    .regionalSettings("the drill reads Region " + region + "'s health-check settings").health();
            var origin = settings.cdn().origin();
            return new Budget(FailoverBudget.of(health.requestInterval(), health.failureThreshold(),
                    origin.connectionAttempts(), origin.connectionTimeout()),
                    FailoverBudget.explain(health.requestInterval(), health.failureThreshold()));
        } catch (PlanException | ConfigException e) {
            throw new OperationsException(ExitStatus.BAD_INPUT, e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The latency name as printed; never the secret label. */
    public String show(String text) {
        return text.replace(latencyName, shownName);
    }
}
