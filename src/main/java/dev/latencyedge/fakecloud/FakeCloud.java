package dev.latencyedge.fakecloud;

import com.pulumi.test.Mocks;
import dev.latencyedge.settings.AwsRegions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic stand-in for AWS behind the Pulumi SDK's mock engine. It answers every resource and lookup
 * the program uses with values shaped like AWS's: ids and ARNs carry account {@value #ACCOUNT} and the Region
 * of the resource's provider, ALBs get the Region's real canonical hosted zone, distributions a
 * {@code dxxxxxxxx.cloudfront.net} name. Stack references are answered from the stacks evaluated before.
 */
public final class FakeCloud implements Mocks {

    public static final String ACCOUNT = "123456789012";
    public static final String PROVIDER_TYPE = "pulumi:providers:aws";
    public static final String STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

    /** A resource as the engine registered it: its inputs, its provider, and the state the cloud gave back. */
    public record Registration(String type, String name, Map<String, Object> inputs, String provider, String id,
                               Map<String, Object> outputs, String region) {
    }

    /** Exports of an evaluated stack, and which of them are secrets. */
    public record StackOutputs(Map<String, Object> outputs, List<String> secretOutputNames) {
    }

    private final String defaultRegion;
    private final Map<String, StackOutputs> stacks;
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> providerDefaultTags = new ConcurrentHashMap<>();
    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param defaultRegion the stack's {@code aws:region}, for resources without an explicit provider
     * @param stacks        fully qualified stack name -> its exports, for stack references
     */
    public FakeCloud(String defaultRegion, Map<String, StackOutputs> stacks) {
        this.defaultRegion = defaultRegion;
        this.stacks = Map.copyOf(stacks);
    }

    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        try {
            var inputs = args.inputs == null ? Map.<String, Object>of() : args.inputs;
            var region = PROVIDER_TYPE.equals(args.type)
                    ? (String) inputs.getOrDefault("region", defaultRegion) : regionOf(args.provider);
            if (!PROVIDER_TYPE.equals(args.type)) {
                AwsRefusals.check(args.type, args.name, inputs, defaultTagsOf(args.provider));
            }
            var outputs = new LinkedHashMap<String, Object>(inputs);
            var id = create(args.type, args.name, region, inputs, outputs);
            registrations.add(new Registration(args.type, args.name, inputs, args.provider, id,
                    Collections.unmodifiableMap(outputs), region));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), outputs));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        try {
            var region = regionOf(args.provider);
            Map<String, Object> in = args.args == null ? Map.of() : args.args;
            return CompletableFuture.completedFuture(switch (args.token) {
                case "aws:eks/getCluster:getCluster" -> cluster(region, (String) in.get("name"));
                case "aws:ec2/getSubnets:getSubnets" -> subnets(region, in);
                case "aws:ec2/getManagedPrefixList:getManagedPrefixList" -> prefixList(region, (String) in.get("name"));
                case "aws:route53/getZone:getZone" -> zone((String) in.get("name"));
                default -> throw new UnsupportedOperationException("the fake cloud does not answer " + args.token);
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Provider references are {@code <urn>::<id>}; resources without one use the stack's default Region. */
    private String regionOf(String providerReference) {
        if (providerReference == null || providerReference.isEmpty()) {
            return defaultRegion;
        }
        var id = providerReference.substring(providerReference.lastIndexOf("::") + 2);
        return providerRegions.getOrDefault(id, defaultRegion);
    }

    private Map<String, String> defaultTagsOf(String providerReference) {
        if (providerReference == null || providerReference.isEmpty()) {
            return Map.of();
        }
        return providerDefaultTags.getOrDefault(
                providerReference.substring(providerReference.lastIndexOf("::") + 2), Map.of());
    }

    private String create(String type, String name, String region, Map<String, Object> in, Map<String, Object> out) {
        switch (type) {
            case PROVIDER_TYPE -> {
                var id = FakeIds.uuid("provider", name);
                providerRegions.put(id, (String) in.getOrDefault("region", defaultRegion));
                if (in.get("defaultTags") instanceof Map<?, ?> defaults && defaults.get("tags") instanceof Map<?, ?> tags) {
                    var copy = new java.util.TreeMap<String, String>();
                    tags.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
                    providerDefaultTags.put(id, copy);
                }
                return id;
            }
            case STACK_REFERENCE_TYPE -> {
                var stackName = (String) in.get("name");
                var stack = stacks.get(stackName);
                if (stack == null) {
                    throw new IllegalArgumentException("unknown stack " + stackName + ": no such stack in this plan");
                }
                out.put("outputs", stack.outputs());
                out.put("secretOutputNames", stack.secretOutputNames());
                return stackName;
            }
            case "aws:ec2/securityGroup:SecurityGroup" -> {
                var id = "sg-" + FakeIds.hex(17, region, name);
                out.put("arn", arn("ec2", region, "security-group/" + id));
                out.put("ownerId", ACCOUNT);
                return id;
            }
            case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                 "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" -> {
                var id = "sgr-" + FakeIds.hex(17, region, name);
                out.put("arn", arn("ec2", region, "security-group-rule/" + id));
                out.put("securityGroupRuleId", id);
                return id;
            }
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                var arn = elbv2(out, region, name, "loadbalancer/", "app/");
                out.put("dnsName", out.get("name") + "-" + (1_000_000_000L
                        + Long.parseLong(FakeIds.hex(8, region, name), 16) % 9_000_000_000L)
                        + "." + region + ".elb.amazonaws.com");
                out.put("zoneId", AwsRegions.albHostedZone(region).orElseThrow(() -> new AwsRefusals.Refused(type,
                        name, region + " is not a Region with application load balancers")));
                return arn;
            }
            case "aws:lb/targetGroup:TargetGroup" -> {
                return elbv2(out, region, name, "", "targetgroup/");
            }
            case "aws:lb/listener:Listener", "aws:lb/listenerRule:ListenerRule" -> {
                var kind = type.endsWith("Rule") ? "listener-rule" : "listener";
                var arn = arn("elasticloadbalancing", region, kind + "/app/" + FakeIds.hex(16, region, name));
                out.put("arn", arn);
                return arn;
            }
            case "aws:acm/certificate:Certificate" -> {
                var arn = arn("acm", region, "certificate/" + FakeIds.uuid(region, name));
                out.put("arn", arn);
                out.put("status", "PENDING_VALIDATION");
                out.put("domainValidationOptions", validationOptions(in));
                return arn;
            }
            case "aws:acm/certificateValidation:CertificateValidation" -> {
                return (String) in.get("certificateArn");
            }
            case "aws:route53/record:Record" -> {
                var recordName = String.valueOf(in.get("name")).toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
                out.put("fqdn", recordName);
                var setIdentifier = in.get("setIdentifier");
                return in.get("zoneId") + "_" + recordName + "_" + in.get("type")
                        + (setIdentifier == null ? "" : "_" + setIdentifier);
            }
            case "aws:route53/healthCheck:HealthCheck" -> {
                var id = FakeIds.uuid(region, name);
                out.put("arn", "arn:aws:route53:::healthcheck/" + id);
                return id;
            }
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> {
                var alarmName = autoName(name, 255);
                out.put("arn", arn("cloudwatch", region, "alarm:" + alarmName));
                out.put("name", alarmName);
                return alarmName;
            }
            case "aws:cloudfront/distribution:Distribution" -> {
                var id = "E" + FakeIds.alphanumeric(13, name).toUpperCase(Locale.ROOT);
                out.put("arn", "arn:aws:cloudfront::" + ACCOUNT + ":distribution/" + id);
                out.put("domainName", "d" + FakeIds.alphanumeric(13, id) + ".cloudfront.net");
                out.put("hostedZoneId", "Z2FDTNDATAQYW2");
                out.put("status", "Deployed");
                out.put("etag", FakeIds.alphanumeric(14, id, "etag").toUpperCase(Locale.ROOT));
                return id;
            }
            case "aws:cloudwatch/dashboard:Dashboard" -> {
                // Dashboards are global: their ARN has no Region, and the provider's id is the name.
                var dashboardName = (String) in.get("dashboardName");
                out.put("dashboardArn", "arn:aws:cloudwatch::" + ACCOUNT + ":dashboard/" + dashboardName);
                return dashboardName;
            }
            case "aws:cloudfront/monitoringSubscription:MonitoringSubscription" -> {
                return (String) in.get("distributionId");
            }
            default -> {
                if (!type.contains("/")) {
                    return name; // a component: nothing exists in the cloud
                }
                var id = name + "-" + FakeIds.hex(8, region, name);
                out.put("arn", arn(type.substring(type.indexOf(':') + 1, type.indexOf('/')), region, id));
                return id;
            }
        }
    }

    /** ACM's DNS validation record depends only on the name, so every Region gets the same one. */
    private static List<Map<String, Object>> validationOptions(Map<String, Object> in) {
        var names = new ArrayList<String>();
        names.add((String) in.get("domainName"));
        if (in.get("subjectAlternativeNames") instanceof List<?> sans) {
            sans.forEach(n -> names.add((String) n));
        }
        var options = new ArrayList<Map<String, Object>>();
        for (var name : names) {
            var bare = name.startsWith("*.") ? name.substring(2) : name;
            options.add(Map.of(
                    "domainName", name,
                    "resourceRecordName", "_" + FakeIds.hex(32, "acm-name", bare) + "." + bare + ".",
                    "resourceRecordType", "CNAME",
                    "resourceRecordValue", "_" + FakeIds.hex(32, "acm-value", bare) + "."
                            + FakeIds.alphanumeric(10, bare) + ".acm-validations.aws."));
        }
        return options;
    }

    private Map<String, Object> cluster(String region, String name) {
        var vpcId = "vpc-" + FakeIds.hex(17, region, name, "vpc");
        var privateSubnets = List.of(0, 1, 2).stream()
                .map(i -> "subnet-" + FakeIds.hex(17, region, vpcId, "private", i.toString())).toList();
        var vpcConfig = new LinkedHashMap<String, Object>();
        vpcConfig.put("clusterSecurityGroupId", "sg-" + FakeIds.hex(17, region, name, "cluster"));
        vpcConfig.put("endpointPrivateAccess", true);
        vpcConfig.put("endpointPublicAccess", false);
        vpcConfig.put("publicAccessCidrs", List.of());
        vpcConfig.put("securityGroupIds", List.of());
        vpcConfig.put("subnetIds", privateSubnets);
        vpcConfig.put("vpcId", vpcId);
        var result = new LinkedHashMap<String, Object>();
        result.put("accessConfigs", List.of());
        result.put("arn", arn("eks", region, "cluster/" + name));
        result.put("certificateAuthorities", List.of());
        result.put("clusterId", FakeIds.uuid(region, name, "cluster"));
        result.put("computeConfigs", List.of());
        result.put("createdAt", "2026-01-01T00:00:00Z");
        result.put("enabledClusterLogTypes", List.of());
        result.put("endpoint", "https://" + FakeIds.hex(32, region, name).toUpperCase(Locale.ROOT) + ".gr7." + region
                + ".eks.amazonaws.com");
        result.put("id", name);
        result.put("identities", List.of());
        result.put("kubernetesNetworkConfigs", List.of());
        result.put("name", name);
        result.put("outpostConfigs", List.of());
        result.put("platformVersion", "eks.1");
        result.put("remoteNetworkConfigs", List.of());
        result.put("roleArn", "arn:aws:iam::" + ACCOUNT + ":role/" + name + "-cluster");
        result.put("status", "ACTIVE");
        result.put("storageConfigs", List.of());
        result.put("tags", Map.of());
        result.put("upgradePolicies", List.of());
        result.put("version", "1.33");
        result.put("vpcConfig", vpcConfig);
        result.put("zonalShiftConfigs", List.of());
        return result;
    }

    private static Map<String, Object> subnets(String region, Map<String, Object> in) {
        var vpcId = "";
        if (in.get("filters") instanceof List<?> filters) {
            for (var filter : filters) {
                if (filter instanceof Map<?, ?> f && "vpc-id".equals(f.get("name"))
                        && f.get("values") instanceof List<?> values && !values.isEmpty()) {
                    vpcId = String.valueOf(values.get(0));
                }
            }
        }
        var key = vpcId;
        var ids = List.of(0, 1, 2).stream()
                .map(i -> "subnet-" + FakeIds.hex(17, region, key, "public", i.toString())).toList();
        var result = new LinkedHashMap<String, Object>();
        result.put("filters", in.getOrDefault("filters", List.of()));
        result.put("id", region);
        result.put("ids", ids);
        result.put("tags", Map.of());
        return result;
    }

    /** The id the fake cloud gives a managed prefix list. */
    public static String prefixListId(String region, String name) {
        return "pl-" + FakeIds.hex(8, region, name);
    }

    private static Map<String, Object> prefixList(String region, String name) {
        var id = prefixListId(region, name);
        var result = new LinkedHashMap<String, Object>();
        result.put("addressFamily", "IPv4");
        result.put("arn", "arn:aws:ec2:" + region + ":aws:prefix-list/" + id);
        result.put("entries", List.of());
        result.put("id", id);
        result.put("maxEntries", name.contains("cloudfront") ? 55 : 25);
        result.put("name", name);
        result.put("ownerId", "AWS");
        result.put("tags", Map.of());
        result.put("version", 1);
        return result;
    }

    private static Map<String, Object> zone(String name) {
        var zoneId = "Z" + FakeIds.alphanumeric(20, "zone", name).toUpperCase(Locale.ROOT);
        var result = new LinkedHashMap<String, Object>();
        result.put("arn", "arn:aws:route53:::hostedzone/" + zoneId);
        result.put("callerReference", FakeIds.uuid("zone", name));
        result.put("comment", "");
        result.put("id", zoneId);
        result.put("linkedServiceDescription", "");
        result.put("linkedServicePrincipal", "");
        result.put("name", name);
        result.put("nameServers", List.of("ns-1.awsdns-01.org", "ns-2.awsdns-02.co.uk", "ns-3.awsdns-03.com",
                "ns-4.awsdns-04.net"));
        result.put("primaryNameServer", "ns-1.awsdns-01.org");
        result.put("resourceRecordSetCount", 2);
        result.put("tags", Map.of());
        result.put("vpcId", "");
        result.put("zoneId", zoneId);
        return result;
    }

    /** An ELBv2 load balancer or target group: auto-named, its ARN ending in {@code <kind>/<name>/<id>}. */
    private static String elbv2(Map<String, Object> out, String region, String name, String prefix, String kind) {
        var shortName = autoName(name, 32);
        var arn = arn("elasticloadbalancing", region, prefix + kind + shortName + "/" + FakeIds.hex(16, region, name));
        out.put("arn", arn);
        out.put("arnSuffix", arn.substring(arn.indexOf(kind)));
        out.put("name", shortName);
        return arn;
    }

    private static String arn(String service, String region, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + ACCOUNT + ":" + resource;
    }

    /** Pulumi's auto-naming: the logical name plus a random suffix, within the service's length limit. */
    private static String autoName(String name, int maxLength) {
        var suffix = "-" + FakeIds.hex(7, name);
        var base = name.length() + suffix.length() > maxLength ? name.substring(0, maxLength - suffix.length()) : name;
        return base + suffix;
    }
}
