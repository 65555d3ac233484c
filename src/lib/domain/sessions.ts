// How long a signed-in browser stays signed in. A session ends after 12 hours without a request
// (someone left a shared laptop) and 7 days after sign-in whatever happens (a stolen cookie does
// not live for ever). Pure: the server applies it on every request.

export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
/** lastSeenAt is written at most this often, so a busy page does not write on every request. */
export const SESSION_TOUCH_MS = 60_000;

export type SessionState = "active" | "idle" | "expired";

export function sessionState(s: { createdAt: Date; lastSeenAt: Date }, now: Date): SessionState {
  if (now.getTime() - s.createdAt.getTime() >= SESSION_ABSOLUTE_MS) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= SESSION_IDLE_MS) return "idle";
  return "active";
}

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}

/** next-auth's session cookie: the __Secure- name behind TLS (checked first), the plain one otherwise. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
