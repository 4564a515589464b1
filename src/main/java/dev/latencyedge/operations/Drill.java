package dev.latencyedge.operations;

import dev.latencyedge.failover.FailoverBudget;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code drill <env> --region R}: proves failover by making Route 53 see Region R as failed, without touching the
 * application, and puts everything back.
 *
 * <p>It inverts the health check of R's latency records, R's calculated check ({@code UpdateHealthCheck} with
 * {@code Inverted}, guarded by {@code HealthCheckVersion} so a concurrent edit is refused, not overwritten), so
 * Route 53 stops answering with R. The endpoint check beneath it, which the Region's CloudWatch alarm watches
 * (regional/RegionalHealthCheck), is left alone: a drill pages no one. From the vantage points R served it
 * measures the time until Route 53's verdict on R is "unhealthy" and until Route 53 answers every one of them with
 * another Region; then it restores the check and measures the way back. Route 53's answers decide the outcome;
 * CloudWatch is not needed.
 *
 * <p>Nothing stays changed: the journal ({@link DrillJournal}) is written before the change; the check is put back
 * on normal exit, on error, and from a shutdown hook on Ctrl-C or SIGTERM; after a SIGKILL or a crash,
 * {@code drill <env> --restore} puts it back from the journal.
 */
public final class Drill {

    /** The drill's clock: the system's, or a test's. */
    public interface Timing {
        Instant now();

        void sleep(Duration duration) throws InterruptedException;

        Timing SYSTEM = new Timing() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }

    /** The drill's options. */
    public record Options(String region, int pollSeconds, Optional<Integer> timeoutSeconds, boolean dryRun) {
        public static final int DEFAULT_POLL_SECONDS = 10;
    }

    /** What one direction of the drill measured, from the change: empty when it did not happen in time. */
    record Measurement(Optional<Duration> verdict, Optional<Duration> answers) {
    }

    private final OperatedEnvironment target;
    private final Route53Reader route53;
    private final DrillJournal journal;
    private final Timing timing;
    private final PrintStream out;
    private final Object restoring = new Object();

    Drill(OperatedEnvironment target, Route53Reader route53, DrillJournal journal, Timing timing, PrintStream out) {
        this.target = target;
        this.route53 = route53;
        this.journal = journal;
        this.timing = timing;
        this.out = out;
    }

    /** The command: {@code drill <env> --region R ...}; returns the exit status ({@link ExitStatus}). */
    public static int run(String env, Path configDir, Options options, Map<String, String> environment,
                          PrintStream out, PrintStream err) {
        return withClients(env, configDir, environment, out, err, drill -> drill.drill(options));
    }

    /** The command: {@code drill <env> --restore}. */
    public static int restore(String env, Path configDir, Map<String, String> environment, PrintStream out,
                              PrintStream err) {
        return withClients(env, configDir, environment, out, err, drill -> {
            if (drill.journal.read().isEmpty()) {
                out.println("No drill journal at " + drill.journal.path() + ": nothing to restore.");
                return ExitStatus.OK;
            }
            try {
                drill.restoreFromJournal();
                return ExitStatus.OK;
            } catch (SdkException e) {
                throw new OperationsException(ExitStatus.NOT_RESTORED, "Route 53: " + Status.firstLine(e)
                        + "; the journal " + drill.journal.path() + " is kept", e);
            }
        });
    }

    private interface Action {
        int apply(Drill drill);
    }

    private static int withClients(String env, Path configDir, Map<String, String> environment, PrintStream out,
                                   PrintStream err, Action action) {
        OperatedEnvironment target = null;
        try {
            target = OperatedEnvironment.read(configDir, env, environment);
            try (var clients = new AwsClients(Route53RateLimiter.fromEnvironment(environment))) {
                var drill = new Drill(target, new Route53Reader(clients.route53()), DrillJournal.of(configDir, env),
                        Timing.SYSTEM, out);
                return action.apply(drill);
            }
        } catch (OperationsException e) {
            err.println("drill " + env + ": " + Status.shown(target, e.getMessage()));
            return e.exitStatus();
        } catch (SdkException e) {
            err.println("drill " + env + ": Route 53: " + Status.shown(target, Status.firstLine(e)));
            return ExitStatus.AWS_ERROR;
        }
    }

    /** Checks, changes, measures, restores, reports. */
    int drill(Options options) {
        var region = options.region();
        var explained = target.budget(region);
        var budget = explained.budget();
        var timeout = Duration.ofSeconds(options.timeoutSeconds().orElse(2 * budget.moveViewersSeconds()));
        var poll = Duration.ofSeconds(options.pollSeconds());
        journal.read().ifPresent(entry -> {
            throw new OperationsException(ExitStatus.REFUSED, "a drill of " + entry.region() + " started at "
                    + entry.startedAt() + " left its journal " + journal.path() + ": run drill " + target.env()
                    + " --restore first");
        });

        var zoneId = route53.publicZoneId(target.zone());
        var before = Status.read(target, route53, zoneId, VantagePoints.of(List.of()), Optional.empty());
        var health = before.regions().get(region);
        if (health == null || health.labels().isEmpty()) {
            throw new OperationsException(ExitStatus.REFUSED, "Route 53 has no latency record served by " + region
                    + " (serving: " + String.join(", ", before.regions().keySet()) + ")");
        }
        var others = before.healthyServing().stream().filter(r -> !r.equals(region)).toList();
        if (others.isEmpty()) {
            throw new OperationsException(ExitStatus.REFUSED, "no Region other than " + region
                    + " is healthy and serving: failing it would leave Route 53 nothing to fail over to");
        }
        if (!Boolean.TRUE.equals(health.healthy())) {
            throw new OperationsException(ExitStatus.REFUSED, region + " is not healthy now (" + health.why()
                    + "): there is no failover to prove");
        }
        var check = health.check().orElseThrow(() -> new OperationsException(ExitStatus.REFUSED,
                region + "'s latency records have no health check to invert"));
        if (check.inverted()) {
            throw new OperationsException(ExitStatus.REFUSED, "health check " + check.id() + " of " + region
                    + " is inverted already: someone is drilling or testing it");
        }
        if (!check.calculated()) {
            out.println("Note: " + region + "'s records use an endpoint check directly; inverting it trips any alarm"
                    + " on its HealthCheckStatus.");
        }
        var served = new java.util.LinkedHashMap<String, String>();
        before.servedBy(region).forEach(point -> served.put(point, before.vantages().get(point).clientIp()));
        if (served.isEmpty()) {
            throw new OperationsException(ExitStatus.REFUSED, "Route 53 answers none of the vantage points with "
                    + region + ": nothing to measure failover from");
        }

        out.println("Drill of " + region + " in " + target.env() + " (" + target.shownName() + "); other healthy"
                + " serving Regions: " + String.join(", ", others));
        out.println("Vantage points " + region + " serves: " + String.join(", ", served.keySet()));
        out.println("Failover budget: " + explained.explanation());
        out.println("Steps:");
        out.println("  1. write the journal " + journal.path() + " (check " + check.id() + ", Inverted false,"
                + " HealthCheckVersion " + check.version() + ")");
        out.println("  2. UpdateHealthCheck " + check.id() + " Inverted=true HealthCheckVersion=" + check.version());
        out.println("  3. every " + poll.toSeconds() + " s, up to " + timeout.toSeconds() + " s: Route 53's verdict"
                + " on " + region + " and its TXT answer to each vantage point above");
        out.println("  4. UpdateHealthCheck " + check.id() + " Inverted=false (its current version); delete the"
                + " journal");
        out.println("  5. the same polling until " + region + " is healthy and answers them again");
        if (options.dryRun()) {
            out.println("Dry run: nothing was changed.");
            return ExitStatus.OK;
        }

        journal.create(new DrillJournal.Entry(target.env(), region, check.id(), false, check.version(),
                timing.now().toString()));
        var hook = new Thread(this::restoreQuietly, "drill-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        Measurement failover;
        Measurement back;
        try {
            route53.setInverted(check.id(), true, check.version());
            out.println("Inverted " + check.id() + ": Route 53 now sees " + region + " as failed.");
            failover = measure(region, health, zoneId, served, true, poll, timeout);
            if (!restoreFromJournal()) {
                return ExitStatus.NOT_RESTORED;
            }
            back = measure(region, health, zoneId, served, false, poll, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return restoreQuietly() ? ExitStatus.AWS_ERROR : ExitStatus.NOT_RESTORED;
        } catch (RuntimeException e) {
            if (!restoreQuietly()) {
                throw new OperationsException(ExitStatus.NOT_RESTORED, Status.firstLine(e) + "; and the check could"
                        + " not be put back: run drill " + target.env() + " --restore", e);
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it restores
            }
        }
        return report(region, budget, failover, back, timeout);
    }

    private Measurement measure(String region, RegionHealth health, String zoneId, Map<String, String> served,
                                boolean failing, Duration poll, Duration timeout) throws InterruptedException {
        var start = timing.now();
        Optional<Duration> verdict = Optional.empty();
        Optional<Duration> answers = Optional.empty();
        out.println(failing ? "Failing over:" : "Coming back:");
        while (true) {
            var now = RegionHealth.read(route53, region, health.labels(), health.healthCheckId());
            var elapsed = Duration.between(start, timing.now());
            if (verdict.isEmpty() && Boolean.valueOf(!failing).equals(now.healthy())) {
                verdict = Optional.of(elapsed);
            }
            var answered = Status.answers(route53, zoneId, target.latencyName(), served);
            var done = answered.values().stream().filter(v -> failing
                    ? v.answeredBy().filter(r -> !r.equals(region)).isPresent()
                    : v.answeredBy().filter(region::equals).isPresent()).count();
            elapsed = Duration.between(start, timing.now());
            if (answers.isEmpty() && done == served.size()) {
                answers = Optional.of(elapsed);
            }
            out.printf("  +%4d s  %s %s; %d of %d vantage points answered %s%n", elapsed.toSeconds(), region,
                    now.healthy() == null ? "unknown" : now.healthy() ? "healthy" : "unhealthy", done, served.size(),
                    failing ? "by another Region" : "by " + region);
            if (verdict.isPresent() && answers.isPresent() || elapsed.compareTo(timeout) >= 0) {
                return new Measurement(verdict, answers);
            }
            timing.sleep(poll);
        }
    }

    private int report(String region, FailoverBudget budget, Measurement failover, Measurement back,
                       Duration timeout) {
        out.println("Result for " + region + ":");
        out.println("  Route 53 reported it unhealthy after " + seconds(failover.verdict(), timeout)
                + " (detection budget " + budget.detectionSeconds() + " s)");
        var ok = failover.answers().isPresent();
        if (ok) {
            var moved = failover.answers().get().toSeconds();
            var total = moved + budget.dnsTtlSeconds() + budget.keepAliveSeconds();
            ok = total <= budget.moveViewersSeconds();
            out.println("  every vantage point it served was answered by another Region after " + moved + " s; with"
                    + " the " + budget.dnsTtlSeconds() + " s TTL and " + budget.keepAliveSeconds() + " s ALB keep-alive"
                    + " viewers have moved by " + total + " s, " + (ok ? "within" : "OVER") + " the budget of "
                    + budget.moveViewersSeconds() + " s");
        } else {
            out.println("  FAILOVER DID NOT HAPPEN: some vantage point was still answered by " + region + " after "
                    + timeout.toSeconds() + " s");
        }
        out.println("  way back: healthy after " + seconds(back.verdict(), timeout) + ", every vantage point answered"
                + " by " + region + " again after " + seconds(back.answers(), timeout));
        return ok ? ExitStatus.OK : ExitStatus.OVER_BUDGET;
    }

    private static String seconds(Optional<Duration> measured, Duration timeout) {
        return measured.map(d -> d.toSeconds() + " s").orElse("more than " + timeout.toSeconds() + " s (timeout)");
    }

    /** Puts the journal's check back as it was and deletes the journal; true when nothing stays changed. */
    boolean restoreFromJournal() {
        synchronized (restoring) {
            var entry = journal.read();
            if (entry.isEmpty()) {
                return true;
            }
            var e = entry.get();
            var check = route53.healthCheck(e.healthCheckId());
            if (check.inverted() != e.inverted()) {
                route53.setInverted(e.healthCheckId(), e.inverted(), check.version());
                out.println("Restored " + e.healthCheckId() + " (" + e.region() + "): Inverted " + e.inverted() + ".");
            } else {
                out.println("Health check " + e.healthCheckId() + " (" + e.region() + ") is as it was: Inverted "
                        + e.inverted() + ".");
            }
            journal.delete();
            return true;
        }
    }

    private boolean restoreQuietly() {
        try {
            return restoreFromJournal();
        } catch (RuntimeException e) {
            out.println("Could not put health check back: " + Status.firstLine(e) + ". Run drill " + target.env()
                    + " --restore (journal " + journal.path() + ")");
            return false;
        }
    }
}
