"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noWorldIngress = void 0;
const WORLD = ["0.0.0.0/0", "::/0"];
/** The ALBs answer only CloudFront and Route 53 health checkers; nothing here is open to the internet. */
exports.noWorldIngress = {
    name: "aws-ec2-security-group-disallow-world-ingress",
    description: "No security group admits 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") {
            for (const cidr of [args.props.cidrIpv4, args.props.cidrIpv6]) {
                if (WORLD.includes(cidr)) {
                    reportViolation(`Ingress rule ${args.name} admits ${cidr}.`);
                }
            }
        }
        if (args.type === "aws:ec2/securityGroup:SecurityGroup"
            || args.type === "aws:ec2/securityGroupRule:SecurityGroupRule") {
            const rules = args.type === "aws:ec2/securityGroup:SecurityGroup" ? (args.props.ingress ?? [])
                : args.props.type === "ingress" ? [args.props] : [];
            for (const rule of rules) {
                for (const cidr of [...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? [])]) {
                    if (WORLD.includes(cidr)) {
                        reportViolation(`Security group ${args.name} admits ${cidr}.`);
                    }
                }
            }
        }
    },
};
