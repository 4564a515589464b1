"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.policies = void 0;
const certificate_origin_host_1 = require("./certificate-origin-host");
const guessable_origin_1 = require("./guessable-origin");
const https_only_1 = require("./https-only");
const latency_health_checks_1 = require("./latency-health-checks");
const origin_verify_header_1 = require("./origin-verify-header");
const viewer_certificate_us_east_1_1 = require("./viewer-certificate-us-east-1");
const world_ingress_1 = require("./world-ingress");
/** Every policy of the pack, mandatory ones first. */
exports.policies = [
    viewer_certificate_us_east_1_1.viewerCertificateInUsEast1,
    guessable_origin_1.unguessableOrigin,
    certificate_origin_host_1.noCertificateNamesOriginHost,
    https_only_1.httpsEverywhere,
    latency_health_checks_1.latencyRecordsHealthChecked,
    world_ingress_1.noWorldIngress,
    origin_verify_header_1.originVerifyHeader,
];
