package dev.latencyedge.certificates;

import com.pulumi.core.Output;

import java.util.List;

/**
 * Inputs of {@link DnsValidatedCertificate}.
 *
 * @param domainName              the certificate's name; a wildcard keeps secret labels out of certificate logs
 * @param alternativeNames        further names on the same certificate
 * @param zoneId                  the public hosted zone the validation records go in
 * @param sharedValidationRecords true when other stacks validate the same names (the same record in every
 *                                Region and account): the records are then overwritten safely and left in
 *                                place when this stack is destroyed
 */
public record DnsValidatedCertificateArgs(
        String domainName,
        List<String> alternativeNames,
        Output<String> zoneId,
        boolean sharedValidationRecords) {

    public DnsValidatedCertificateArgs {
        alternativeNames = List.copyOf(alternativeNames);
    }
}
