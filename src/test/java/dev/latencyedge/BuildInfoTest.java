package dev.latencyedge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The version and commit Maven wrote into the build: the pom's version, and the commit git says was checked out. */
class BuildInfoTest {

    @Test
    void versionIsThePomsAndCommitIsTheCheckedOutOne() throws IOException, InterruptedException {
        var pom = Files.readString(Path.of("pom.xml"));
        var version = Pattern.compile("<artifactId>latency-edge</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        version.find();
        assertEquals(version.group(1), BuildInfo.version());

        var git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        var head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        // The commit the build read, "+modified" when the work tree had changes.
        assertEquals(git.waitFor() == 0 ? head : BuildInfo.UNKNOWN, BuildInfo.commit().replace("+modified", ""));
    }
}
