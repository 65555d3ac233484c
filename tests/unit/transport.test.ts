import { describe, expect, it } from "vitest";
import { servedOverHttps } from "@/lib/domain/transport";

const none = { appUrl: undefined, trustProxyHops: 0 };

describe("whether a request came over HTTPS", () => {
  it("does not believe X-Forwarded-Proto when no proxy is trusted (a client can send it)", () => {
    expect(servedOverHttps(none, "https")).toBe(false);
    expect(servedOverHttps(none, "https, https")).toBe(false);
    expect(servedOverHttps(none, null)).toBe(false);
  });

  it("reads the entry the outermost trusted proxy wrote", () => {
    const one = { appUrl: undefined, trustProxyHops: 1 };
    expect(servedOverHttps(one, "https")).toBe(true);
    expect(servedOverHttps(one, "HTTPS")).toBe(true);
    expect(servedOverHttps(one, "http")).toBe(false);
    expect(servedOverHttps(one, undefined)).toBe(false);
    // A client's forged entry comes first; our one proxy's own entry is the last.
    expect(servedOverHttps(one, "https, http")).toBe(false);
    expect(servedOverHttps(one, "http, https")).toBe(true);
    const two = { appUrl: undefined, trustProxyHops: 2 };
    // TLS ends at the outer proxy (https), the inner one talks to it over http.
    expect(servedOverHttps(two, "http, https, http")).toBe(true);
    expect(servedOverHttps(two, "https, http, http")).toBe(false);
    // Fewer entries than trusted hops: the first one there is.
    expect(servedOverHttps(two, "https")).toBe(true);
  });

  it("lets APP_URL decide when it is set, whatever the request says", () => {
    expect(servedOverHttps({ appUrl: "https://conduct.example.com", trustProxyHops: 0 }, null)).toBe(true);
    expect(servedOverHttps({ appUrl: "HTTPS://conduct.example.com", trustProxyHops: 0 }, "http")).toBe(true);
    expect(servedOverHttps({ appUrl: "http://conduct.lan:3000", trustProxyHops: 1 }, "https")).toBe(false);
  });
});
