package dev.latencyedge;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        var env = Fixtures.environment(Fixtures.global("dev", "eu-west-1", "us-east-1"),
                Fixtures.regional("dev", "eu-west-1"), Fixtures.regional("dev", "us-east-1"));
        env.values().forEach(s -> {
            System.out.println("== " + s.stackName() + " " + s.exports() + " secret=" + s.secretExportNames());
            s.resources().forEach(r -> System.out.println(r.op() + " " + r.urn() + " parent=" + r.parent() + " provider=" + r.provider() + " region=" + r.region()));
        });
    }
}
