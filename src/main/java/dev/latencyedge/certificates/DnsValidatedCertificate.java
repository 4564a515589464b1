package dev.latencyedge.certificates;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An ACM certificate validated through DNS records in a Route 53 zone. The certificate lives in the Region of
 * the provider this component is given, so a CloudFront certificate is built with a us-east-1 provider.
 */
public final class DnsValidatedCertificate extends ComponentResource {

    public static final String TYPE = "latency-edge:certificates:DnsValidatedCertificate";

    /** ARN of the certificate, available once it is issued. */
    @Export(name = "certificateArn", refs = {String.class})
    public final Output<String> certificateArn;

    public DnsValidatedCertificate(String name, DnsValidatedCertificateArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var certificate = new Certificate(name + "-certificate", CertificateArgs.builder()
                .domainName(args.domainName())
                .subjectAlternativeNames(args.alternativeNames())
                .validationMethod("DNS")
                .build(), child().build());

        var fqdns = new ArrayList<Output<String>>();
        for (var validatedName : validatedNames(args)) {
            var option = certificate.domainValidationOptions().applyValue(all -> all.stream()
                    .filter(o -> o.domainName().map(DnsValidatedCertificate::bare).filter(validatedName::equals)
                            .isPresent())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "ACM returned no validation record for " + validatedName)));
            var recordOptions = child();
            if (args.sharedValidationRecords()) {
                // Every Region's certificate for this name asks for the same record; destroying one Region's
                // stack must not take away the record the others renew with.
                recordOptions.retainOnDelete(true);
            }
            var record = new Record(name + "-validation-" + validatedName, RecordArgs.builder()
                    .zoneId(args.zoneId())
                    .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                    .type("CNAME")
                    .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                    .ttl(300)
                    .allowOverwrite(true)
                    .build(), recordOptions.build());
            fqdns.add(record.fqdn());
        }

        var validation = new CertificateValidation(name + "-validation", CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .validationRecordFqdns(Output.all(fqdns))
                .build(), child().build());
        this.certificateArn = validation.certificateArn();
        registerOutputs(Map.of("certificateArn", certificateArn));
    }

    private CustomResourceOptions.Builder child() {
        return CustomResourceOptions.builder().parent(this);
    }

    /** The names ACM asks to validate: a wildcard shares its parent's record, so each bare name once. */
    static List<String> validatedNames(DnsValidatedCertificateArgs args) {
        var names = new LinkedHashSet<String>();
        names.add(bare(args.domainName()));
        args.alternativeNames().forEach(n -> names.add(bare(n)));
        return List.copyOf(names);
    }

    private static String bare(String name) {
        return name.startsWith("*.") ? name.substring(2) : name;
    }
}
