package dev.latencyedge;

import dev.latencyedge.plan.EnvironmentPlan;
import dev.latencyedge.plan.PlanSummary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README shows what the program prints, figures included; it must not drift from it. */
class ReadmeTest {

    private static final String README = "README.md";

    @Test
    void topCommandsAreTheMainJobAndTheCiTestCommand() throws IOException {
        var readme = Files.readString(Path.of(README));
        assertTrue(readme.contains("./mvnw -B -q package -DskipTests && java -jar target/latency-edge.jar plan dev"));
        var ci = Files.readString(Path.of(".ci/run"));
        assertEquals("./mvnw -B verify", ci.lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(readme.contains("```sh\n./mvnw -B verify\n```"));
    }

    @Test
    void theConfigurationTableListsEveryKeyTheProgramReads() throws IOException {
        var table = Files.readString(Path.of(README)).lines().filter(l -> l.startsWith("| `latency-edge:")).toList();
        var documented = table.stream().map(l -> l.substring(3, l.indexOf('`', 3))).toList();
        assertEquals(dev.latencyedge.settings.ConfigKeys.PROJECT_KEYS.stream().sorted().toList(),
                documented.stream().sorted().toList());
    }

    @Test
    void showsTheSummariesTheProgramPrints() throws IOException {
        var readme = Files.readString(Path.of(README));
        var dev = PlanSummary.render(EnvironmentPlan.evaluate(Path.of("."), "dev"));
        assertTrue(readme.contains(dev), "README.md does not show the current summary of dev; paste:\n" + dev);
        var prod = PlanSummary.render(EnvironmentPlan.evaluate(Path.of("."), "prod"));
        var prodTail = prod.substring(prod.indexOf("Routing:"));
        assertTrue(readme.contains(prodTail), "README.md does not show prod's routing, health and cost; paste:\n"
                + prodTail);
    }
}
