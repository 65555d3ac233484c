// The same refusal must read the same on both databases: adapter-pg reports P2002 / P2003, the
// PGlite adapter a DriverAdapterError with the SQLSTATE. (The idempotent log relied on P2002 only,
// so a repeated key was a 500 on the embedded database; found by the bench work of issue 8.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/server/db-errors";
import { buildOrgScenario } from "../factories";
import { refusal } from "../support/refusal";

describe("database refusals", () => {
  it("recognises a unique-index violation, and only that", async () => {
    const s = await buildOrgScenario(db(), { name: "Unique errors" });
    const err = await refusal(
      db().organization.create({
        data: {
          name: "Copy",
          slug: (await db().organization.findUniqueOrThrow({ where: { id: s.org.id }, select: { slug: true } })).slug,
        },
      }),
    );
    expect(isUniqueViolation(err)).toBe(true);
    expect(isForeignKeyViolation(err)).toBe(false);
  });

  it("recognises a foreign-key violation", async () => {
    const err = await refusal(
      db().membership.create({
        data: { organizationId: "cm0000000000000000000000zz", userId: "cm0000000000000000000000zy", role: "MEMBER" },
      }),
    );
    expect(isForeignKeyViolation(err)).toBe(true);
    expect(isUniqueViolation(err)).toBe(false);
    expect(isUniqueViolation(new Error("duplicate key value violates unique constraint"))).toBe(false);
  });
});
