// Through the pack's own analyzer server: a resource policy on the distribution's inputs. Under CrossGuard the
// engine sends the header value as a secret and the runtime hands it to the policy as a plain value.
import { test } from "node:test";
import assert from "node:assert/strict";
import { secret } from "../lib/analyzer";
import { distribution, messagesOf, usePack } from "../lib/fixtures";
import { originVerifyHeader as policy } from "./origin-verify-header";

const pack = usePack();
const masked = usePack({ [policy.name]: { secretsAreMasked: true } });

test("update: passes an origin sending the header, its value a secret as the engine encodes it", async () => {
    const cdn = distribution({}, { customHeaders: [{ name: "X-Origin-Verify", value: secret("0123456789abcdef0123456789abcdef") }] });
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(cdn)), []);
});

test("up --skip-preview: refuses an origin without the header before the distribution is created", async () => {
    assert.deepEqual(messagesOf(policy.name, await pack().analyze(distribution({}, { customHeaders: [] }))), [
        "Distribution cdn-distribution: origin latency-origin does not send X-Origin-Verify.",
    ]);
});

test("where secrets are masked (plan files), a visible value was not a secret", async () => {
    assert.deepEqual(messagesOf(policy.name, await masked().analyze(distribution())), [
        "Distribution cdn-distribution: the X-Origin-Verify value is in plain text; pass it as a secret.",
    ]);
    const hidden = distribution({}, { customHeaders: [{ name: "X-Origin-Verify", value: "[secret]" }] });
    assert.deepEqual(messagesOf(policy.name, await masked().analyze(hidden)), []);
});
