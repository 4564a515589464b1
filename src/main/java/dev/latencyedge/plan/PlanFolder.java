package dev.latencyedge.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The output folder of {@code plan}, which the command owns: a run writes its files and its manifest, then
 * removes the files of its own that earlier runs wrote and it did not, so no stale plan file outlives the stack
 * it described. It never deletes a file it did not write: a folder holding anything else is refused before
 * anything is planned. Its own files are those the folder's manifest lists, and plan files (a folder planned
 * before manifests existed has only those).
 */
final class PlanFolder {

    /** How every plan file {@link PlanFile} writes begins. */
    private static final byte[] PLAN_FILE_START = "{\n  \"steps\": [".getBytes(StandardCharsets.UTF_8);

    private final Path dir;
    private final Set<String> earlier;

    private PlanFolder(Path dir, Set<String> earlier) {
        this.dir = dir;
        this.earlier = earlier;
    }

    /** The folder, if plan may write there: missing, empty, or holding only files of earlier runs. */
    static PlanFolder claim(Path dir) {
        if (!Files.exists(dir)) {
            return new PlanFolder(dir, Set.of());
        }
        if (!Files.isDirectory(dir)) {
            throw new PlanException(dir + " is not a folder: --out takes a folder that plan owns");
        }
        var listed = new HashSet<String>();
        PlanManifest.read(dir).ifPresent(manifest -> {
            listed.add(PlanManifest.FILE);
            listed.addAll(manifest.files());
        });
        var own = new TreeSet<String>();
        var foreign = new TreeSet<String>();
        try (var entries = Files.list(dir)) {
            for (var entry : entries.toList()) {
                var name = entry.getFileName().toString();
                (listed.contains(name) && Files.isRegularFile(entry) || isPlanFile(entry) ? own : foreign).add(name);
            }
        } catch (IOException e) {
            throw new PlanException(dir + ": cannot list: " + e.getMessage());
        }
        if (!foreign.isEmpty()) {
            throw new PlanException(dir + " holds files plan did not write (" + String.join(", ", foreign)
                    + "); plan owns its output folder and removes its earlier files from it, so give --out a"
                    + " folder of its own");
        }
        return new PlanFolder(dir, own);
    }

    private static boolean isPlanFile(Path file) {
        if (!file.getFileName().toString().endsWith(".json") || !Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(PLAN_FILE_START.length), PLAN_FILE_START);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes the files (name -> content) and the manifest, then removes the earlier runs' files this run did not
     * write. Returns the files written, in order, without the manifest.
     */
    List<Path> write(Map<String, String> files, PlanManifest manifest) throws IOException {
        Files.createDirectories(dir);
        var written = new ArrayList<Path>();
        for (var file : files.entrySet()) {
            written.add(Files.writeString(dir.resolve(file.getKey()), file.getValue()));
        }
        Files.writeString(dir.resolve(PlanManifest.FILE), manifest.render());
        for (var name : earlier) {
            if (!files.containsKey(name) && !name.equals(PlanManifest.FILE)) {
                Files.deleteIfExists(dir.resolve(name));
            }
        }
        return written;
    }
}
