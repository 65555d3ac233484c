import { describe, expect, it } from "vitest";
import { initials, normaliseEmail, slugify } from "@/lib/domain/accounts";
import { safeNextPath } from "@/lib/domain/redirects";

describe("normalisation", () => {
  it("lower-cases and trims e-mail", () => expect(normaliseEmail("  Ada@Example.COM ")).toBe("ada@example.com"));
  it("makes URL-safe slugs, folding accents", () => {
    expect(slugify("Northwind Software")).toBe("northwind-software");
    expect(slugify("  Café Ünïcode — Team! ")).toBe("cafe-unicode-team");
    expect(slugify("!!!")).toBe("org");
    expect(slugify("a".repeat(60))).toHaveLength(40);
  });
  it("takes initials from first and last names", () => {
    expect(initials("Ada King Lovelace")).toBe("AL");
    expect(initials("plato")).toBe("PL");
    expect(initials("  ")).toBe("?");
  });
});

describe("redirect after sign-in", () => {
  it("follows same-site paths only", () => {
    expect(safeNextPath("/catalogue/abc")).toBe("/catalogue/abc");
    expect(safeNextPath("/dashboards?period=4w#top")).toBe("/dashboards?period=4w#top");
    expect(safeNextPath("//evil.example/x")).toBe("/");
    expect(safeNextPath("https://evil.example")).toBe("/");
    expect(safeNextPath("/\\evil.example")).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(["/a"])).toBe("/");
    expect(safeNextPath("", "/log")).toBe("/log");
  });
  it("refuses control characters and backslashes, which browsers fold into an off-site URL", () => {
    // new URL("/\t/evil.example", base) is https://evil.example/: the tab is dropped.
    expect(safeNextPath("/\t/evil.example")).toBe("/");
    expect(safeNextPath("/\n/evil.example")).toBe("/");
    expect(safeNextPath("/x\\..\\..\\evil")).toBe("/");
    for (const ok of ["/catalogue", "/log?team=abc", "/surveys/c123/edit"]) {
      expect(new URL(safeNextPath(ok), "https://app.example").origin).toBe("https://app.example");
    }
  });
});
