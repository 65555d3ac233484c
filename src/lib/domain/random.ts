// mulberry32: a small, fast, seedable pseudo-random generator, so that the demo seed and the bench
// data set come out the same on every run. Not for anything secret (randomKey below is).
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A fresh idempotency key: 128 random bits as 32 hex digits. Built on crypto.getRandomValues, not
 * crypto.randomUUID, because randomUUID exists only in secure contexts: over plain HTTP on a LAN
 * address (a phone opening http://192.168.1.20:3000) it is undefined and the caller would crash.
 */
export function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
