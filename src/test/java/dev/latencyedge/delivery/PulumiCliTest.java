package dev.latencyedge.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PulumiCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * A {@code pulumi} on a PATH of its own that answers {@code pulumi version} as the real one does: {@code v} and
     * the version on one line (pulumi/actions src/libs/pulumi-cli.ts parses it so), then the upgrade notice the
     * CLI may add.
     */
    static String pulumiOnPath(Path dir, String printedVersion) throws IOException {
        var pulumi = dir.resolve("pulumi");
        Files.writeString(pulumi, "#!/bin/sh\n[ \"$1\" = version ] && echo '" + printedVersion + "'"
                + " && echo 'warning: A new version of Pulumi is available.' >&2\nexit 0\n");
        Files.setPosixFilePermissions(pulumi, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.toString();
    }

    /** A pulumi CLI of the pinned version, for commands that need one. */
    static Map<String, String> pinnedCliOnPath(Path dir) throws IOException {
        return Map.of("PATH", pulumiOnPath(dir, "v" + PulumiCli.pin(Path.of("."))));
    }

    private int check(Path bin) {
        return PulumiCli.check(Path.of("."), Map.of("PATH", bin.toString()), "dev",
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String said() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommittedPinIsOneExactVersionAsPulumiActionsReadsIt() throws IOException {
        // pulumi/actions src/config.ts: the file's content, trimmed, is the version range it installs.
        var text = Files.readString(Path.of(PulumiCli.PIN_FILE));
        assertTrue(text.strip().matches("\\d+\\.\\d+\\.\\d+"), text);
        assertEquals(1, text.lines().count());
    }

    @Test
    void aMissingCliIsRefusedInOneLineWithTheShellsNotFoundStatus(@TempDir Path empty) {
        assertEquals(127, check(empty));
        assertEquals(1, said().lines().count(), said());
        assertTrue(said().startsWith("the pulumi CLI is not on the PATH: install version " + PulumiCli.pin(Path.of("."))
                + " or later"), said());
    }

    @Test
    void aCliOlderThanThePinIsRefusedInOneLineNamingBothVersions(@TempDir Path bin) throws IOException {
        pulumiOnPath(bin, "v3.250.9");
        assertEquals(126, check(bin));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("the pulumi CLI at " + bin.resolve("pulumi") + " is v3.250.9, older than "
                + PulumiCli.pin(Path.of(".")) + " pinned in .pulumi.version: upgrade it"
                + " (https://www.pulumi.com/docs/install/)", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void thePinnedVersionOrANewerOneIsUsedAndNamed(@TempDir Path bin) throws IOException {
        pulumiOnPath(bin, "v3.260.0-alpha.1755800000");
        assertEquals(0, check(bin));
        assertEquals("using the pulumi CLI v3.260.0-alpha.1755800000 at " + bin.resolve("pulumi") + " (pinned: "
                + PulumiCli.pin(Path.of(".")) + " or later)", out.toString(StandardCharsets.UTF_8).strip());
        out.reset();
        pulumiOnPath(bin, "v" + PulumiCli.pin(Path.of(".")));
        assertEquals(0, check(bin));
        // 3.100.0 is newer than 3.99.0: versions compare as numbers, not as text.
        pulumiOnPath(bin, "v4.0.0");
        assertEquals(0, check(bin));
    }

    @Test
    void aCliThatPrintsNoVersionIsRefused(@TempDir Path bin) throws IOException {
        pulumiOnPath(bin, "error: could not load plugin");
        assertEquals(126, check(bin));
        assertEquals(1, said().lines().count(), said());
        assertTrue(said().contains("did not print its version"), said());
    }
}
