package dev.latencyedge.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code .github/scripts/comment-plan-diff.sh}, run by bash against a stand-in {@code gh} that answers the comment
 * lookup with the ids it is given and records every call and the body each would send.
 */
class PlanDiffCommentTest {

    private static final String SCRIPT = ".github/scripts/comment-plan-diff.sh";
    private static final String MARKER = "<!-- latency-edge:plan-diff -->";
    private static final String RUN = "https://github.com/acme/latency-edge/actions/runs/42";

    private record Run(List<String> calls, String body) {
    }

    private static Run comment(Path dir, String diff, String idsFound) throws IOException, InterruptedException {
        var bin = Files.createDirectories(dir.resolve("bin"));
        var gh = bin.resolve("gh");
        Files.writeString(gh, """
                #!/usr/bin/env bash
                echo "$*" >> "$GH_LOG/calls"
                for arg in "$@"; do
                  if [ "$prev" = "--body-file" ]; then cp "$arg" "$GH_LOG/body"; fi
                  case "$arg" in body=@*) cp "${arg#body=@}" "$GH_LOG/body" ;; esac
                  prev="$arg"
                done
                if [ "$1 $2" = "api repos/{owner}/{repo}/issues/7/comments" ]; then printf '%s' "$GH_IDS"; fi
                """);
        assertTrue(gh.toFile().setExecutable(true));
        var diffFile = Files.writeString(dir.resolve("diff.md"), diff);
        var process = new ProcessBuilder("bash", Path.of(SCRIPT).toAbsolutePath().toString(), "7",
                diffFile.toString(), RUN).redirectErrorStream(true);
        process.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        process.environment().put("GH_LOG", dir.toString());
        process.environment().put("GH_IDS", idsFound);
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes());
        assertTrue(started.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, started.exitValue(), output);
        return new Run(Files.readAllLines(dir.resolve("calls")), Files.readString(dir.resolve("body")));
    }

    @Test
    void theFirstDiffOfAPullRequestIsANewCommentStartingWithTheMarker(@TempDir Path dir) throws Exception {
        var run = comment(dir, "## Offline plan diff\n\nNo change.\n", "");
        assertTrue(run.calls().get(0).endsWith("--jq .[] | select(.body | startswith(\"" + MARKER + "\")) | .id"),
                run.calls().get(0));
        assertTrue(run.calls().get(1).startsWith("pr comment 7 --body-file "), run.calls().toString());
        assertEquals(MARKER + "\n## Offline plan diff\n\nNo change.\n", run.body());
    }

    /** Never `gh pr comment --edit-last`: the Pulumi preview jobs comment with the same token. */
    @Test
    void laterDiffsEditTheMarkedCommentAndNoOther(@TempDir Path dir) throws Exception {
        var run = comment(dir, "## Offline plan diff\n\n### dev: 1 to update\n", "1001\n2002\n");
        assertEquals(2, run.calls().size(), run.calls().toString());
        assertTrue(run.calls().get(1).startsWith("api --method PATCH repos/{owner}/{repo}/issues/comments/2002 -F body=@"),
                run.calls().get(1));
        assertEquals(MARKER + "\n## Offline plan diff\n\n### dev: 1 to update\n", run.body());
        assertFalse(Files.readString(Path.of(".github/workflows/preview.yml")).contains("--edit-last"));
    }

    /** GitHub refuses a comment over 65536 characters; the diff stays in the job summary, the comment links it. */
    @Test
    void aDiffTooLongForACommentIsLinkedInstead(@TempDir Path dir) throws Exception {
        var run = comment(dir, "## Offline plan diff\n\n" + "| update | x |\n".repeat(6000), "");
        assertTrue(run.body().startsWith(MARKER + "\n## Offline plan diff\n"), run.body());
        assertTrue(run.body().contains(RUN), run.body());
        assertFalse(run.body().contains("| update |"), "the table is left out");
    }
}
