import { describe, expect, it } from "vitest";
import { initials, normaliseEmail, slugify } from "@/lib/domain/accounts";

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
