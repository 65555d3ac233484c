import "server-only";
import { db } from "./db";

// Sign-in throttling (issue 7): after 10 failed sign-ins for one e-mail from one client address
// within 15 minutes, further attempts are refused with HTTP 429 for the rest of the window, even
// with the right password. Failures are read from the audit trail, so they survive restarts and
// are shared by every server on one PostgreSQL database.
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** The client address as the reverse proxy reports it; null when the app is reached directly. */
export function clientIp(get: (name: string) => string | null | undefined): string | null {
  const forwarded = get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || null;
  return get("x-real-ip")?.trim() || null;
}

export async function signInBlocked(email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const failures = await db().auditEvent.count({
    where: {
      action: "auth.sign-in",
      outcome: "failed",
      ip,
      at: { gte: new Date(now.getTime() - SIGN_IN_WINDOW_MS) },
      details: { path: ["email"], equals: email },
    },
  });
  return failures >= SIGN_IN_MAX_FAILURES;
}
