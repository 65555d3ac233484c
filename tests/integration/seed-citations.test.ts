// Issue 18 §2 in the demo: Northwind's recent missed entries cite its barriers, and a few carry
// "something else" texts that the barriers page groups for a leader.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { citationCounts, somethingElseGroups } from "@/lib/server/data/barrier-citations";
import { DEMO_CITATIONS, DEMO_SOMETHING_ELSE } from "@/lib/demo/demo-citations";
import { seedDemo } from "../../prisma/seed";
import { contextFor } from "./support/context";

beforeAll(async () => {
  await seedDemo(db());
}, 180_000);

describe("the demo's citations", () => {
  it("cites each listed barrier on recent missed entries of its behaviour, and groups the texts", async () => {
    const org = await db().organization.findUniqueOrThrow({ where: { slug: "northwind" } });
    const leader = await db().membership.findFirstOrThrow({
      where: { organizationId: org.id, role: "LEADER", status: "ACTIVE" },
      select: { userId: true },
    });
    const ctx = await contextFor(leader.userId, org.id);
    const counts = await citationCounts(ctx);
    const barriers = await db().barrier.findMany({
      where: { organizationId: org.id, title: { in: DEMO_CITATIONS.map((c) => c.barrier) } },
      select: { id: true, title: true },
    });
    expect(barriers).toHaveLength(DEMO_CITATIONS.length);
    for (const b of barriers) expect(counts[b.id], b.title).toBeGreaterThan(0);
    // Cited entries are missed ones of a behaviour the barrier is linked to.
    const wrong = await db().observation.count({
      where: {
        organizationId: org.id,
        barrierId: { not: null },
        OR: [{ missed: 0 }, { barrier: { behaviours: { none: {} } } }],
      },
    });
    expect(wrong).toBe(0);
    const { groups, waiting } = await somethingElseGroups(ctx);
    expect(waiting).toBe(DEMO_SOMETHING_ELSE.length);
    expect(groups[0]!.notes.map((n) => n.note).sort()).toEqual(
      ["The customer’s voicemail was full", "The customer's phone went to voicemail", "Went to voicemail twice"].sort(),
    );
  });
});
