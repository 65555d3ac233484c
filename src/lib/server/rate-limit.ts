import "server-only";
import { db } from "./db";
import { recordAudit } from "./audit";
import { serverEnv, type ServerEnv } from "./env";
import { pickClientAddress } from "@/lib/domain/client-address";
import { windowStartOf } from "@/lib/domain/api-tokens";

// Throttles on the audit trail (issues 7 and 15; the policy is in the README, "Sign-in limits").
// Each attempt is written first, as a failure, and only then are the recent failures counted,
// including its own row: of any number of concurrent attempts, the last to be written sees all the
// others, so no burst of parallel guesses gets past the limit (tests/integration/sign-in-limits.test.ts).
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** An address this account signed in from successfully within this time is not held by the account-wide limit. */
export const KNOWN_ADDRESS_MS = 30 * 86_400_000;
export const SIGN_UP_WINDOW_MS = 60 * 60_000;

/** The header scripts/serve.mjs sets on every request: "<its process token> <TCP peer address>". */
export const PEER_HEADER = "x-conduct-peer";

/**
 * The client's address, from the TCP peer that scripts/serve.mjs recorded, and from X-Forwarded-For
 * only for the TRUST_PROXY_HOPS proxies configured (docs/decisions/013-client-address.md). Null when
 * the app was not started by scripts/serve.mjs (e.g. `next dev`): a header a client wrote is never used.
 */
export function clientIp(
  get: (name: string) => string | null | undefined,
  env: Pick<ServerEnv, "peerToken" | "trustProxyHops"> = serverEnv(),
): string | null {
  const stamped = get(PEER_HEADER) ?? "";
  const space = stamped.indexOf(" ");
  const peer =
    env.peerToken && space > 0 && stamped.slice(0, space) === env.peerToken ? stamped.slice(space + 1) : null;
  return pickClientAddress(peer, get("x-forwarded-for") ?? null, env.trustProxyHops);
}

export type SignInGate = "open" | "address-limit" | "account-limit";

/**
 * Whether a sign-in attempt (whose own pending failure row is already written) may check the
 * password: refused after SIGN_IN_MAX_FAILURES failures within the window for this e-mail from this
 * address, or for this e-mail from anywhere unless this address signed in to the account recently.
 * Refused attempts are not failures, so the lock ends by itself when the window passes.
 */
export async function signInGate(
  email: string,
  ip: string | null,
  userId: string | null,
  now = new Date(),
): Promise<SignInGate> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const failures = { action: "auth.sign-in", outcome: "failed", at: { gte: since } } as const;
  const emailIs = { path: ["email"], equals: email };
  const [fromHere, fromAnywhere, known] = await Promise.all([
    db().auditEvent.count({ where: { ...failures, ip, details: emailIs } }),
    db().auditEvent.count({ where: { ...failures, details: emailIs } }),
    userId && ip
      ? db().auditEvent.count({
          where: {
            action: "auth.sign-in",
            outcome: "ok",
            actorUserId: userId,
            ip,
            at: { gte: new Date(now.getTime() - KNOWN_ADDRESS_MS) },
          },
        })
      : 0,
  ]);
  if (fromHere > SIGN_IN_MAX_FAILURES) return "address-limit";
  if (fromAnywhere > SIGN_IN_MAX_FAILURES && known === 0) return "account-limit";
  return "open";
}

/** Whether a sign-up from this address (its own attempt already written) stays within the hourly limit; refused ones do not count. */
export async function signUpAllowed(ip: string | null, now = new Date()): Promise<boolean> {
  const attempts = await db().auditEvent.count({
    where: {
      action: "auth.sign-up",
      outcome: { not: "denied" },
      ip,
      at: { gte: new Date(now.getTime() - SIGN_UP_WINDOW_MS) },
    },
  });
  return attempts <= serverEnv().signUpLimit;
}

/** Self-service password-reset requests (issue 17): per client address, and per e-mail address. */
export const RESET_REQUEST_WINDOW_MS = 60 * 60_000;
export const RESET_REQUESTS_PER_ADDRESS = 10;
export const RESET_REQUESTS_PER_EMAIL = 3;

/**
 * Whether a reset request (its own attempt already written as "password-reset.request") may go on:
 * "address" when this client asked too often (refused, and said so: it tells nothing about the
 * e-mail), "email" when this e-mail was asked for too often (silently nothing sent, so nobody can
 * flood a mailbox, and the answer stays the same), else "open". Counted whether or not the e-mail
 * has an account.
 */
export async function resetRequestGate(
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<"open" | "address" | "email"> {
  const recent = {
    action: "password-reset.request",
    outcome: { not: "denied" },
    at: { gte: new Date(now.getTime() - RESET_REQUEST_WINDOW_MS) },
  } as const;
  const [fromHere, forEmail] = await Promise.all([
    db().auditEvent.count({ where: { ...recent, ip } }),
    db().auditEvent.count({ where: { ...recent, details: { path: ["email"], equals: email } } }),
  ]);
  if (fromHere > RESET_REQUESTS_PER_ADDRESS) return "address";
  if (forEmail > RESET_REQUESTS_PER_EMAIL) return "email";
  return "open";
}

/**
 * Counts one refused call from this address in the current minute and returns the count, including
 * this one. One statement (INSERT … ON CONFLICT DO UPDATE … RETURNING): concurrent refusals queue on
 * the row and each sees the others, on both databases and across processes.
 */
export async function countAddressFailure(scope: "api" | "scim", ip: string, now = new Date()): Promise<number> {
  const window = windowStartOf(now).toISOString();
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "AddressThrottle" ("key", "windowStart", "count")
    VALUES (${`${scope}:${ip}`}, ${window}::timestamp(3), 1)
    ON CONFLICT ("key") DO UPDATE
       SET "count" = CASE WHEN "AddressThrottle"."windowStart" = EXCLUDED."windowStart"
                          THEN "AddressThrottle"."count" + 1 ELSE 1 END,
           "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  return Number(rows[0]!.count);
}

/**
 * A call refused for want of a valid token (the API's and SCIM's handlers): counted per client address. Returns
 * true when the address is held for the rest of the minute (answer 429, write nothing more). Otherwise the call
 * is recorded by `recordCall`, and the refusal that uses up the allowance leaves one `<scope>.throttle` row as
 * well, so a flood of bad tokens fills the audit trail with at most `limit` rows a minute.
 */
export async function refusedFromAddress(
  scope: "api" | "scim",
  ip: string | null,
  limit: number,
  recordCall: () => Promise<unknown>,
  now = new Date(),
): Promise<boolean> {
  const count = ip ? await countAddressFailure(scope, ip, now) : 0;
  if (count > limit) return true;
  await recordCall();
  if (count === limit)
    await recordAudit({
      organizationId: null,
      action: `${scope}.throttle`,
      outcome: "denied",
      ip,
      details: { limit, windowStart: windowStartOf(now).toISOString() },
    });
  return false;
}

/** Windows older than a day (the nightly retention job): addresses are personal data. */
export async function forgetOldAddressWindows(now = new Date()): Promise<number> {
  const { count } = await db().addressThrottle.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  return count;
}
