package dev.latencyedge.operations;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.route53.Route53Client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK clients status and drill use, built once and closed together. Credentials come from the SDK's default
 * chain and endpoints from its standard settings ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_ROUTE_53},
 * {@code AWS_ENDPOINT_URL_CLOUDWATCH}, their system properties and the profile's {@code endpoint_url}), so
 * LocalStack or a test server needs no code. Regions are facts of what is read, not settings: Route 53 is global
 * (its API signs for us-east-1), Route 53's and CloudFront's metrics are in us-east-1, and each ALB's metrics in
 * its own Region.
 */
public final class AwsClients implements AutoCloseable {

    /** Throttled and PriorRequestNotComplete requests are retried with backoff by the standard strategy. */
    private static final int MAX_ATTEMPTS = 6;

    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final Route53Client route53;
    private final Map<String, CloudWatchClient> cloudWatch = new ConcurrentHashMap<>();

    public AwsClients(Route53RateLimiter limiter) {
        this.route53 = Route53Client.builder()
                .region(Region.AWS_GLOBAL)
                .httpClient(http)
                .overrideConfiguration(overrides().addExecutionInterceptor(limiter).build())
                .build();
    }

    public Route53Client route53() {
        return route53;
    }

    /** CloudWatch of one Region, built on first use. */
    public CloudWatchClient cloudWatch(String region) {
        return cloudWatch.computeIfAbsent(region, r -> CloudWatchClient.builder()
                .region(Region.of(r))
                .httpClient(http)
                .overrideConfiguration(overrides().build())
                .build());
    }

    private static ClientOverrideConfiguration.Builder overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build());
    }

    @Override
    public void close() {
        route53.close();
        cloudWatch.values().forEach(CloudWatchClient::close);
        http.close();
    }
}
