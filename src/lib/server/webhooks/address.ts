import "server-only";
import { lookup } from "node:dns/promises";
import { checkWebhookUrl, literalAddress, rangeOf, refusal, type UrlPolicy } from "@/lib/domain/webhook-urls";

/** Where a delivery connects: the URL and one address of its host that passed the checks. */
export interface Target {
  url: URL;
  address: string;
  family: 4 | 6;
}

export type TargetCheck = { ok: true; target: Target } | { ok: false; message: string };

/**
 * The URL's shape, then every address its host resolves to (a host with one public and one private
 * address is refused: the connection could pick either). Done when a webhook is saved and again
 * before each delivery; the delivery connects to `address`, so a DNS answer that changes between the
 * check and the connection (rebinding) cannot send it elsewhere.
 */
export async function resolveTarget(raw: string, policy: UrlPolicy): Promise<TargetCheck> {
  const shape = checkWebhookUrl(raw, policy);
  if (!shape.ok) return shape;
  const { url } = shape;
  const literal = literalAddress(url.hostname);
  let addresses: { address: string; family: number }[];
  if (literal) addresses = [{ address: literal, family: literal.includes(":") ? 6 : 4 }];
  else {
    try {
      addresses = await lookup(url.hostname, { all: true, verbatim: true });
    } catch {
      return { ok: false, message: "That host name could not be found." };
    }
  }
  const refused = refusal(
    addresses.map((a) => a.address),
    policy.allowPrivate,
  );
  if (refused) return { ok: false, message: refused };
  if (url.protocol === "http:" && policy.requireHttps && addresses.some((a) => rangeOf(a.address) !== "loopback"))
    return { ok: false, message: "Use an https:// address: this server sends webhooks over TLS only." };
  // IPv4 first: a receiver listening on 127.0.0.1 only must not be tried on ::1 (one address is used).
  const first = [...addresses].sort((a, b) => a.family - b.family)[0]!;
  return { ok: true, target: { url, address: first.address, family: first.family === 6 ? 6 : 4 } };
}
