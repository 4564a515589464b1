package dev.latencyedge.passphrase;

import dev.latencyedge.plan.PlanArgs;
import dev.latencyedge.plan.PlanException;
import dev.latencyedge.stackfiles.Placeholders;
import dev.latencyedge.stackfiles.StackFileNames;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Passphrase keys derived by the launching JVM for the plan JVM it starts. The plan JVM runs on the client
 * compiler only, which makes it fast and PBKDF2 six times slower; the launcher, idle while it waits, has the
 * optimizing compiler and its SHA-256 intrinsic, so it derives the keys (the JDK's PBKDF2, one per distinct salt)
 * side by side from before the plan JVM starts, and hands them over on the child's standard input (a pipe between
 * the two processes: no file, no argument).
 *
 * <p>The stream: one {@code salt <encryptionsalt>} line per key to come and {@code end}, written as soon as the
 * plan JVM exists, then {@code key <encryptionsalt> <base64 key>} as each is ready. The plan JVM checks every
 * key against its salt's ciphertext of "pulumi", and derives itself any key the stream ends without.
 */
public final class KeyHandoff {

    /** Set on the plan JVM when its standard input carries keys. */
    public static final String PROPERTY = "latencyedge.passphraseKeysOnStdin";

    private final PassphraseSecrets passphrase;
    private final List<String> salts;

    private KeyHandoff(PassphraseSecrets passphrase, List<String> salts) {
        this.passphrase = passphrase;
        this.salts = salts;
    }

    /**
     * What a launcher can derive for {@code plan <args>}: the salts of the stack files the plan reads (the
     * environment's, or every one with {@code --all}), when a passphrase is given. Empty when there is nothing
     * to derive or the arguments or passphrase are bad: the plan itself then says what is wrong.
     */
    public static Optional<KeyHandoff> forPlan(PlanArgs plan, Map<String, String> environment) {
        try {
            var passphrase = PassphraseSecrets.fromEnvironment(environment);
            if (passphrase.isEmpty()) {
                return Optional.empty();
            }
            List<String> salts;
            try (var files = Files.list(plan.configDir())) {
                salts = files.filter(f -> readBy(plan, f.getFileName().toString())).sorted()
                        .map(KeyHandoff::salt).flatMap(Optional::stream).distinct().toList();
            }
            return salts.isEmpty() ? Optional.empty() : Optional.of(new KeyHandoff(passphrase.get(), salts));
        } catch (PlanException | IOException e) {
            return Optional.empty();
        }
    }

    private static boolean readBy(PlanArgs plan, String fileName) {
        return StackFileNames.stack(fileName)
                .filter(stack -> plan.all() || stack.equals(plan.env()) || stack.startsWith(plan.env() + "-"))
                .isPresent();
    }

    /**
     * A stack file's top-level {@code encryptionsalt}, when the file also holds a {@code secure:} value to decrypt
     * (not the committed placeholder): a stack without one costs no key, as the plan JVM decrypts nothing of it.
     * Found by lines as the CLI writes them: the launcher loads no YAML library (the plan JVM reads the file
     * properly and derives what this misses).
     */
    static Optional<String> salt(Path stackFile) {
        try {
            var lines = Files.readAllLines(stackFile);
            var sealed = lines.stream().map(String::strip).filter(l -> l.startsWith("secure:"))
                    .map(l -> unquoted(l.substring("secure:".length())))
                    .anyMatch(value -> !value.isEmpty() && !Placeholders.isCommitted(value));
            return lines.stream().filter(l -> sealed && l.startsWith("encryptionsalt:"))
                    .map(l -> unquoted(l.substring("encryptionsalt:".length())))
                    .filter(s -> !s.isEmpty()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String unquoted(String value) {
        return value.trim().replaceAll("^\"|\"$", "");
    }

    List<String> salts() {
        return salts;
    }

    /**
     * Starts deriving every key side by side on daemon threads, before the plan JVM exists, so the derivations
     * use the core the launcher's process start leaves idle; returns at once.
     */
    public Derivations start() {
        // A thread per key, even past the cores: the plan needs every key before it evaluates anything, so keys
        // that finish together beat some early and one late (measured on 2 cores: dev's 3 keys cost ~0.2 s less).
        var pool = Executors.newFixedThreadPool(salts.size(), r -> {
            var thread = new Thread(r, "passphrase-key-handoff");
            thread.setDaemon(true);
            return thread;
        });
        var keys = new LinkedHashMap<String, CompletableFuture<byte[]>>();
        salts.forEach(salt -> keys.put(salt, CompletableFuture.supplyAsync(() -> passphrase.key(salt), pool)));
        CompletableFuture.allOf(keys.values().toArray(CompletableFuture[]::new)).whenComplete((ok, e) -> pool.shutdown());
        return new Derivations(keys);
    }

    /** Keys under way in the launcher, by salt. */
    public record Derivations(Map<String, CompletableFuture<byte[]>> keys) {

        public Derivations {
            keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        /** Writes the keys to the plan JVM as each is ready; returns at once. */
        public void serve(OutputStream toPlan) {
            var out = new PrintStream(toPlan, false, StandardCharsets.UTF_8);
            keys.keySet().forEach(s -> out.println("salt " + s));
            out.println("end");
            out.flush();
            var written = keys.entrySet().stream().map(entry -> entry.getValue().thenAccept(key -> {
                var line = "key " + entry.getKey() + " " + Base64.getEncoder().encodeToString(key);
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            })).toArray(CompletableFuture[]::new);
            // A salt that cannot be read is left to the plan JVM, which names the stack file it is in.
            CompletableFuture.allOf(written).whenComplete((ok, failure) -> out.close());
        }
    }

    /**
     * The plan JVM's side: reads the announced salts now, and completes each one's key as it arrives (or fails
     * it when the stream ends without it, so that key is derived here).
     */
    public static Map<String, CompletableFuture<byte[]>> receive(InputStream fromLauncher) {
        var reader = new BufferedReader(new InputStreamReader(fromLauncher, StandardCharsets.UTF_8));
        var keys = new LinkedHashMap<String, CompletableFuture<byte[]>>();
        try {
            for (var line = reader.readLine(); line != null && !line.equals("end"); line = reader.readLine()) {
                if (line.startsWith("salt ")) {
                    keys.put(line.substring("salt ".length()), new CompletableFuture<>());
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        var listener = new Thread(() -> {
            try {
                for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                    var parts = line.split(" ");
                    var key = parts.length > 1 ? keys.get(parts[1]) : null;
                    if (key != null && parts[0].equals("key") && parts.length == 3) {
                        key.complete(Base64.getDecoder().decode(parts[2]));
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // What did not arrive is derived by the plan JVM, below.
            }
            var missing = new IllegalStateException("the launcher did not bring this key");
            keys.values().forEach(k -> k.completeExceptionally(missing));
        }, "passphrase-key-receiver");
        listener.setDaemon(true);
        listener.start();
        return Map.copyOf(keys);
    }
}
