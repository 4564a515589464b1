package dev.latencyedge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The program's version (the pom's) and the git commit it was built from, written into the jar at build time
 * ({@code dev/latencyedge/build-info.properties}, filtered by Maven). A build outside a git work tree has no
 * commit: "unknown".
 */
public final class BuildInfo {

    static final String RESOURCE = "build-info.properties";
    static final String UNKNOWN = "unknown";

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String version() {
        return value("version");
    }

    public static String commit() {
        return value("commit");
    }

    /** A placeholder Maven left unfiltered (no git, or classes not built by Maven) is no value. */
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
}
