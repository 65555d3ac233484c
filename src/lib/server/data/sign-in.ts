import "server-only";
import { db } from "../db";
import { verifyPassword } from "../passwords";
import { recordAudit } from "../audit";
import { signInGate } from "../rate-limit";
import type { SessionUser } from "./accounts";
import { passwordSignInAllowed } from "./sso";

export type SignInAttempt =
  | { status: "ok"; user: SessionUser }
  | { status: "failed" }
  | { status: "sso-required" }
  | { status: "blocked"; reason: "address-limit" | "account-limit" };

/**
 * One sign-in attempt, throttled whatever request carried it (form, JSON, a script calling the data
 * layer): the attempt is written as a failure first, the limits are checked against it (see
 * rate-limit.ts), and only an attempt within the limits has its password checked. Unknown e-mail and
 * wrong password are indistinguishable: both "failed", after the same bcrypt work.
 */
export async function attemptSignIn(email: string, password: string, ip: string | null): Promise<SignInAttempt> {
  // The organisation that owns this domain signs its people in through its provider only
  // (docs/decisions/034): no password is checked, and the attempt is no failure for the limits.
  if (!(await passwordSignInAllowed(email))) {
    await db().auditEvent.create({
      data: { action: "auth.sign-in", outcome: "denied", ip, details: { email, reason: "sso-required" } },
    });
    return { status: "sso-required" };
  }
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, sessionVersion: true, passwordHash: true, placeholder: true },
  });
  const attempt = await db().auditEvent.create({
    data: { action: "auth.sign-in", outcome: "failed", ip, details: { email } },
    select: { id: true },
  });
  const gate = await signInGate(email, ip, user?.id ?? null);
  if (gate !== "open") {
    // Not a failure: a refused attempt does not extend the lock, which ends when the window passes.
    await db().auditEvent.update({
      where: { id: attempt.id },
      data: { outcome: "denied", details: { email, reason: gate } },
    });
    return { status: "blocked", reason: gate };
  }
  // A backup import's placeholder never signs in, whatever its hash (docs/decisions/014).
  const valid = (await verifyPassword(password, user?.passwordHash ?? null)) && user?.placeholder !== true;
  if (valid) {
    await db().auditEvent.update({
      where: { id: attempt.id },
      data: { outcome: "ok", actorUserId: user!.id },
    });
  }
  // The same event in each organisation the person belongs to, so its admins see their members'
  // sign-ins and failed attempts in the audit trail. (The throttle counts "auth.sign-in" only.)
  if (user) {
    const orgs = await db().membership.findMany({
      where: { userId: user.id, status: "ACTIVE" },
      select: { organizationId: true },
    });
    for (const { organizationId } of orgs) {
      await recordAudit({
        organizationId,
        actorUserId: user.id,
        action: "member.sign-in",
        targetType: "User",
        targetId: user.id,
        outcome: valid ? "ok" : "failed",
        ip,
      });
    }
  }
  if (!valid || !user) return { status: "failed" };
  return {
    status: "ok",
    user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion },
  };
}

/** attemptSignIn for callers that only need the user: null when failed or refused. */
export async function authenticate(email: string, password: string, ip?: string | null): Promise<SessionUser | null> {
  const result = await attemptSignIn(email, password, ip ?? null);
  return result.status === "ok" ? result.user : null;
}
