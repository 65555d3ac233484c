// The token API's limit on refused calls per client address (docs/decisions/031): no token or an
// invalid one, CONDUCT_API_FAILURE_LIMIT times a minute from one address, then 429 with Retry-After
// and no further audit rows; a valid token from the same address is never held. On both databases.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createApiToken } from "@/lib/server/data/api-tokens";
import { ApiTokenInput } from "@/lib/schemas/api";
import { DEFAULT_API_FAILURE_LIMIT, windowStartOf } from "@/lib/domain/api-tokens";
import { countAddressFailure, forgetOldAddressWindows, PEER_HEADER } from "@/lib/server/rate-limit";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { call } from "./support/api-client";

let n = 0;
/** A fresh documentation address (RFC 5737) per test, stamped as scripts/serve.mjs stamps the peer. */
const address = () => `198.51.100.${(Date.now() % 200) + ++n}`;
const from = (ip: string) => ({ [PEER_HEADER]: `integration-peer ${ip}` });

describe("refused token API calls per address", () => {
  it(`answers 401 ${DEFAULT_API_FAILURE_LIMIT} times a minute, then 429 with Retry-After and no audit row per call`, async () => {
    const ip = address();
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const { token } = await createApiToken(
      admin,
      ApiTokenInput.parse({ name: "Ticket tool", scopes: ["catalogue:read"], expiresOn: "" }),
    );
    for (let i = 1; i <= DEFAULT_API_FAILURE_LIMIT; i++) {
      const r = await call("GET", "/behaviours", { token: i % 2 ? null : `cdt_guess${i}`, headers: from(ip) });
      expect(r.status, `call ${i}`).toBe(401);
    }
    const held = await call("GET", "/behaviours", { token: "cdt_one-more-guess", headers: from(ip) });
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(held.body.detail).toMatch(/without a valid token from this address/);
    await call("GET", "/behaviours", { headers: from(ip) });
    const rows = await db().auditEvent.groupBy({ by: ["action"], where: { ip }, _count: true });
    expect(Object.fromEntries(rows.map((r) => [r.action, r._count]))).toEqual({
      "api.call": DEFAULT_API_FAILURE_LIMIT,
      "api.throttle": 1,
    });
    // The organisation's own integration from the same (shared) address goes on working.
    expect((await call("GET", "/behaviours", { token, headers: from(ip) })).status).toBe(200);
    // Another address is not held.
    expect((await call("GET", "/behaviours", { headers: from(address()) })).status).toBe(401);
  });

  it("counts concurrent refusals exactly (one statement per refusal), and starts again each minute", async () => {
    for (let round = 1; round <= 5; round++) {
      const ip = address();
      // One moment for the whole round: on the real clock a round that straddles a minute would count in two
      // windows (seen once in CI: a flake of the test, not of the counter).
      const at = new Date();
      const counts = await Promise.all(Array.from({ length: 20 }, () => countAddressFailure("api", ip, at)));
      expect(
        counts.sort((a, b) => a - b),
        `round ${round}`,
      ).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    }
    const ip = address();
    const now = new Date();
    await countAddressFailure("api", ip, now);
    expect(await countAddressFailure("api", ip, now)).toBe(2);
    expect(await countAddressFailure("api", ip, new Date(windowStartOf(now).getTime() + 60_000))).toBe(1);
  });

  it("forgets windows older than a day (the nightly retention job)", async () => {
    const ip = address();
    const old = new Date(Date.now() - 2 * 86_400_000);
    await countAddressFailure("api", ip, old);
    const fresh = address();
    await countAddressFailure("api", fresh);
    await forgetOldAddressWindows();
    expect(await db().addressThrottle.findUnique({ where: { key: `api:${ip}` } })).toBeNull();
    expect(await db().addressThrottle.findUnique({ where: { key: `api:${fresh}` } })).not.toBeNull();
  });
});
