// Single sign-on's pure rules (src/lib/domain/sso.ts) and its settings schema (src/lib/schemas/sso.ts).
import { describe, expect, it } from "vitest";
import {
  emailDomain,
  isDomain,
  issuerProblem,
  nameFromClaims,
  splitDomains,
  SSO_REFUSALS,
  isSsoRefusal,
} from "@/lib/domain/sso";
import { SsoConnectionInput } from "@/lib/schemas/sso";

describe("e-mail domains", () => {
  it("takes the domain after the last @, lower-cased", () => {
    expect(emailDomain("Ada@Acme.COM")).toBe("acme.com");
    expect(emailDomain('"a@b"@corp.example')).toBe("corp.example");
    expect(emailDomain("no-at-sign")).toBeNull();
    expect(emailDomain("trailing@")).toBeNull();
    expect(emailDomain("@leading.example")).toBeNull();
  });

  it("accepts DNS names of two labels or more, IDNs in their xn-- form, and nothing else", () => {
    for (const d of ["acme.com", "mail.acme.co.uk", "xn--bcher-kva.example", "a-b.example", "example.xn--p1ai"])
      expect(isDomain(d), d).toBe(true);
    for (const d of [
      "acme",
      "-acme.com",
      "acme-.com",
      "acme..com",
      "acme.com.",
      "ac me.com",
      "acme.c0m",
      "*.acme.com",
      "acme.com/x",
      "ACME.COM",
      "a".repeat(64) + ".com",
    ])
      expect(isDomain(d), d).toBe(false);
  });

  it("splits a typed list on lines, commas and spaces, forgives a leading @ and a trailing dot, and drops repeats", () => {
    expect(splitDomains(" Acme.com\n@acme-eu.com, other.example;acme.com.\n\n")).toEqual([
      "acme.com",
      "acme-eu.com",
      "other.example",
    ]);
    expect(splitDomains("   ")).toEqual([]);
  });
});

describe("issuer URLs", () => {
  it("wants https, allowing plain http only on loopback", () => {
    expect(issuerProblem("https://login.example.com/realms/acme")).toBeNull();
    expect(issuerProblem("http://127.0.0.1:4000")).toBeNull();
    expect(issuerProblem("http://localhost:8080/realms/dev")).toBeNull();
    expect(issuerProblem("http://[::1]:9000")).toBeNull();
    expect(issuerProblem("http://login.example.com")).toMatch(/https/);
    expect(issuerProblem("http://10.0.0.5")).toMatch(/https/);
    expect(issuerProblem("ftp://login.example.com")).toMatch(/https/);
    expect(issuerProblem("javascript:alert(1)")).toMatch(/https/);
    expect(issuerProblem("login.example.com")).toMatch(/issuer URL/);
  });

  it("refuses credentials, a query or a fragment (the issuer is compared exactly)", () => {
    expect(issuerProblem("https://user:pw@login.example.com")).toMatch(/user name/);
    expect(issuerProblem("https://login.example.com/?tenant=1")).toMatch(/\?/);
    expect(issuerProblem("https://login.example.com/#x")).toMatch(/#/);
  });
});

describe("names from claims", () => {
  it("uses name, else given and family names, else the e-mail's local part, without control characters", () => {
    expect(nameFromClaims({ name: "  Ada Lovelace " }, "ada@x.example")).toBe("Ada Lovelace");
    expect(nameFromClaims({ given_name: "Grace", family_name: "Hopper" }, "g@x.example")).toBe("Grace Hopper");
    expect(nameFromClaims({ name: 42 }, "lin@x.example")).toBe("lin");
    expect(nameFromClaims({ name: "Eve\u202e\u0000 Smith" }, "e@x.example")).toBe("Eve Smith");
    expect(nameFromClaims({ name: "x".repeat(200) }, "e@x.example")).toHaveLength(80);
  });
});

describe("refusals", () => {
  it("has a sentence for every reason, and knows no other reason", () => {
    for (const [reason, text] of Object.entries(SSO_REFUSALS)) {
      expect(isSsoRefusal(reason)).toBe(true);
      expect(text.length).toBeGreaterThan(20);
    }
    expect(isSsoRefusal("constructor")).toBe(false);
    expect(isSsoRefusal("toString")).toBe(false);
    expect(isSsoRefusal(undefined)).toBe(false);
  });
});

describe("the settings schema", () => {
  const base = {
    issuer: "https://login.example.com",
    clientId: "conduct",
    clientSecret: "s3cret",
    domains: "acme.example",
    allowPassword: "on",
  };
  it("reads the checkbox: ticked is true, absent is false", () => {
    expect(SsoConnectionInput.parse(base).allowPassword).toBe(true);
    expect(SsoConnectionInput.parse({ ...base, allowPassword: undefined }).allowPassword).toBe(false);
  });
  it("keeps the issuer exactly as typed (trimmed): the ID token's iss must equal it", () => {
    expect(SsoConnectionInput.parse({ ...base, issuer: " https://login.example.com/realms/acme/ " }).issuer).toBe(
      "https://login.example.com/realms/acme/",
    );
  });
  it("allows at most 20 domains and names the bad ones", () => {
    const many = Array.from({ length: 21 }, (_, i) => `d${i}.example`).join("\n");
    expect(SsoConnectionInput.safeParse({ ...base, domains: many }).success).toBe(false);
    const bad = SsoConnectionInput.safeParse({ ...base, domains: "acme.example, not_a_domain" });
    expect(bad.error?.issues[0]?.message).toMatch(/not_a_domain/);
  });
});
