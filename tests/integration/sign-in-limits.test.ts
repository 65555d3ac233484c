import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/server/data/accounts";
import { clientIp, signInBlocked, SIGN_IN_MAX_FAILURES } from "@/lib/server/rate-limit";
import { db } from "@/lib/server/db";
import { buildUser, TEST_PASSWORD } from "../factories";

describe("sign-in throttling", () => {
  it("blocks an e-mail and address after 10 failures in 15 minutes, not another address or e-mail", async () => {
    const user = await buildUser(db(), { email: "throttled@example.test" });
    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++) await authenticate(user.email, "wrong-password", "203.0.113.7");
    expect(await signInBlocked(user.email, "203.0.113.7")).toBe(false);
    await authenticate(user.email, "wrong-password", "203.0.113.7");
    expect(await signInBlocked(user.email, "203.0.113.7")).toBe(true);
    expect(await signInBlocked(user.email, "198.51.100.1")).toBe(false);
    expect(await signInBlocked("someone-else@example.test", "203.0.113.7")).toBe(false);
    expect(await signInBlocked(user.email, "203.0.113.7", new Date(Date.now() + 16 * 60_000))).toBe(false);
    // A success does not reset the window: the limit is on failures.
    expect(await authenticate(user.email, TEST_PASSWORD, "198.51.100.1")).not.toBeNull();
  });

  it("reads the client address from the proxy headers", () => {
    const h = (o: Record<string, string>) => (n: string) => o[n] ?? null;
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIp(h({ "x-real-ip": "198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientIp(h({}))).toBeNull();
  });
});
