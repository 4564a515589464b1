package dev.latencyedge.diff;

import dev.latencyedge.plan.EnvironmentPicture;
import dev.latencyedge.plan.PlanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The head's picture of an environment ({@code <env>.mmd}, written by {@code plan}) with the nodes a change
 * touches outlined, as a {@code mermaid} block: GitHub draws it in the pull request's comment.
 */
final class ChangePicture {

    private ChangePicture() {
    }

    /** The block for one environment's changes (stack -> change), or "" where the head folder has no picture. */
    static String section(Path headDir, String env, Collection<Map.Entry<String, PlanDiff.Change>> changes) {
        var file = headDir.resolve(env + ".mmd");
        if (!Files.isRegularFile(file)) {
            return "";
        }
        String picture;
        try {
            picture = Files.readString(file);
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read: " + e.getMessage());
        }
        var nodes = new LinkedHashSet<String>();
        changes.forEach(c -> EnvironmentPicture.nodeOf(env, c.getKey(), c.getValue().type(), c.getValue().name())
                .ifPresent(nodes::add));
        return "\n" + env + " after this change (what it changes is outlined in red):\n\n```mermaid\n"
                + EnvironmentPicture.withChanged(picture, nodes) + "```\n";
    }
}
