import { describe, expect, it } from "vitest";
import { normaliseAddress, pickClientAddress } from "@/lib/domain/client-address";

describe("pickClientAddress", () => {
  it("with no trusted proxy, uses the TCP peer and ignores any X-Forwarded-For a client wrote", () => {
    expect(pickClientAddress("203.0.113.7", null, 0)).toBe("203.0.113.7");
    expect(pickClientAddress("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
    expect(pickClientAddress("203.0.113.7", "198.51.100.1, 192.0.2.9", 0)).toBe("203.0.113.7");
  });

  it("with N trusted proxies, takes the entry N places left of the peer, never a client's own entries", () => {
    // nginx (peer 127.0.0.1) appended the address it saw to what the client sent.
    expect(pickClientAddress("127.0.0.1", "203.0.113.7", 1)).toBe("203.0.113.7");
    expect(pickClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    // Two proxies: the load balancer (10.0.0.2) and nginx (peer).
    expect(pickClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the leftmost one seen, not undefined.
    expect(pickClientAddress("127.0.0.1", null, 2)).toBe("127.0.0.1");
  });

  it("is null when the peer is unknown or the chosen entry is not an address", () => {
    expect(pickClientAddress(null, "203.0.113.7", 0)).toBeNull();
    expect(pickClientAddress(null, "203.0.113.7", 1)).toBeNull();
    expect(pickClientAddress("127.0.0.1", "<script>, evil", 1)).toBeNull();
  });

  it("normalises the forms an address arrives in", () => {
    expect(normaliseAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normaliseAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normaliseAddress("::1")).toBe("::1");
    expect(normaliseAddress("203.0.113.7:443")).toBeNull();
    expect(normaliseAddress("")).toBeNull();
  });
});
