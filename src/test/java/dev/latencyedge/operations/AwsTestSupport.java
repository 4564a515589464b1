package dev.latencyedge.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Points the real SDK at a {@link FakeAws} the standard way, and copies the committed dev stack files. */
final class AwsTestSupport {

    /** The committed dev environment's latency name (Pulumi.dev.yaml: originLabel under origin.example.com). */
    static final String DEV_NAME = "q4z8m2t7x1c9v5b3n6.origin.example.com";

    private AwsTestSupport() {
    }

    /**
     * The SDK's system-property forms of AWS_ENDPOINT_URL_ROUTE_53, AWS_ENDPOINT_URL_CLOUDWATCH and the
     * credentials (aws-sdk-java-v2: the generated client builders read "aws.endpointUrlRoute53" and
     * "aws.endpointUrlCloudWatch"; SystemPropertyCredentialsProvider "aws.accessKeyId"/"aws.secretAccessKey"), for
     * tests in this JVM; a child process gets the environment variables instead.
     */
    static AutoCloseable pointSdkAt(FakeAws aws) {
        var properties = Map.of("aws.endpointUrlRoute53", aws.endpoint(), "aws.endpointUrlCloudWatch", aws.endpoint(),
                "aws.accessKeyId", "AKIDEXAMPLE", "aws.secretAccessKey", "secret");
        properties.forEach(System::setProperty);
        return () -> properties.keySet().forEach(System::clearProperty);
    }

    /** The committed dev stack files in a directory of their own (the drill's journal goes beside them). */
    static Path devConfig(Path dir) throws IOException {
        for (var file : java.util.List.of("Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.dev-us-east-1.yaml",
                "Pulumi.dev-eu-west-1.yaml")) {
            Files.copy(Path.of(file), dir.resolve(file));
        }
        return dir;
    }

    /** Runs quickly against a test server: Route 53's pace is the limiter's concern, tested on its own. */
    static Map<String, String> fastRoute53(Map<String, String> environment) {
        var all = new java.util.HashMap<>(environment);
        all.put(Route53RateLimiter.RATE_VARIABLE, "200");
        return all;
    }
}
