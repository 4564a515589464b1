package dev.latencyedge.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.latencyedge.stackfiles.StackFileNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What one run of {@code plan} wrote to its output folder ({@value #FILE} there): the environments and stacks
 * planned, the program that planned them, a digest of the stack files it read, and every file it wrote. The next
 * run removes the files it lists that it does not write again; {@code diff} compares exactly the stacks it lists.
 *
 * @param version      the program's version (the pom's)
 * @param commit       the git commit the program was built from
 * @param environments the environments planned
 * @param stacks       every stack planned, each with a plan file {@code <stack>.json}
 * @param stackFiles   file name -> {@code sha256:<hex>} of each stack file read, in name order
 * @param files        every file this run wrote beside the manifest, in the order written
 */
public record PlanManifest(String version, String commit, List<String> environments, List<String> stacks,
                           SortedMap<String, String> stackFiles, List<String> files) {

    public static final String FILE = "manifest.json";
    /** Marks the file as a manifest, and its version (the policy pack's check skips it for this). */
    static final String FORMAT = "latency-edge-plan-manifest/1";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** A plan file's name. */
    public static String planFile(String stack) {
        return stack + ".json";
    }

    /** One digest of every stack file read: of the sorted "name digest" lines. */
    public String stackFilesDigest() {
        var lines = new StringBuilder();
        stackFiles.forEach((name, digest) -> lines.append(name).append(' ').append(digest).append('\n'));
        return sha256(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String render() {
        var program = new LinkedHashMap<String, Object>();
        program.put("version", version);
        program.put("commit", commit);
        var read = new LinkedHashMap<String, Object>();
        read.put("digest", stackFilesDigest());
        read.put("files", stackFiles);
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("format", FORMAT);
        manifest.put("program", program);
        manifest.put("environments", environments);
        manifest.put("stacks", stacks);
        manifest.put("stackFiles", read);
        manifest.put("files", files);
        return GSON.toJson(manifest) + "\n";
    }

    /** The manifest of a folder, or empty for a folder without one (planned before manifests existed). */
    public static Optional<PlanManifest> read(Path dir) {
        var file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            var json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            if (!json.has("format") || !json.get("format").getAsString().equals(FORMAT)) {
                throw new PlanException(file + ": not a plan manifest of this program (format "
                        + json.get("format") + ", expected " + FORMAT + ")");
            }
            var program = json.getAsJsonObject("program");
            var digests = new java.util.TreeMap<String, String>();
            json.getAsJsonObject("stackFiles").getAsJsonObject("files").entrySet()
                    .forEach(e -> digests.put(e.getKey(), e.getValue().getAsString()));
            return Optional.of(new PlanManifest(program.get("version").getAsString(),
                    program.get("commit").getAsString(), strings(json, "environments"), strings(json, "stacks"),
                    digests, strings(json, "files")));
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof PlanException plan) {
                throw plan;
            }
            throw new PlanException(file + ": not a plan manifest (" + e.getMessage() + ")");
        }
    }

    private static List<String> strings(JsonObject json, String key) {
        var values = new java.util.ArrayList<String>();
        json.getAsJsonArray(key).forEach(v -> values.add(v.getAsString()));
        return List.copyOf(values);
    }

    /** SHA-256 in the manifest's notation. */
    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The stack files of these stacks and the project file beneath them, name -> digest. */
    static SortedMap<String, String> digests(Path configDir, List<String> stacks) {
        var digests = new java.util.TreeMap<String, String>();
        var names = new java.util.ArrayList<>(List.of("Pulumi.yaml"));
        stacks.forEach(stack -> names.add(StackFileNames.of(stack)));
        for (var name : names) {
            try {
                digests.put(name, sha256(Files.readAllBytes(configDir.resolve(name))));
            } catch (IOException e) {
                // The project file is optional (its defaults are); a stack file that was planned exists.
                if (!name.equals("Pulumi.yaml")) {
                    throw new PlanException(configDir.resolve(name) + ": cannot read: " + e.getMessage());
                }
            }
        }
        return digests;
    }
}
