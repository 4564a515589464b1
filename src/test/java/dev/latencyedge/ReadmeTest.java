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
        // The role column is the keys table's: which role reads a key decides which stacks may set it.
        for (var row : table) {
            var cells = row.split("\\|");
            var key = documented.get(table.indexOf(row));
            var expected = dev.latencyedge.settings.ConfigKeys.onlyReadBy(key)
                    .map(dev.latencyedge.settings.Role::configValue).orElse("both");
            assertEquals(expected, cells[2].trim(), key);
        }
    }

    /**
     * A realistic change of dev, as a pull request would make it: add ap-southeast-1, drain us-east-1 and move its
     * ingress controller to pod port 8443 without allowTargetGroupReplacement (a blocked replacement), and move
     * eu-west-1 to fast health checks (a replacement). Returns the markdown diff of its offline plans.
     */
    static String realisticChangeDiff(Path work) throws IOException {
        var project = Fixtures.copyProject(work.resolve("project"));
        assertEquals(0, Cli.run(java.util.Map.of(), quiet(), quiet(), "plan", "dev", "--config-dir", project.toString(),
                "--out", work.resolve("base").toString(), "--no-policy"));
        var global = project.resolve("Pulumi.dev.yaml");
        Files.writeString(global, Files.readString(global).replace("    - eu-west-1\n", "    - eu-west-1\n    - ap-southeast-1\n"));
        var euWest1 = project.resolve("Pulumi.dev-eu-west-1.yaml");
        Files.writeString(project.resolve("Pulumi.dev-ap-southeast-1.yaml"),
                Files.readString(euWest1).replace("eu-west-1", "ap-southeast-1"));
        Files.writeString(euWest1, Files.readString(euWest1).replace("healthCheckInterval: 30", "healthCheckInterval: 10"));
        var usEast1 = project.resolve("Pulumi.dev-us-east-1.yaml");
        Files.writeString(usEast1, Files.readString(usEast1) + "  latency-edge:drain: true\n  latency-edge:targetPort: 8443\n");
        assertEquals(0, Cli.run(java.util.Map.of(), quiet(), quiet(), "plan", "dev", "--config-dir", project.toString(),
                "--out", work.resolve("head").toString(), "--no-policy"));
        var out = new java.io.ByteArrayOutputStream();
        Cli.run(java.util.Map.of(), new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), quiet(),
                "diff", work.resolve("base").toString(), work.resolve("head").toString(), "--format", "markdown");
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static java.io.PrintStream quiet() {
        return new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    }

    @Test
    void showsTheDiffOfARealisticChange(@org.junit.jupiter.api.io.TempDir Path work) throws IOException {
        var diff = realisticChangeDiff(work);
        assertTrue(diff.contains("requestInterval cannot change in place"), diff);
        assertTrue(diff.contains("| **replace** (blocked) | dev-us-east-1 | `us-east-1-ingress` |"), diff);
        assertTrue(diff.contains("| create | dev-ap-southeast-1 | whole stack: 30 resources | | | a new stack |"), diff);
        // The whole block, so nothing can sit in it beside the diff (a pasted failure message once did).
        var readme = Files.readString(Path.of(README));
        // Four backticks: the diff holds a ```mermaid block of its own.
        var start = readme.indexOf("````markdown\n") + "````markdown\n".length();
        assertEquals(diff, readme.substring(start, readme.indexOf("````\n", start)),
                "README.md's markdown block is not the current diff of the realistic change");
    }

    @Test
    void showsThePictureOfDevThatPlanDraws() throws IOException {
        var readme = Files.readString(Path.of(README));
        var marker = "The picture of `dev` (a test regenerates it):\n\n```mermaid\n";
        assertTrue(readme.contains(marker), "README.md lost the picture of dev");
        var start = readme.indexOf(marker) + marker.length();
        var picture = dev.latencyedge.plan.EnvironmentPicture.render(EnvironmentPlan.evaluate(Path.of("."), "dev"));
        assertEquals(picture, readme.substring(start, readme.indexOf("```\n", start)),
                "README.md's picture of dev is not what plan draws for it");
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
