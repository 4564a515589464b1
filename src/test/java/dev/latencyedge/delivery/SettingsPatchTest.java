package dev.latencyedge.delivery;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The body {@code deployments apply} posts, checked against the service's merge (pulumi/pulumi
 * pkg/backend/httpstate/client/client.go, PatchStackDeploymentSettings: null removes, objects merge, anything else
 * is replaced), as {@link FakePulumiCloud#merge} does it: merged into what the service holds, the body must give
 * exactly the declared document.
 */
class SettingsPatchTest {

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static void assertConverges(String held, String declared) {
        var patch = SettingsPatch.between(json(held), json(declared));
        var merged = FakePulumiCloud.merge(json(held), patch.body());
        assertEquals(true, SettingsPatch.same(merged, json(declared)), "merged: " + merged + ", body: " + patch.body());
    }

    @Test
    void keysTheFileDroppedAreSentAsNullAtTheDepthTheyWereDropped() {
        var patch = SettingsPatch.between(
                json("{\"gitHub\":{\"repository\":\"acme/x\",\"paths\":[\"a\"]},\"operationContext\":{\"preRunCommands\":[\"b\"],"
                        + "\"environmentVariables\":{\"A\":\"1\",\"B\":\"2\"}}}"),
                json("{\"gitHub\":{\"repository\":\"acme/x\"},\"operationContext\":{\"environmentVariables\":{\"A\":\"1\"}}}"));
        assertEquals("{\"gitHub\":{\"repository\":\"acme/x\",\"paths\":null},\"operationContext\":{\"environmentVariables\":"
                + "{\"A\":\"1\",\"B\":null},\"preRunCommands\":null}}", patch.body().toString());
        assertEquals(List.of("- gitHub.paths: [\"a\"]", "- operationContext.environmentVariables.B: \"2\"",
                "- operationContext.preRunCommands: [\"b\"]"), patch.changes());
    }

    @Test
    void mergedIntoWhatTheServiceHoldsTheBodyGivesExactlyTheFile() {
        assertConverges("{\"a\":{\"b\":1,\"c\":[1,2]},\"d\":\"x\"}", "{\"a\":{\"c\":[3]}}");
        assertConverges("{\"a\":{\"b\":{\"c\":1}}}", "{\"a\":{}}");
        assertConverges("{}", "{\"a\":{\"b\":true}}");
        assertConverges("{\"a\":\"x\"}", "{\"a\":{\"b\":\"y\"}}");
    }

    // The service's answers leave out false and empty values (apitype deployments.go, omitempty).
    @Test
    void falseAndEmptyDeclaredValuesMatchTheirAbsenceFromAnAnswer() {
        var patch = SettingsPatch.between(json("{\"gitHub\":{\"repository\":\"acme/x\"}}"),
                json("{\"gitHub\":{\"repository\":\"acme/x\",\"deployCommits\":false,\"paths\":[]},\"operationContext\":"
                        + "{\"options\":{\"shell\":\"\"}}}"));
        assertEquals(List.of(), patch.changes());
        assertEquals(List.of("~ gitHub.deployCommits: true -> false"), SettingsPatch.between(
                json("{\"gitHub\":{\"deployCommits\":true}}"), json("{\"gitHub\":{\"deployCommits\":false}}")).changes());
    }

    // A webhook's answer carries keys of the service's own (name, hasSecret): only what the file sets is compared.
    @Test
    void additionsIgnoreWhatOnlyTheServiceSets() {
        assertEquals(List.of(), SettingsPatch.additions(json("{\"name\":\"hook-1\",\"displayName\":\"x\",\"active\":true}"),
                json("{\"displayName\":\"x\",\"active\":true}")));
        assertEquals(List.of("~ displayName: \"edited\" -> \"x\""), SettingsPatch.additions(
                json("{\"name\":\"hook-1\",\"displayName\":\"edited\"}"), json("{\"displayName\":\"x\"}")));
    }
}
