package dev.latencyedge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The program's version (the pom's) and the git commit it was built from, written into the jar at build time
 * ({@code dev/latencyedge/build-info.properties}, filtered by Maven, and {@code build-commit.txt}, what
 * {@code git rev-parse HEAD} printed). A build outside a git work tree has no commit: "unknown".
 */
public final class BuildInfo {

    static final String RESOURCE = "build-info.properties";
    static final String COMMIT_RESOURCE = "build-commit.txt";
    static final String UNKNOWN = "unknown";
    private static final java.util.regex.Pattern COMMIT = java.util.regex.Pattern.compile("[0-9a-f]{40,64}");

    private static final Properties PROPERTIES = load();
    private static final String COMMIT_ID = loadCommit();

    private BuildInfo() {
    }

    public static String version() {
        return value("version");
    }

    public static String commit() {
        return COMMIT_ID;
    }

    /** A placeholder Maven left unfiltered (classes not built by Maven) is no value. */
    private static String value(String key) {
        var value = PROPERTIES.getProperty(key, "");
        return value.isBlank() || value.startsWith("${") ? UNKNOWN : value;
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

    /** What git printed, if it is a commit id (outside a repository it prints an error). */
    private static String loadCommit() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(COMMIT_RESOURCE)) {
            var text = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return COMMIT.matcher(text).matches() ? text : UNKNOWN;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMMIT_RESOURCE + " from the jar", e);
        }
    }
}
