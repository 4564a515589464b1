package dev.latencyedge.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.latencyedge.settings.ConfigKeys.*;

/**
 * Reads a stack's configuration once, at the program's edge, into immutable settings. Every rule AWS would
 * enforce later (or that keeps the design safe) is checked here, before any resource is registered, and every
 * problem of the stack is reported at once. The keys both roles read are read here, each role's own by
 * {@link RegionalSettingsReader} and {@link GlobalSettingsReader}; the rules' formats live here, in one place.
 */
public final class SettingsLoader {

    static final Pattern DNS_NAME_FORMAT = Pattern.compile(
            "^(?=.{1,253}$)(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");
    static final Pattern ORIGIN_LABEL_FORMAT = Pattern.compile("^[a-z0-9]{16,63}$");
    /** Header-safe characters; '*' and '?' are excluded because ALB header conditions treat them as wildcards. */
    static final Pattern SECRET_FORMAT = Pattern.compile("^[A-Za-z0-9+/=._~-]{32,128}$");
    static final Pattern HEADER_NAME_FORMAT = Pattern.compile("^[A-Za-z0-9-]{1,40}$");
    /** An ALB path-pattern value is at most 128 characters; '*' and '?' would be wildcards. */
    static final Pattern HEALTH_PATH_FORMAT = Pattern.compile("^/[A-Za-z0-9/._~%-]{0,127}$");
    /** A target group's health-check path: up to 1024 characters. */
    static final Pattern TARGET_HEALTH_PATH_FORMAT = Pattern.compile("^/[A-Za-z0-9/._~%-]{0,1023}$");
    /** Kubernetes namespaces and Service names are DNS-1123 labels. */
    static final Pattern KUBERNETES_NAME_FORMAT = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    static final Pattern SECURITY_GROUP_ID_FORMAT = Pattern.compile("^sg-[0-9a-f]{8,17}$");
    static final Pattern COUNTRY_FORMAT = Pattern.compile("^[A-Z]{2}$");
    static final Pattern WEB_ACL_ARN_FORMAT = Pattern.compile("^arn:aws:wafv2:us-east-1:[0-9]{12}:global/webacl/[^/]+/[^/]+$");
    static final Pattern SNS_ARN_FORMAT = Pattern.compile("^arn:aws:sns:us-east-1:[0-9]{12}:[A-Za-z0-9_-]{1,256}$");
    static final Pattern SUBNET_ID_FORMAT = Pattern.compile("^subnet-[0-9a-f]{8,17}$");
    static final Set<String> PRICE_CLASSES = Set.of("PriceClass_All", "PriceClass_200", "PriceClass_100");
    static final Set<String> GEO_TYPES = Set.of("none", "whitelist", "blacklist");
    static final Set<String> TARGET_TYPES = Set.of("ip", "instance");
    /**
     * Headers CloudFront would accept but this design must not overwrite: the viewer's credentials, and the
     * header the CloudFront Function fills with the viewer's host when the origin's Host is kept.
     */
    static final Set<String> DESIGN_RESERVED_HEADERS = Set.of("authorization", "x-forwarded-host");
    /** Tag keys the providers set on everything; a user tag must not overwrite them. */
    static final Set<String> PROGRAM_TAG_KEYS = Set.of("latency-edge:env", "latency-edge:stack", "Name");

    private SettingsLoader() {
    }

    /** Reads and validates; throws {@link ConfigException} naming every problem. */
    public static StackSettings load(ConfigSource source) {
        var r = new ConfigReader(source);
        var roleValue = r.required(ROLE, "(region or global)");
        var role = Role.parse(roleValue);
        UnreadKeys.problems(source.stackKeys(), role).forEach(p -> r.fail(p.key(), p.reason()));
        if (role.isEmpty()) {
            if (!roleValue.isEmpty()) {
                r.fail(ROLE, "must be \"region\" or \"global\", got \"" + roleValue + "\"");
            }
            r.finish();
        }
        var common = common(r, role.orElseThrow());
        StackSettings settings = role.get() == Role.REGION ? RegionalSettingsReader.read(r, common)
                : GlobalSettingsReader.read(r, common);
        r.finish();
        return settings;
    }

    private static CommonSettings common(ConfigReader r, Role role) {
        var stack = r.stackName();
        var region = r.required(AWS_REGION, "(the Region this stack's resources live in)");
        if (!region.isEmpty() && !AwsRegions.CODES.contains(region)) {
            r.fail(AWS_REGION, "is not a known AWS Region code: \"" + region + "\"");
        }
        var env = stack;
        // A missing Region is reported once, not again as a stack name that does not end in it.
        if (role == Role.REGION && !region.isEmpty()) {
            var suffix = "-" + region;
            if (!stack.endsWith(suffix) || stack.length() == suffix.length()) {
                r.fail(AWS_REGION, "regional stacks are named <env>-<region>, but stack " + stack
                        + " does not end in -" + region);
            } else {
                env = stack.substring(0, stack.length() - suffix.length());
            }
        }
        var zone = r.required(ZONE, "(the public hosted zone, e.g. example.com)");
        var zoneValid = dnsName(r, ZONE, zone);
        var explicitParent = r.optional(ORIGIN_PARENT);
        var originParent = explicitParent.orElse("origin." + zone);
        // A parent derived from a missing zone is not checked: the zone's own problem says it all.
        var parentKnown = explicitParent.isPresent() || !zone.isEmpty();
        var parentValid = parentKnown && zoneValid && dnsName(r, ORIGIN_PARENT, originParent);
        if (parentValid && !zone.isEmpty() && !within(originParent, zone)) {
            r.fail(ORIGIN_PARENT, "must be inside the zone " + zone + ", got " + originParent);
        }
        var header = r.string(ORIGIN_VERIFY_HEADER, "X-Origin-Verify");
        if (!HEADER_NAME_FORMAT.matcher(header).matches()) {
            r.fail(ORIGIN_VERIFY_HEADER, "must be 1 to 40 letters, digits or '-' (ALB header conditions), got \""
                    + header + "\"");
        } else {
            headerProblem(header).ifPresent(reason -> r.fail(ORIGIN_VERIFY_HEADER, reason));
        }
        var secret = validSecret(r, ORIGIN_VERIFY_SECRET, r.secret(ORIGIN_VERIFY_SECRET));
        if (secret.isEmpty() && !r.hasProblemFor(ORIGIN_VERIFY_SECRET)) {
            r.fail(ORIGIN_VERIFY_SECRET, "is required: set it with pulumi config set --secret "
                    + ORIGIN_VERIFY_SECRET + " \"$(openssl rand -base64 48)\"");
        }
        var maxFailover = r.optionalLimit(MAX_FAILOVER_SECONDS, 3600);
        if (parentValid && ("*." + originParent).length() > AwsLimits.ACM_MAX_FIRST_NAME) {
            r.fail(ORIGIN_PARENT, "the ALB certificate's name *." + originParent + " would be "
                    + ("*." + originParent).length() + " characters; ACM allows at most " + AwsLimits.ACM_MAX_FIRST_NAME
                    + " for a certificate's first name");
        }
        var names = domainNames(r, zone, originParent);
        return new CommonSettings(stack, env, region, zone, originParent, header,
                secret.orElse(new Secret("")), names, maxFailover, tags(r));
    }

    /** Whether CloudFront (or this design) refuses the header as the verification header; why, if so. */
    static Optional<String> headerProblem(String header) {
        if (AwsLimits.cloudFrontRefusesHeader(header)) {
            return Optional.of("CloudFront cannot add " + header + " to origin requests (it is on CloudFront's list of"
                    + " headers a distribution may not set)");
        }
        if (DESIGN_RESERVED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
            return Optional.of(header + " carries the viewer's own value, which the verification header would"
                    + " overwrite; choose another name");
        }
        return Optional.empty();
    }

    /**
     * The public names, read by both roles: the global stack serves them, and every regional ALB certificate
     * covers them because CloudFront forwards the viewer's Host and checks the origin certificate against it.
     */
    private static List<String> domainNames(ConfigReader r, String zone, String originParent) {
        var domain = r.required(DOMAIN, "(the public name CloudFront serves; regional ALB certificates cover it too)");
        var extras = r.stringList(EXTRA_DOMAINS);
        var names = new ArrayList<String>();
        names.add(domain);
        names.addAll(extras);
        var distinct = new HashSet<String>();
        for (int i = 0; i < names.size(); i++) {
            var name = names.get(i);
            var key = i == 0 ? DOMAIN : EXTRA_DOMAINS;
            if (name.isEmpty() || !dnsName(r, key, name)) {
                continue;
            }
            if (!zone.isEmpty() && !within(name, zone)) {
                r.fail(key, name + " is outside the zone " + zone + "; CloudFront's alias records go in that zone");
            }
            if (within(name, originParent)) {
                r.fail(key, name + " is under the origin parent " + originParent
                        + ", which belongs to the regional ALBs");
            }
            if (!distinct.add(name)) {
                r.fail(EXTRA_DOMAINS, "lists " + name + " twice");
            }
        }
        if (domain.length() > AwsLimits.ACM_MAX_FIRST_NAME) {
            r.fail(DOMAIN, domain + " is " + domain.length() + " characters; it is the viewer certificate's first"
                    + " name, and ACM allows at most " + AwsLimits.ACM_MAX_FIRST_NAME + " there (put longer names in "
                    + EXTRA_DOMAINS + ")");
        }
        // The regional certificates carry *.<originParent> besides every public name.
        if (names.size() + 1 > AwsLimits.ACM_MAX_NAMES) {
            r.fail(EXTRA_DOMAINS, names.size() + " public names plus *." + originParent + " on each regional"
                    + " certificate exceed ACM's default quota of " + AwsLimits.ACM_MAX_NAMES + " names per certificate");
        }
        return names;
    }

    /** User tags, checked as AWS checks them once the providers add the program's own. */
    private static Map<String, String> tags(ConfigReader r) {
        var tags = r.stringMap(TAGS);
        tags.keySet().stream().filter(PROGRAM_TAG_KEYS::contains).forEach(k ->
                r.fail(TAGS, "tag key \"" + k + "\" is set by the program itself"));
        if (tags.size() + PROGRAM_TAG_KEYS.size() > TagRules.MAX_TAGS) {
            r.fail(TAGS, tags.size() + " tags plus the program's " + PROGRAM_TAG_KEYS.size() + " exceed AWS's "
                    + TagRules.MAX_TAGS + " per resource");
        }
        // Each tag on its own: the count is checked above, with the program's tags included.
        tags.forEach((k, v) -> TagRules.problems(k, v).forEach(p -> r.fail(TAGS, p)));
        return tags;
    }

    static Optional<Secret> validSecret(ConfigReader r, String key, Optional<Secret> secret) {
        secret.filter(s -> !SECRET_FORMAT.matcher(s.reveal()).matches()).ifPresent(s -> r.fail(key,
                "must be 32 to 128 characters of A-Z a-z 0-9 + / = . _ ~ - (ALB header values hold at most 128,"
                        + " and '*' or '?' would be wildcards); got " + s.reveal().length() + " characters"));
        return secret;
    }

    /** Whether the name is a lower-case DNS name; records the problem when it is not. */
    static boolean dnsName(ConfigReader r, String key, String name) {
        if (!name.isEmpty() && !DNS_NAME_FORMAT.matcher(name).matches()) {
            r.fail(key, "is not a lower-case DNS name: \"" + name + "\"");
            return false;
        }
        return true;
    }

    static boolean within(String name, String parent) {
        var bare = name.startsWith("*.") ? name.substring(2) : name;
        return bare.equals(parent) || bare.endsWith("." + parent);
    }
}
