import { describe, expect, it } from "vitest";
import { attemptSignIn } from "@/lib/server/data/sign-in";
import { signUp, SIGN_UP_LIMIT_MESSAGE } from "@/lib/server/data/sign-up";
import { clientIp, PEER_HEADER, signInGate, SIGN_IN_MAX_FAILURES } from "@/lib/server/rate-limit";
import { RuleError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { buildUser, TEST_PASSWORD } from "../factories";

const addr = (i: number) => `198.51.100.${i}`;
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("sign-in limits", () => {
  it("refuses the 11th attempt for an e-mail from one address, even with the right password, until the window passes", async () => {
    const user = await buildUser(db(), { email: "throttled@example.test" });
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++)
      expect(await attemptSignIn(user.email, "wrong-password", "203.0.113.7")).toEqual({ status: "failed" });
    expect(await attemptSignIn(user.email, TEST_PASSWORD, "203.0.113.7")).toEqual({
      status: "blocked",
      reason: "address-limit",
    });
    // Another e-mail from the same address is not held.
    const other = await buildUser(db(), { email: "neighbour@example.test" });
    expect((await attemptSignIn(other.email, TEST_PASSWORD, "203.0.113.7")).status).toBe("ok");
    // The window slides: 16 minutes later the failures have aged out.
    expect(await signInGate(user.email, "203.0.113.7", user.id, later(16))).toBe("open");
  });

  it("holds an account after 10 failures spread over 10 addresses, for every new address", async () => {
    const user = await buildUser(db(), { email: "many-addresses@example.test" });
    for (let i = 1; i <= SIGN_IN_MAX_FAILURES; i++)
      expect((await attemptSignIn(user.email, "wrong-password", addr(i))).status).toBe("failed");
    // An 11th address, with the right password: refused, without the password being checked.
    expect(await attemptSignIn(user.email, TEST_PASSWORD, addr(11))).toEqual({
      status: "blocked",
      reason: "account-limit",
    });
    // An unknown e-mail is held the same way (the limit is on the e-mail, not on an account existing).
    for (let i = 1; i <= SIGN_IN_MAX_FAILURES; i++) await attemptSignIn("nobody@example.test", "guess", addr(i));
    expect((await attemptSignIn("nobody@example.test", "guess", addr(50))).status).toBe("blocked");
  });

  it("cannot lock the owner out: their usual address still gets in, and refused attempts do not extend the lock", async () => {
    const user = await buildUser(db(), { email: "owner@example.test" });
    expect((await attemptSignIn(user.email, TEST_PASSWORD, "192.0.2.5")).status).toBe("ok");
    for (let i = 1; i <= 3 * SIGN_IN_MAX_FAILURES; i++) await attemptSignIn(user.email, "wrong-password", addr(i));
    const rows = await db().auditEvent.groupBy({
      by: ["outcome"],
      where: { action: "auth.sign-in", details: { path: ["email"], equals: user.email } },
      _count: true,
    });
    const count = Object.fromEntries(rows.map((r) => [r.outcome, r._count]));
    expect(count).toEqual({ ok: 1, failed: SIGN_IN_MAX_FAILURES, denied: 2 * SIGN_IN_MAX_FAILURES });
    expect((await attemptSignIn(user.email, TEST_PASSWORD, "192.0.2.5")).status).toBe("ok");
    expect((await attemptSignIn(user.email, TEST_PASSWORD, addr(99))).status).toBe("blocked");
    // 15 minutes after the last real failure, the account opens again however many refusals followed.
    expect(await signInGate(user.email, addr(99), user.id, later(16))).toBe("open");
  });

  it("lets no burst of concurrent guesses past the limit (50 rounds)", { timeout: 300_000 }, async () => {
    for (let round = 0; round < 50; round++) {
      const email = `burst-${round}@example.test`;
      const results = await Promise.all(
        Array.from({ length: SIGN_IN_MAX_FAILURES + 3 }, (_, i) => attemptSignIn(email, "guess", addr(i + 1))),
      );
      const checked = results.filter((r) => r.status === "failed").length;
      expect(checked, `round ${round}`).toBeLessThanOrEqual(SIGN_IN_MAX_FAILURES);
      expect(results.filter((r) => r.status === "blocked").length, `round ${round}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("client address", () => {
  const env = { peerToken: "token-of-this-process", trustProxyHops: 0 };
  const h = (o: Record<string, string>) => (n: string) => o[n] ?? null;

  it("is the peer stamped by scripts/serve.mjs; a client's X-Forwarded-For or forged stamp is ignored", () => {
    const stamped = { [PEER_HEADER]: "token-of-this-process 127.0.0.1" };
    expect(clientIp(h({ ...stamped, "x-forwarded-for": "203.0.113.7" }), env)).toBe("127.0.0.1");
    expect(clientIp(h({ [PEER_HEADER]: "guessed-token 203.0.113.7" }), env)).toBeNull();
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.7" }), env)).toBeNull();
    // Without a token (not started by serve.mjs) no stamp is believed.
    expect(clientIp(h({ [PEER_HEADER]: " 127.0.0.1" }), { peerToken: undefined, trustProxyHops: 0 })).toBeNull();
  });

  it("reads X-Forwarded-For for exactly TRUST_PROXY_HOPS proxies", () => {
    const get = h({ [PEER_HEADER]: "token-of-this-process 127.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.7" });
    expect(clientIp(get, { ...env, trustProxyHops: 1 })).toBe("203.0.113.7");
    expect(clientIp(get, { ...env, trustProxyHops: 2 })).toBe("6.6.6.6");
  });
});

describe("sign-up", () => {
  const input = (email: string, password = "a-long-unusual-phrase-42") => ({
    name: "Sam",
    email,
    password,
    organizationName: `Org of ${email}`,
  });
  const orgsOf = (userId: string) => db().membership.count({ where: { userId } });

  it("gives an existing e-mail the same answer as a new one, and creates nothing without its password", async () => {
    const owner = await buildUser(db(), { email: "taken@example.test" });
    expect(await signUp(input("fresh@example.test"), "203.0.113.20")).toEqual({ email: "fresh@example.test" });
    expect(await signUp(input("taken@example.test"), "203.0.113.20")).toEqual({ email: "taken@example.test" });
    expect(await db().user.count({ where: { email: "fresh@example.test" } })).toBe(1);
    expect(await orgsOf(owner.id)).toBe(0);
    expect(await db().organization.count({ where: { name: "Org of taken@example.test" } })).toBe(0);
    // The owner, with their own password, gets the organisation they asked for.
    await signUp(input("taken@example.test", TEST_PASSWORD), "203.0.113.20");
    expect(await orgsOf(owner.id)).toBe(1);
  });

  it("a common password is refused the same way for an existing e-mail and a new one", async () => {
    await buildUser(db(), { email: "taken-2@example.test" });
    for (const email of ["taken-2@example.test", "fresh-2@example.test"])
      await expect(signUp(input(email, "password1234"), "203.0.113.21")).rejects.toMatchObject({ field: "password" });
  });

  it("allows 10 sign-ups per address per hour, then refuses with a message; other addresses are not held", async () => {
    for (let i = 0; i < 10; i++) await signUp(input(`many-${i}@example.test`), "203.0.113.30");
    const refused = signUp(input("eleventh@example.test"), "203.0.113.30");
    await expect(refused).rejects.toBeInstanceOf(RuleError);
    await expect(refused).rejects.toThrow(SIGN_UP_LIMIT_MESSAGE);
    expect(await db().user.count({ where: { email: "eleventh@example.test" } })).toBe(0);
    expect(await signUp(input("elsewhere@example.test"), "203.0.113.31")).toEqual({ email: "elsewhere@example.test" });
  });
});
