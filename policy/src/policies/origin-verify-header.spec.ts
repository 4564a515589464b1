import { test } from "node:test";
import assert from "node:assert/strict";
import { distribution, messages } from "../lib/fixtures";
import { originVerifyHeader as policy } from "./origin-verify-header";

test("passes an origin sending the header with a masked (secret) value", async () => {
    assert.deepEqual(await messages(policy, [distribution()], { secretsAreMasked: true }), []);
});

test("fails an origin without the header", async () => {
    assert.deepEqual(await messages(policy, [distribution({}, { customHeaders: [] })]), [
        "Distribution cdn-distribution: origin latency-origin does not send X-Origin-Verify.",
    ]);
});

test("fails a header value visible in a plan, where secrets are masked", async () => {
    const cdn = distribution({}, { customHeaders: [{ name: "X-Origin-Verify", value: "plain-text-value" }] });
    assert.deepEqual(await messages(policy, [cdn], { secretsAreMasked: true }), [
        "Distribution cdn-distribution: the X-Origin-Verify value is in plain text; pass it as a secret.",
    ]);
});
