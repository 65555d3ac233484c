import { CONTROL_ALL } from "./text";

// Single sign-on rules that need no server (issue 20, docs/decisions/034): which e-mail domain an
// address belongs to, what a covered domain looks like, which issuer URLs are acceptable, and why a
// sign-in through the provider is refused, in words. Pure: no next, react or prisma.

/** At most this many domains per organisation (a form field, not a directory). */
export const MAX_SSO_DOMAINS = 20;

/** How long the browser has, from "Sign in with single sign-on" to the provider's answer. */
export const SSO_FLOW_MS = 10 * 60_000;

/** How long the link that proves an existing account's e-mail works (docs/decisions/034). */
export const SSO_LINK_MINUTES = 30;

/** The sign-in page's `?sso=` after the callback mailed a confirmation link (a notice, not a refusal). */
export const SSO_LINK_SENT = "link-sent";

/** Shown on the sign-in page after a first sign-in through the provider reached an existing account. */
export const ssoLinkSentMessage = (email: string) =>
  `Your Conduct account ${email} existed before single sign-on. We e-mailed a link to it: open it to confirm the account is yours, and you are signed in.`;

// A DNS name of at least two labels: letters, digits and hyphens, no label starting or ending with
// a hyphen, a letter-only top level (IDNs in their xn-- form are letters and digits: allowed too).
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);

export function isDomain(value: string): boolean {
  return value.length <= 253 && DOMAIN.test(value);
}

/** The domain of an e-mail address, lower-cased; null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

/** A typed list of domains: one per line or separated by commas or spaces; "@" in front is forgiven. */
export function splitDomains(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase())
        .filter(Boolean),
    ),
  ];
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Why an issuer URL cannot be used, or null. OpenID Connect Discovery requires https; plain http
 * is allowed only on this machine's loopback (a provider running beside the app, and the tests),
 * where nothing travels over a network. No query or fragment: the issuer is an identifier that the
 * ID token's `iss` must equal exactly.
 */
export function issuerProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter the provider's issuer URL, e.g. https://login.example.com/realms/acme.";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname)))
    return "The issuer URL must start with https:// (plain http:// only for a provider on this machine).";
  if (url.username || url.password) return "Leave the user name and password out of the issuer URL.";
  if (url.search || url.hash) return "The issuer URL has no ? or # part.";
  return null;
}

/** Why a sign-in through the provider was refused: each has its message on the sign-in page. */
export const SSO_REFUSALS = {
  "not-covered": "Single sign-on is not set up for that e-mail address. Sign in with your password.",
  expired: "The single sign-on attempt expired or was started in another browser. Try again.",
  "provider-error": "The identity provider did not sign you in. Try again, or ask your admin.",
  invalid: "The identity provider's answer could not be verified. Try again, or ask your admin.",
  unverified: "Your identity provider has not verified your e-mail address, so Conduct cannot use it.",
  "other-organisation": "That e-mail address belongs to another organisation's single sign-on.",
  "wrong-domain": "Your identity provider answered with an e-mail address this organisation's sign-on does not cover.",
  disabled: "Your membership of this organisation has been disabled. Ask an admin to enable it.",
  unavailable: "The identity provider could not be reached. Try again in a moment, or ask your admin.",
  "link-unusable":
    "That confirmation link was used already or has expired. Continue with single sign-on again for a new one.",
} as const;
export type SsoRefusal = keyof typeof SSO_REFUSALS;

export const isSsoRefusal = (v: unknown): v is SsoRefusal => typeof v === "string" && Object.hasOwn(SSO_REFUSALS, v);

/** Shown when the password form meets an address whose organisation signs in through its provider only. */
export const SSO_REQUIRED_MESSAGE =
  "Your organisation signs in with single sign-on: use “Sign in with single sign-on” below.";

/** A display name from the ID token's claims, else the e-mail's local part. */
export function nameFromClaims(claims: Record<string, unknown>, email: string): string {
  const pick = (k: string) => (typeof claims[k] === "string" ? (claims[k] as string).trim() : "");
  const full = pick("name") || [pick("given_name"), pick("family_name")].filter(Boolean).join(" ");
  const clean = full.replace(CONTROL_ALL, "").replace(/\s+/g, " ").slice(0, 80).trim();
  return clean || email.slice(0, email.indexOf("@")).slice(0, 80) || email;
}
