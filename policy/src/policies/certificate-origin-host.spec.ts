import { test } from "node:test";
import assert from "node:assert/strict";
import { certificate, distribution, HOST, messages } from "../lib/fixtures";
import { noCertificateNamesOriginHost as policy } from "./certificate-origin-host";

test("passes a wildcard over the origin parent", async () => {
    assert.deepEqual(await messages(policy, [distribution(), certificate("eu", "*.origin.example.com", "eu-west-1")]), []);
});

test("fails a certificate naming the exact origin host", async () => {
    assert.deepEqual(await messages(policy, [distribution(), certificate("eu", HOST, "eu-west-1")]), [
        `Certificate eu names the origin host ${HOST}; certificate transparency logs would publish it. Use a wildcard over its parent instead.`,
    ]);
});

test("fails an alternative name that is the origin host", async () => {
    const result = await messages(policy, [distribution(), certificate("viewer", "www.example.com", "us-east-1", [HOST])]);
    assert.equal(result.length, 1);
});
