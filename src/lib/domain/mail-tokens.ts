import { createHmac, timingSafeEqual } from "node:crypto";
import { isNotificationKind, type NotificationKind } from "./mail-notifications";

// One-click unsubscribe tokens (RFC 8058; docs/decisions/019): "<membership id>.<kind>.<signature>",
// the signature an HMAC-SHA256 of both under a key derived from the app's auth secret, so no table
// is needed and a token names exactly one person's one kind. They do not expire (a mail read a year
// later still unsubscribes); changing the auth secret ends every one of them.

const PURPOSE = "conduct:unsubscribe:v1";

function signature(secret: string, membershipId: string, kind: NotificationKind): string {
  const key = createHmac("sha256", secret).update(PURPOSE).digest();
  return createHmac("sha256", key).update(`${membershipId}\n${kind}`).digest("base64url");
}

export function signUnsubscribeToken(secret: string, membershipId: string, kind: NotificationKind): string {
  if (!/^[A-Za-z0-9_-]+$/.test(membershipId)) throw new Error("Not a membership id");
  return `${membershipId}.${kind}.${signature(secret, membershipId, kind)}`;
}

/** The membership and kind a token names, or null when it was not made with this secret. */
export function verifyUnsubscribeToken(
  secret: string,
  token: string,
): { membershipId: string; kind: NotificationKind } | null {
  if (token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [membershipId, kind, given] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]+$/.test(membershipId) || !isNotificationKind(kind)) return null;
  const expected = Buffer.from(signature(secret, membershipId, kind));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { membershipId, kind };
}
