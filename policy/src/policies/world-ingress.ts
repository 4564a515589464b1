import { ResourceValidationPolicy } from "@pulumi/policy";
import { isKnown, knownList, read } from "../lib/resources";

const WORLD = ["0.0.0.0/0", "::/0"];

/** The ALBs answer only CloudFront and Route 53 health checkers; nothing here is open to the internet. */
export const noWorldIngress: ResourceValidationPolicy = {
    name: "aws-ec2-security-group-disallow-world-ingress",
    description: "No security group admits 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") {
            for (const cidr of [read(() => args.props.cidrIpv4), read(() => args.props.cidrIpv6)]) {
                if (isKnown(cidr) && WORLD.includes(cidr)) {
                    reportViolation(`Ingress rule ${args.name} admits ${cidr}.`);
                }
            }
        }
        if (args.type === "aws:ec2/securityGroup:SecurityGroup"
            || args.type === "aws:ec2/securityGroupRule:SecurityGroupRule") {
            const rules: Record<string, any>[] = args.type === "aws:ec2/securityGroup:SecurityGroup"
                ? knownList(() => args.props.ingress)
                : read(() => args.props.type) === "ingress" ? [args.props] : [];
            for (const rule of rules) {
                for (const cidr of [...knownList<string>(() => rule.cidrBlocks), ...knownList<string>(() => rule.ipv6CidrBlocks)]) {
                    if (WORLD.includes(cidr)) {
                        reportViolation(`Security group ${args.name} admits ${cidr}.`);
                    }
                }
            }
        }
    },
};
