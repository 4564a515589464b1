// Through the pack's own analyzer server. A resource policy on the certificate's inputs, so ACM is never asked
// for (and certificate transparency never publishes) a name shaped like the secret origin label, in
// up --skip-preview too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { certificate, HOST, messagesOf, resource, UNKNOWN, usePack } from "../lib/fixtures";
import { noCertificateNamesOriginHost as policy } from "./certificate-origin-host";

const pack = usePack();

test("update: passes a wildcard over the origin parent with the public names", async () => {
    const regional = certificate("eu-west-1-origin-certificate", "*.origin.example.com", "eu-west-1",
        ["www.example.com", "example.com"]);
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(regional)), []);
});

test("up --skip-preview: refuses a certificate naming the origin host before ACM issues it", async () => {
    const named = certificate("viewer-certificate", "www.example.com", "us-east-1", [HOST]);
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(named)), [
        `Certificate viewer-certificate names ${HOST}, whose first label looks like a secret origin label; certificate `
        + "transparency logs would publish it. Use a wildcard over its parent instead.",
    ]);
});

test("refuses an exact name its own wildcard already covers", async () => {
    const named = certificate("c", "*.origin.example.com", "eu-west-1", ["api.origin.example.com"]);
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(named)), [
        "Certificate c names api.origin.example.com, which its wildcard already covers; listing it only publishes it "
        + "in certificate transparency logs.",
    ]);
});

test("new stack's preview: an unknown name is judged at the update, without a can't-run note", async () => {
    const unknown = resource("aws:acm/certificate:Certificate", "c", { domainName: "www.example.com",
        subjectAlternativeNames: UNKNOWN }, "us-east-1");
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(unknown)), []);
});
