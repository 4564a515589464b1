package dev.latencyedge.settings;

import dev.latencyedge.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import static dev.latencyedge.Fixtures.global;
import static dev.latencyedge.Fixtures.regional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A key the program would not read is refused, never ignored: an ignored drain leaves a Region in rotation. */
class UnreadKeysTest {

    private static ConfigException.Problem onlyProblem(Fixtures.Config config) {
        var error = assertThrows(ConfigException.class, config::load);
        assertEquals(1, error.problems().size(), error.getMessage());
        assertTrue(error.getMessage().contains(config.location()), error.getMessage());
        return error.problems().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latency-edge:drian|true|latency-edge:drain",
            "latency-edge:healthCheckIntervall|10|latency-edge:healthCheckInterval",
            "latency-edge:Drain|true|latency-edge:drain",
            "latency-edge:healthServce|shop/web|latency-edge:healthService"})
    void aMisspeltRegionalKeyIsRefusedWithTheKeyMeant(String key, String value, String meant) {
        var problem = onlyProblem(regional("prod", "eu-west-1").set(key, value));
        assertEquals(key, problem.key());
        assertTrue(problem.reason().contains("is not a key the program reads"), problem.reason());
        assertTrue(problem.reason().endsWith("did you mean `" + meant + "`?"), problem.reason());
    }

    @Test
    void aMisspeltGlobalKeyIsRefusedWithTheGlobalKeyMeant() {
        var problem = onlyProblem(global("prod", "eu-west-1").set("latency-edge:priceClas", "PriceClass_100"));
        assertTrue(problem.reason().endsWith("did you mean `latency-edge:priceClass`?"), problem.reason());
    }

    @Test
    void aMisspeltKeyOfTheOtherRoleIsNamedWithWhoReadsIt() {
        var problem = onlyProblem(global("prod", "eu-west-1").set("latency-edge:healthCheckIntervall", "10"));
        assertTrue(problem.reason().endsWith("did you mean `latency-edge:healthCheckInterval`, which only regional"
                + " stacks (Pulumi.<env>-<region>.yaml) read?"), problem.reason());
    }

    @Test
    void aGlobalKeyInARegionalStackIsRefused() {
        var problem = onlyProblem(regional("prod", "eu-west-1").set("latency-edge:priceClass", "PriceClass_100"));
        assertEquals("latency-edge:priceClass", problem.key());
        assertTrue(problem.reason().startsWith("is read only by global stacks (Pulumi.<env>.yaml), not by a region"
                + " stack"), problem.reason());
    }

    @Test
    void aRegionalKeyInAGlobalStackIsRefused() {
        var problem = onlyProblem(global("prod", "eu-west-1").set("latency-edge:clusterName", "prod-eu-west-1"));
        assertEquals("latency-edge:clusterName", problem.key());
        assertTrue(problem.reason().startsWith("is read only by regional stacks"), problem.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"latencyedge:drain", "latency_edge:drain", "Latency-Edge:drain", "latency-egde:drain"})
    void aNamespaceAlmostOursIsRefused(String key) {
        var problem = onlyProblem(regional("prod", "eu-west-1").set(key, "true"));
        assertEquals(key, problem.key());
        assertTrue(problem.reason().contains("is not \"latency-edge\""), problem.reason());
        assertTrue(problem.reason().endsWith("did you mean `latency-edge:drain`?"), problem.reason());
    }

    @Test
    void otherPackagesKeysStayTheirs() {
        var settings = regional("prod", "eu-west-1").set("aws:profile", "prod").set("aws:skipMetadataApiCheck", "false")
                .set("kubernetes:context", "prod").set("pulumi:disable-default-providers", "[\"*\"]").load();
        assertInstanceOf(RegionalSettings.class, settings);
    }

    @Test
    void aTypoIsReportedBesideTheStacksOtherProblems() {
        var error = assertThrows(ConfigException.class, regional("prod", "eu-west-1")
                .set("latency-edge:drian", "true").set("latency-edge:healthCheckInterval", "15")::load);
        assertEquals(Set.of("latency-edge:drian", "latency-edge:healthCheckInterval"),
                Set.copyOf(error.problems().stream().map(ConfigException.Problem::key).toList()));
    }

    @Test
    void aMisspeltRoleKeyIsNamedWhenTheRoleIsMissing() {
        var error = assertThrows(ConfigException.class, regional("prod", "eu-west-1").unset("latency-edge:role")
                .set("latency-edge:rol", "region")::load);
        assertTrue(error.getMessage().contains("latency-edge:rol: is not a key the program reads, so it would be"
                + " ignored; did you mean `latency-edge:role`?"), error.getMessage());
        assertTrue(error.getMessage().contains("latency-edge:role: is required"), error.getMessage());
    }

    /** The keys table is the one place: the loader reads exactly the keys it gives each role. */
    @Test
    void theLoaderReadsExactlyTheKeysTheTableGivesEachRole() {
        assertEquals(readBy(regional("prod", "eu-west-1")), withRegion(ConfigKeys.readBy(Role.REGION)));
        assertEquals(readBy(global("prod", "eu-west-1")), withRegion(ConfigKeys.readBy(Role.GLOBAL)));
        assertEquals(Set.copyOf(ConfigKeys.PROJECT_KEYS), union(ConfigKeys.readBy(Role.REGION),
                ConfigKeys.readBy(Role.GLOBAL)));
        assertEquals(Optional.of(Role.GLOBAL), ConfigKeys.onlyReadBy(ConfigKeys.PRICE_CLASS));
        assertEquals(Optional.empty(), ConfigKeys.onlyReadBy(ConfigKeys.DOMAIN));
    }

    private static Set<String> readBy(Fixtures.Config config) {
        var read = new LinkedHashSet<String>();
        SettingsLoader.load(new ConfigSource() {
            @Override
            public String stackName() {
                return config.stackName();
            }

            @Override
            public String location() {
                return config.location();
            }

            @Override
            public Optional<String> get(String key) {
                read.add(key);
                return config.get(key);
            }

            @Override
            public boolean isSecret(String key) {
                return config.isSecret(key);
            }

            @Override
            public Set<String> stackKeys() {
                return config.stackKeys();
            }
        });
        return read;
    }

    private static Set<String> withRegion(Set<String> keys) {
        return union(keys, Set.of(ConfigKeys.AWS_REGION));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void distanceCountsASwapOfNeighboursAsOneEdit() {
        assertEquals(1, EditDistance.between("drian", "drain"));
        assertEquals(1, EditDistance.between("healthcheckintervall", "healthcheckinterval"));
        assertEquals(3, EditDistance.between("kitten", "sitting"));
    }
}
