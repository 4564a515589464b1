package dev.latencyedge.operations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latencyedge.settings.AwsRegions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Route 53 and CloudWatch on a loopback port, answering as their API references document, for the real SDK.
 *
 * <p>Route 53 (REST-XML, API version 2013-04-01; AWS Route 53 API reference for each action): paths
 * {@code /2013-04-01/...}, bodies in the {@code https://route53.amazonaws.com/doc/2013-04-01/} namespace, errors as
 * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>} with the action's
 * status (Throttling and PriorRequestNotComplete 400, NoSuchHealthCheck 404, HealthCheckVersionMismatch 409,
 * InvalidInput 400). GetHealthCheckStatus refuses a calculated check. ListResourceRecordSets pages (IsTruncated,
 * NextRecordName/Type/Identifier). TestDNSAnswer answers like latency routing: the healthy label nearest the
 * client subnet; when none is healthy, as if all were (Route 53 fails open, developer guide "How health checks
 * work in complex configurations").
 *
 * <p>Health as Route 53 decides it (developer guide, "How Amazon Route 53 determines whether a health check is
 * healthy"): an endpoint is healthy when more than 18 % of checkers report success; a calculated check when at
 * least HealthThreshold children are; Inverted flips it; the checkers' observations stay as probed. A change to a
 * check reaches DNS answers {@link #dnsDelay} later (Route 53 is not instant), on the clock the test gives.
 *
 * <p>CloudWatch (Smithy RPC v2 CBOR, as the SDK 2.59.1 client sends: {@code POST
 * /service/GraniteServiceVersion20100801/operation/<Action>}, {@code smithy-protocol: rpc-v2-cbor}); errors carry
 * {@code __type} and, for this awsQueryCompatible service, {@code x-amzn-query-error: <Code>;Sender}.
 */
final class FakeAws implements AutoCloseable {

    static final String ZONE_ID = "Z0EXAMPLE123";
    private static final String NS = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static final int RRSET_PAGE = 3;

    /** A health check as Route 53 holds it. */
    static final class Check {
        final String id;
        final String type;
        boolean inverted;
        boolean invertedInDns;
        Instant changedAt = Instant.EPOCH;
        long version = 1;
        int threshold;
        final List<String> children;
        List<String> statuses;

        Check(String id, String type, int threshold, List<String> children, List<String> statuses) {
            this.id = id;
            this.type = type;
            this.threshold = threshold;
            this.children = children;
            this.statuses = statuses;
        }
    }

    /** A latency record: an A alias or a TXT record of one label. */
    record RecordSet(String name, String type, String label, String healthCheckId, String aliasZone, String aliasDns,
                     String txt) {
    }

    /** What the server was asked. */
    record Request(String method, String path, String query, String body, long nanoTime) {
        String action() {
            return path.replaceAll(".*/operation/", "");
        }
    }

    final Map<String, Check> checks = new ConcurrentHashMap<>();
    final List<RecordSet> records = Collections.synchronizedList(new ArrayList<>());
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    /** Errors to answer the next requests of an action with, one per request: e.g. "GetHealthCheck" -> Throttling. */
    final Map<String, Deque<String>> errors = new ConcurrentHashMap<>();
    /** CloudWatch: metric name -> values of the last 15 minutes; absent metrics return no data points. */
    final Map<String, List<Double>> metricValues = new ConcurrentHashMap<>();
    /** The body the global stack writes (monitoring/DashboardBody itself), naming distribution E2EXAMPLE. */
    volatile String dashboardBody = dev.latencyedge.monitoring.DashboardBody.render("dev", "E2EXAMPLE", List.of(
            new dev.latencyedge.monitoring.EdgeDashboardArgs.RegionPanel("eu-west-1", "hc-rotation-eu-west-1",
                    "hc-endpoint-eu-west-1", "app/latency-edge-eu-west-1/fedcba9876543210")), false);
    volatile String cloudWatchError;
    volatile Duration dnsDelay = Duration.ZERO;
    private final Supplier<Instant> clock;
    private final HttpServer server;

    FakeAws(Supplier<Instant> clock) throws IOException {
        // The JDK's server otherwise leaves Nagle on: each small answer then waits for a delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The environment the SDK reads: endpoints and fake credentials, the standard way. */
    Map<String, String> environment() {
        return Map.of("AWS_ENDPOINT_URL_ROUTE_53", endpoint(), "AWS_ENDPOINT_URL_CLOUDWATCH", endpoint(),
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_REGION", "us-east-1",
                "AWS_EC2_METADATA_DISABLED", "true");
    }

    /** An environment served by these Regions: an endpoint check and a calculated check each, A and TXT per label. */
    void serve(String name, Map<String, String> servingByLabel, Map<String, Integer> thresholds) {
        servingByLabel.values().stream().distinct().forEach(region -> {
            var endpoint = new Check("hc-endpoint-" + region, "HTTPS", 0, List.of(),
                    List.of("Success: HTTP Status Code 200, OK", "Success: HTTP Status Code 200, OK",
                            "Success: HTTP Status Code 200, OK"));
            checks.put(endpoint.id, endpoint);
            var rotation = new Check("hc-rotation-" + region, "CALCULATED", thresholds.getOrDefault(region, 1),
                    List.of(endpoint.id), List.of());
            checks.put(rotation.id, rotation);
        });
        servingByLabel.forEach((label, region) -> {
            records.add(new RecordSet(name, "A", label, "hc-rotation-" + region,
                    AwsRegions.albHostedZone(region).orElseThrow(),
                    "latency-edge-" + region + "-1234567890." + region + ".elb.amazonaws.com", null));
            records.add(new RecordSet(name, "TXT", label, "hc-rotation-" + region, null, null,
                    "\"latency-edge label=" + label + " region=" + region + "\""));
        });
        records.sort(Comparator.comparing((RecordSet r) -> r.type).thenComparing(r -> r.label));
    }

    List<Request> requests(String pathPart) {
        synchronized (requests) {
            return requests.stream().filter(r -> (r.method + " " + r.path).contains(pathPart)).toList();
        }
    }

    void failNext(String action, String... codes) {
        errors.computeIfAbsent(action, a -> new ArrayDeque<>()).addAll(List.of(codes));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        var body = exchange.getRequestBody().readAllBytes();
        var path = exchange.getRequestURI().getPath();
        var query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        var cloudWatch = path.startsWith("/service/");
        requests.add(new Request(exchange.getRequestMethod(), path, query,
                cloudWatch ? "" : new String(body, StandardCharsets.UTF_8), System.nanoTime()));
        try {
            if (cloudWatch) {
                cloudWatch(exchange, path.replaceAll(".*/operation/", ""), body);
            } else {
                route53(exchange, exchange.getRequestMethod(), path, params(query), new String(body,
                        StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- Route 53

    private void route53(HttpExchange exchange, String method, String path, Map<String, String> q, String body)
            throws IOException {
        var action = route53Action(method, path);
        var queued = errors.get(action);
        var code = queued == null ? null : queued.poll();
        if (code != null) {
            route53Error(exchange, code.equals("HealthCheckVersionMismatch") ? 409 : 400, code,
                    code.equals("Throttling") ? "Rate exceeded" : "The request was refused: " + code);
            return;
        }
        switch (action) {
            case "ListHostedZonesByName" -> {
                // Zones in DNS order starting at dnsname: a private zone of the same name comes too.
                var zone = (q.get("dnsname") == null ? "" : q.get("dnsname"));
                xml(exchange, 200, "<ListHostedZonesByNameResponse xmlns=\"" + NS + "\"><HostedZones>"
                        + zone("Z0PRIVATE999", zone, true) + zone(ZONE_ID, zone, false)
                        + "</HostedZones><DNSName>" + zone + "</DNSName><IsTruncated>false</IsTruncated>"
                        + "<MaxItems>" + q.getOrDefault("maxitems", "100") + "</MaxItems>"
                        + "</ListHostedZonesByNameResponse>");
            }
            case "ListResourceRecordSets" -> listRecordSets(exchange, q);
            case "GetHealthCheck" -> {
                var check = checks.get(path.substring(path.lastIndexOf('/') + 1));
                if (check == null) {
                    route53Error(exchange, 404, "NoSuchHealthCheck", "No health check exists with the specified ID.");
                    return;
                }
                xml(exchange, 200, "<GetHealthCheckResponse xmlns=\"" + NS + "\">" + healthCheck(check)
                        + "</GetHealthCheckResponse>");
            }
            case "GetHealthCheckStatus" -> {
                var id = path.split("/")[3];
                var check = checks.get(id);
                if (check == null) {
                    route53Error(exchange, 404, "NoSuchHealthCheck", "No health check exists with the specified ID.");
                } else if (check.type.equals("CALCULATED")) {
                    route53Error(exchange, 400, "InvalidInput",
                            "Health check status is not available for calculated health checks.");
                } else {
                    var out = new StringBuilder("<GetHealthCheckStatusResponse xmlns=\"" + NS
                            + "\"><HealthCheckObservations>");
                    var checkers = List.of("us-east-1", "eu-west-1", "ap-southeast-1");
                    for (int i = 0; i < check.statuses.size(); i++) {
                        out.append("<HealthCheckObservation><Region>").append(checkers.get(i % 3))
                                .append("</Region><IPAddress>15.177.").append(i).append(".1</IPAddress>")
                                .append("<StatusReport><Status>").append(check.statuses.get(i))
                                .append("</Status><CheckedTime>").append(clock.get().minusSeconds(3 - i))
                                .append("</CheckedTime></StatusReport></HealthCheckObservation>");
                    }
                    xml(exchange, 200, out + "</HealthCheckObservations></GetHealthCheckStatusResponse>");
                }
            }
            case "UpdateHealthCheck" -> {
                var check = checks.get(path.substring(path.lastIndexOf('/') + 1));
                var version = match(body, "HealthCheckVersion");
                var inverted = match(body, "Inverted");
                if (check == null) {
                    route53Error(exchange, 404, "NoSuchHealthCheck", "No health check exists with the specified ID.");
                    return;
                }
                synchronized (check) {
                    if (version != null && Long.parseLong(version) != check.version) {
                        route53Error(exchange, 409, "HealthCheckVersionMismatch", "The value of HealthCheckVersion"
                                + " in the request doesn't match the value of HealthCheckVersion in the health check.");
                        return;
                    }
                    if (inverted != null) {
                        settle(check);
                        check.inverted = Boolean.parseBoolean(inverted);
                        check.changedAt = clock.get();
                    }
                    check.version++;
                }
                xml(exchange, 200, "<UpdateHealthCheckResponse xmlns=\"" + NS + "\">" + healthCheck(check)
                        + "</UpdateHealthCheckResponse>");
            }
            case "TestDNSAnswer" -> {
                var label = answer(q.get("recordname"), q.get("edns0clientsubnetip"));
                var data = records.stream().filter(r -> r.type.equals("TXT") && r.label.equals(label))
                        .map(r -> "<RecordDataEntry>" + escape(r.txt) + "</RecordDataEntry>").findFirst().orElse("");
                xml(exchange, 200, "<TestDNSAnswerResponse xmlns=\"" + NS + "\"><Nameserver>ns-1.awsdns-01.org"
                        + "</Nameserver><RecordName>" + q.get("recordname") + "</RecordName><RecordType>"
                        + q.get("recordtype") + "</RecordType><RecordData>" + data + "</RecordData><ResponseCode>"
                        + (label == null ? "NXDOMAIN" : "NOERROR") + "</ResponseCode><Protocol>UDP</Protocol>"
                        + "</TestDNSAnswerResponse>");
            }
            default -> route53Error(exchange, 404, "UnknownOperation", method + " " + path);
        }
    }

    private static String route53Action(String method, String path) {
        if (path.endsWith("/hostedzonesbyname")) {
            return "ListHostedZonesByName";
        }
        if (path.endsWith("/rrset")) {
            return "ListResourceRecordSets";
        }
        if (path.endsWith("/testdnsanswer")) {
            return "TestDNSAnswer";
        }
        if (path.matches("/2013-04-01/healthcheck/[^/]+/status")) {
            return "GetHealthCheckStatus";
        }
        if (path.matches("/2013-04-01/healthcheck/[^/]+")) {
            return method.equals("POST") ? "UpdateHealthCheck" : "GetHealthCheck";
        }
        return "?";
    }

    private static String zone(String id, String name, boolean privateZone) {
        return "<HostedZone><Id>/hostedzone/" + id + "</Id><Name>" + name + "</Name><CallerReference>ref-" + id
                + "</CallerReference><Config><PrivateZone>" + privateZone + "</PrivateZone></Config>"
                + "<ResourceRecordSetCount>12</ResourceRecordSetCount></HostedZone>";
    }

    private void listRecordSets(HttpExchange exchange, Map<String, String> q) throws IOException {
        List<RecordSet> all;
        synchronized (records) {
            all = new ArrayList<>(records);
        }
        var start = 0;
        if (q.get("type") != null) {
            for (int i = 0; i < all.size(); i++) {
                var r = all.get(i);
                if (r.type.equals(q.get("type")) && (q.get("identifier") == null || r.label.equals(q.get("identifier")))) {
                    start = i;
                    break;
                }
            }
        }
        var page = all.subList(start, Math.min(all.size(), start + RRSET_PAGE));
        var out = new StringBuilder("<ListResourceRecordSetsResponse xmlns=\"" + NS + "\"><ResourceRecordSets>");
        for (var r : page) {
            out.append("<ResourceRecordSet><Name>").append(r.name).append(".</Name><Type>").append(r.type)
                    .append("</Type><SetIdentifier>").append(r.label).append("</SetIdentifier><Region>")
                    .append(r.label).append("</Region>");
            if (r.aliasZone != null) {
                out.append("<AliasTarget><HostedZoneId>").append(r.aliasZone).append("</HostedZoneId><DNSName>")
                        .append(r.aliasDns).append(".</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth>"
                        + "</AliasTarget>");
            } else {
                out.append("<TTL>60</TTL><ResourceRecords><ResourceRecord><Value>").append(escape(r.txt))
                        .append("</Value></ResourceRecord></ResourceRecords>");
            }
            out.append("<HealthCheckId>").append(r.healthCheckId).append("</HealthCheckId></ResourceRecordSet>");
        }
        out.append("</ResourceRecordSets>");
        var end = start + RRSET_PAGE;
        if (end < all.size()) {
            var next = all.get(end);
            out.append("<IsTruncated>true</IsTruncated><NextRecordName>").append(next.name)
                    .append(".</NextRecordName><NextRecordType>").append(next.type).append("</NextRecordType>")
                    .append("<NextRecordIdentifier>").append(next.label).append("</NextRecordIdentifier>");
        } else {
            out.append("<IsTruncated>false</IsTruncated>");
        }
        xml(exchange, 200, out + "<MaxItems>" + RRSET_PAGE + "</MaxItems></ListResourceRecordSetsResponse>");
    }

    private static String healthCheck(Check check) {
        var config = new StringBuilder("<HealthCheckConfig>");
        if (check.type.equals("CALCULATED")) {
            config.append("<Type>CALCULATED</Type><Inverted>").append(check.inverted).append("</Inverted>")
                    .append("<Disabled>false</Disabled><HealthThreshold>").append(check.threshold)
                    .append("</HealthThreshold><ChildHealthChecks>");
            check.children.forEach(c -> config.append("<ChildHealthCheck>").append(c).append("</ChildHealthCheck>"));
            config.append("</ChildHealthChecks>");
        } else {
            config.append("<Port>443</Port><Type>HTTPS</Type><ResourcePath>/healthz</ResourcePath>"
                    + "<FullyQualifiedDomainName>alb.example</FullyQualifiedDomainName><RequestInterval>30"
                    + "</RequestInterval><FailureThreshold>3</FailureThreshold><MeasureLatency>false"
                    + "</MeasureLatency><Inverted>").append(check.inverted).append("</Inverted><Disabled>false"
                    + "</Disabled><EnableSNI>true</EnableSNI><Regions><Region>us-east-1</Region><Region>eu-west-1"
                    + "</Region><Region>ap-southeast-1</Region></Regions>");
        }
        config.append("</HealthCheckConfig>");
        return "<HealthCheck><Id>" + check.id + "</Id><CallerReference>ref-" + check.id + "</CallerReference>"
                + config + "<HealthCheckVersion>" + check.version + "</HealthCheckVersion></HealthCheck>";
    }

    /** The inversion DNS acts on: a change is seen dnsDelay after it was made. */
    private void settle(Check check) {
        if (!clock.get().isBefore(check.changedAt.plus(dnsDelay))) {
            check.invertedInDns = check.inverted;
        }
    }

    private boolean healthyInDns(String id) {
        var check = checks.get(id);
        synchronized (check) {
            settle(check);
            boolean raw;
            if (check.type.equals("CALCULATED")) {
                var healthyChildren = check.children.stream().filter(this::healthyInDns).count();
                raw = healthyChildren >= check.threshold;
            } else {
                var success = check.statuses.stream().filter(s -> s.startsWith("Success")).count();
                raw = (double) success / check.statuses.size() > 0.18;
            }
            return raw != check.invertedInDns;
        }
    }

    /** Latency routing: healthy labels by distance to the client's Region; all of them if none is healthy. */
    private String answer(String name, String clientIp) {
        List<RecordSet> txt;
        synchronized (records) {
            txt = records.stream().filter(r -> r.type.equals("TXT") && (r.name + ".").startsWith(
                    name.endsWith(".") ? name : name + ".")).toList();
        }
        if (txt.isEmpty()) {
            return null;
        }
        var client = clientRegion(clientIp);
        var healthy = txt.stream().filter(r -> healthyInDns(r.healthCheckId)).toList();
        var candidates = healthy.isEmpty() ? txt : healthy;
        return candidates.stream().min(Comparator.comparingInt((RecordSet r) -> distance(client, r.label))
                .thenComparing(r -> r.label)).orElseThrow().label;
    }

    private static int distance(String client, String label) {
        if (client.equals(label)) {
            return 0;
        }
        return client.substring(0, 2).equals(label.substring(0, 2)) ? 1 : 2;
    }

    private static String clientRegion(String ip) {
        for (var region : AwsRegions.CODES) {
            var cidr = AwsRegions.ec2Prefix(region).orElseThrow();
            if (inPrefix(ip, cidr)) {
                return region;
            }
        }
        return "us-east-1";
    }

    private static boolean inPrefix(String ip, String cidr) {
        try {
            var address = InetAddress.getByName(ip).getAddress();
            var network = InetAddress.getByName(cidr.substring(0, cidr.indexOf('/'))).getAddress();
            var bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                var mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void route53Error(HttpExchange exchange, int status, String code, String message)
            throws IOException {
        xml(exchange, status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>req-1</RequestId></ErrorResponse>");
    }

    private static void xml(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().add("x-amzn-RequestId", "req-1");
        respond(exchange, status, "text/xml", ("<?xml version=\"1.0\"?>\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- CloudWatch

    @SuppressWarnings("unchecked")
    private void cloudWatch(HttpExchange exchange, String action, byte[] body) throws IOException {
        var error = cloudWatchError;
        if (error != null) {
            exchange.getResponseHeaders().add("x-amzn-query-error", error + ";Sender");
            cbor(exchange, 400, Map.of("__type", "com.amazonaws.cloudwatch#" + error, "message",
                    "User: arn:aws:iam::123456789012:user/ops is not authorized to perform: cloudwatch:" + action));
            return;
        }
        var request = (Map<String, Object>) Cbor.read(body);
        switch (action) {
            case "GetDashboard" -> cbor(exchange, 200, Map.of("DashboardName", request.get("DashboardName"),
                    "DashboardBody", dashboardBody, "DashboardArn", "arn:aws:cloudwatch::123456789012:dashboard/"
                            + request.get("DashboardName")));
            case "ListMetrics" -> {
                var region = signingRegion(exchange);
                cbor(exchange, 200, Map.of("Metrics", List.of(
                        metric("app/other-alb/0123456789abcdef"),
                        metric("app/latency-edge-" + region + "/fedcba9876543210"))));
            }
            case "GetMetricData" -> {
                var results = new ArrayList<Map<String, Object>>();
                for (var query : (List<Map<String, Object>>) request.get("MetricDataQueries")) {
                    var stat = (Map<String, Object>) query.get("MetricStat");
                    var metric = (Map<String, Object>) stat.get("Metric");
                    var values = metricValues.getOrDefault(String.valueOf(metric.get("MetricName")), List.of());
                    var timestamps = new ArrayList<Object>();
                    for (int i = 0; i < values.size(); i++) {
                        timestamps.add(clock.get().minusSeconds(60L * i).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
                    }
                    var result = new LinkedHashMap<String, Object>();
                    result.put("Id", query.get("Id"));
                    result.put("Label", metric.get("MetricName"));
                    result.put("Timestamps", timestamps);
                    result.put("Values", values);
                    result.put("StatusCode", "Complete");
                    results.add(result);
                }
                cbor(exchange, 200, Map.of("MetricDataResults", results, "Messages", List.of()));
            }
            default -> cbor(exchange, 400, Map.of("__type", "com.amazonaws.cloudwatch#UnknownOperationException"));
        }
    }

    private static Map<String, Object> metric(String loadBalancer) {
        return Map.of("Namespace", "AWS/ApplicationELB", "MetricName", "RequestCount",
                "Dimensions", List.of(Map.of("Name", "LoadBalancer", "Value", loadBalancer)));
    }

    /** The Region a request was signed for (SigV4's credential scope): each Region's CloudWatch client's own. */
    static String signingRegion(HttpExchange exchange) {
        var authorization = exchange.getRequestHeaders().getFirst("Authorization");
        var matcher = Pattern.compile("Credential=[^/]+/\\d+/([^/]+)/").matcher(authorization == null ? "" : authorization);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static void cbor(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
        respond(exchange, status, "application/cbor", Cbor.write(body));
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> params(String query) {
        var params = new LinkedHashMap<String, String>();
        for (var pair : query.split("&")) {
            if (!pair.isEmpty()) {
                var eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String match(String xml, String element) {
        var matcher = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
