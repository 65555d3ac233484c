import { isIP } from "node:net";

// Which address a request came from (issue 15, docs/decisions/013-client-address.md). The only
// address nobody can forge is the TCP peer's; X-Forwarded-For is trusted for exactly `hops` proxies
// of our own in front of the app, each of which appends the address it saw, so the client is the
// entry `hops` places left of the peer. Anything a client wrote further left is ignored.

/** The client's address, or null when it cannot be known (no peer recorded, or not an IP address). */
export function pickClientAddress(peer: string | null, forwardedFor: string | null, hops: number): string | null {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (peer === null) return null;
  chain.push(peer);
  // Fewer entries than trusted proxies: the request did not come through all of them; the leftmost
  // entry is then the furthest one that a trusted proxy wrote or saw.
  const picked = chain[Math.max(0, chain.length - 1 - hops)]!;
  return normaliseAddress(picked);
}

/** "::ffff:203.0.113.7" → "203.0.113.7"; "[2001:db8::1]" → "2001:db8::1"; anything not an IP → null. */
export function normaliseAddress(raw: string): string | null {
  let a = raw.trim();
  if (a.startsWith("[") && a.endsWith("]")) a = a.slice(1, -1);
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a)) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}
