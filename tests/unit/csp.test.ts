import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "@/lib/domain/csp";

describe("content security policy", () => {
  it("lets only scripts with this response's nonce run, and what they load ('strict-dynamic')", () => {
    const csp = contentSecurityPolicy("abc123==");
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const d of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "default-src 'self'",
    ])
      expect(csp).toContain(d);
  });
  it("allows eval only for the development server", () => {
    expect(contentSecurityPolicy("n", { development: true })).toContain("'strict-dynamic' 'unsafe-eval'");
  });
  it("makes a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(atob(a)).toHaveLength(16);
    expect(new Set(Array.from({ length: 50 }, newNonce)).size).toBe(50);
  });
});
