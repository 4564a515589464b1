package dev.latencyedge.operations;

import dev.latencyedge.settings.AwsRegions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where status asks Route 53 from: one client address inside each AWS Region's published EC2 range
 * ({@link AwsRegions#ec2Prefix}), named by the Region, then each {@code --client-ip}, named by itself.
 */
public final class VantagePoints {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private VantagePoints() {
    }

    /** Name -> client address: every Region's, then the given ones (checked, never resolved). */
    public static Map<String, String> of(List<String> clientIps) {
        var points = new LinkedHashMap<String, String>();
        AwsRegions.CODES.forEach(region -> points.put(region, firstHost(AwsRegions.ec2Prefix(region).orElseThrow())));
        for (var ip : clientIps) {
            points.put(ip, literal(ip));
        }
        return points;
    }

    /** The prefix's first host address (network address + 1), inside the Region's range. */
    static String firstHost(String cidr) {
        try {
            var bytes = InetAddress.getByName(cidr.substring(0, cidr.indexOf('/'))).getAddress();
            bytes[bytes.length - 1] |= 1;
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(cidr + " is not an address prefix", e);
        }
    }

    /** An IPv4 or IPv6 literal, as Route 53's EDNS0ClientSubnetIP takes it; a host name is refused, not looked up. */
    static String literal(String ip) {
        var text = ip.trim();
        var looksLikeIp = IPV4.matcher(text).matches() || IPV6.matcher(text).matches();
        try {
            if (looksLikeIp) {
                // A literal of these shapes is parsed without any DNS lookup (InetAddress.getByName's contract).
                InetAddress.getByName(text);
                if (!IPV4.matcher(text).matches() || java.util.Arrays.stream(text.split("\\."))
                        .allMatch(part -> Integer.parseInt(part) <= 255)) {
                    return text;
                }
            }
        } catch (UnknownHostException e) {
            // falls through to the refusal
        }
        throw new OperationsException(ExitStatus.BAD_INPUT, "--client-ip: '" + ip
                + "' is not an IPv4 or IPv6 address (Route 53's EDNS0ClientSubnetIP)");
    }
}
