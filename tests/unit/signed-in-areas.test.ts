import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SIGNED_IN_AREAS, inSignedInArea } from "@/lib/domain/signed-in-areas";

describe("signed-in areas", () => {
  it("are exactly the folders of the signed-in route group, so a new page is covered by the redirect", () => {
    const group = path.resolve(import.meta.dirname, "../../src/app/(app)");
    const folders = readdirSync(group, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `/${d.name}`)
      .sort();
    expect([...SIGNED_IN_AREAS].sort()).toEqual(folders);
  });

  it("match a whole segment, not a prefix of one", () => {
    expect(inSignedInArea("/spot-checks")).toBe(true);
    expect(inSignedInArea("/spot-checks/abc")).toBe(true);
    expect(inSignedInArea("/logout")).toBe(false);
    expect(inSignedInArea("/sign-in")).toBe(false);
    expect(inSignedInArea("/")).toBe(false);
  });
});
