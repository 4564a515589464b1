package dev.latencyedge.operations;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What a drill changed, written before it changes anything: {@code <config-dir>/.latency-edge/drill-<env>.json}.
 * While it exists a second drill refuses, and {@code drill <env> --restore} puts the check back from it.
 */
public final class DrillJournal {

    /**
     * @param environment    the environment drilled
     * @param region         the Region made to fail
     * @param healthCheckId  the check the drill inverts (the Region's calculated check)
     * @param inverted       its original {@code Inverted}, put back on restore
     * @param versionBefore  its {@code HealthCheckVersion} before the drill
     * @param startedAt      when the drill started (ISO-8601)
     */
    public record Entry(String environment, String region, String healthCheckId, boolean inverted,
                        long versionBefore, String startedAt) {
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path path;

    private DrillJournal(Path path) {
        this.path = path;
    }

    public static DrillJournal of(Path configDir, String env) {
        return new DrillJournal(configDir.resolve(".latency-edge").resolve("drill-" + env + ".json"));
    }

    public Path path() {
        return path;
    }

    public Optional<Entry> read() {
        try {
            return Files.isRegularFile(path)
                    ? Optional.of(GSON.fromJson(Files.readString(path), Entry.class)) : Optional.empty();
        } catch (IOException | com.google.gson.JsonParseException e) {
            throw new OperationsException(ExitStatus.NOT_RESTORED, path + ": cannot read the drill journal: "
                    + e.getMessage());
        }
    }

    /** Writes the entry whole (through a temporary file), refusing if a journal already exists. */
    public void create(Entry entry) {
        try {
            Files.createDirectories(path.getParent());
            var temporary = Files.createTempFile(path.getParent(), "drill-", ".tmp");
            Files.writeString(temporary, GSON.toJson(entry) + "\n", StandardCharsets.UTF_8);
            try {
                // A hard link appears whole and fails if a journal exists: no second drill can slip in.
                Files.createLink(path, temporary);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                // A file system without hard links: a whole move, after looking.
                if (Files.exists(path)) {
                    throw new FileAlreadyExistsException(path.toString());
                }
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileAlreadyExistsException e) {
            throw new OperationsException(ExitStatus.REFUSED, path + ": a drill journal exists already");
        } catch (IOException e) {
            throw new OperationsException(ExitStatus.BAD_INPUT, path + ": cannot write the drill journal: "
                    + e.getMessage());
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new OperationsException(ExitStatus.NOT_RESTORED, path + ": cannot delete the drill journal: "
                    + e.getMessage());
        }
    }
}
