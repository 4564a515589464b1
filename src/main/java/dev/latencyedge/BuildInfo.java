package dev.latencyedge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The program's version (the pom's) and the git commit it was built from, as the build wrote them into the jar:
 * for the version option and the plan manifest. The version comes from {@code latency-edge-build.properties}
 * (filtered by Maven); the commit from {@code build-commit.txt}, what {@code git describe} printed in the work tree
 * built.
 */
public final class BuildInfo {

    static final String RESOURCE = "/latency-edge-build.properties";
    static final String COMMIT_RESOURCE = "/build-commit.txt";
    static final String UNKNOWN = "unknown";
    /** A full commit id, "+modified" when the work tree had changes; anything else (an error) is no commit. */
    private static final java.util.regex.Pattern COMMIT = java.util.regex.Pattern.compile("[0-9a-f]{40}(\\+modified)?");

    private static final Properties BUILD = load();
    private static final String COMMIT_ID = loadCommit();

    private BuildInfo() {
    }

    /** The project's version, {@value #UNKNOWN} when built without the build's properties. */
    public static String version() {
        return BUILD.getProperty("version", UNKNOWN);
    }

    /** The full commit id, with {@code +modified} when the work tree had changes; {@value #UNKNOWN} outside git. */
    public static String commit() {
        return COMMIT_ID;
    }

    private static Properties load() {
        var properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
        }
        return properties;
    }

    private static String loadCommit() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(COMMIT_RESOURCE)) {
            var text = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return COMMIT.matcher(text).matches() ? text : UNKNOWN;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMMIT_RESOURCE + " from the jar", e);
        }
    }
}
