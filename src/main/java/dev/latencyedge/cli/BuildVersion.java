package dev.latencyedge.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The program's version and the commit it was built from, as the build wrote them into git.properties. */
public final class BuildVersion implements CommandLine.IVersionProvider {

    private static final Properties BUILD = read();

    private static Properties read() {
        var properties = new Properties();
        try (var in = BuildVersion.class.getResourceAsStream("/git.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The project's version, {@code unknown} when built without the build's properties. */
    public static String version() {
        return BUILD.getProperty("git.build.version", "unknown");
    }

    /** The full commit id, with {@code +modified} when the work tree had changes; {@code unknown} outside git. */
    public static String commit() {
        var commit = BUILD.getProperty("git.commit.id.full", "unknown");
        return Boolean.parseBoolean(BUILD.getProperty("git.dirty")) ? commit + "+modified" : commit;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"latency-edge " + version() + " (commit " + commit() + ")"};
    }
}
