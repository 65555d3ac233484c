// Where a webhook may point (issue 17, docs/decisions/020). A webhook makes the server send requests
// to an address an admin typed: without these checks it reaches the server's own loopback, the cloud
// metadata service (169.254.169.254) or the private network behind it (server-side request forgery).
// Pure: the server resolves the host name and passes the addresses here, at save time and again at
// each delivery, and then connects to the address that was checked (no second lookup to rebind).
import ipaddr from "ipaddr.js";

export interface UrlPolicy {
  /** https:// only (production, unless configured otherwise); http:// stays allowed for loopback when private addresses are. */
  requireHttps: boolean;
  /** The organisation's allowPrivateWebhooks: on-premises receivers on loopback or the private network. */
  allowPrivate: boolean;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

export const MAX_URL_LENGTH = 2000;

/** The URL's own shape: scheme, no credentials, a host; a literal IP address is checked here too. */
export function checkWebhookUrl(raw: string, policy: UrlPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "Enter a full address starting with https://." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "Use an https:// address." };
  if (url.username || url.password)
    return { ok: false, message: "Leave the user name and password out of the address." };
  if (!url.hostname) return { ok: false, message: "Enter a full address starting with https://." };
  const literal = literalAddress(url.hostname);
  if (literal) {
    const refused = refusal([literal], policy.allowPrivate);
    if (refused) return { ok: false, message: refused };
  }
  if (url.protocol === "http:" && policy.requireHttps) {
    // http:// only to this machine, for on-premises installs that allow private addresses: the
    // request never leaves the host, so there is no network to read it on.
    const loopbackOnly =
      policy.allowPrivate && (url.hostname === "localhost" || (literal && rangeOf(literal) === "loopback"));
    if (!loopbackOnly)
      return { ok: false, message: "Use an https:// address: this server sends webhooks over TLS only." };
  }
  return { ok: true, url };
}

/** The host as an IP address when it is one ("[::1]" included), else null. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

/** ipaddr.js's name for an address's range; IPv4-mapped IPv6 (::ffff:127.0.0.1) counts as its IPv4 address. */
export function rangeOf(address: string): string {
  return ipaddr.process(address).range();
}

// Never a receiver, whatever the setting: "this host" (0.0.0.0, ::), broadcast and multicast.
const NEVER = new Set(["unspecified", "broadcast", "multicast"]);

const REASONS: Record<string, string> = {
  loopback: "a loopback address (this server itself)",
  private: "a private network address",
  linkLocal: "a link-local address",
  uniqueLocal: "a private network address",
  carrierGradeNat: "a carrier-grade NAT address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
};

/**
 * Why these addresses (all of a host's) may not receive webhooks, or null when every one may. Only
 * public unicast passes by default; anything else (reserved, 6to4, Teredo, documentation ranges…) is
 * refused too, because it may hide a private address.
 */
export function refusal(addresses: string[], allowPrivate: boolean): string | null {
  if (addresses.length === 0) return "That host name does not resolve to any address.";
  for (const address of addresses) {
    if (!ipaddr.isValid(address)) return "That host name resolves to something that is not an IP address.";
    const range = rangeOf(address);
    if (range === "unicast") continue;
    if (allowPrivate && !NEVER.has(range)) continue;
    const what = REASONS[range] ?? "a reserved address";
    return allowPrivate
      ? `That address points to ${what}, which never receives webhooks.`
      : `That address points to ${what}. Webhooks go to public addresses only, unless an admin allows private addresses below.`;
  }
  return null;
}
