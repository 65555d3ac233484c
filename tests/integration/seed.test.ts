import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getBehaviour, listCatalogue } from "@/lib/server/data/catalogue";
import { listBarriers } from "@/lib/server/data/barriers";
import { listMetrics } from "@/lib/server/data/metrics";
import { authenticate } from "@/lib/server/data/accounts";
import { NotFoundError } from "@/lib/server/errors";
import { DEMO_PASSWORD } from "@/lib/demo/demo-orgs";
import { seedDemo, type SeedSummary } from "../../prisma/seed";
import { contextFor } from "./support/context";

const TEN_VALUES = [
  "Deep understanding of customer needs", "Prioritisation by customer value", "Empathy and advocacy", "Collaboration across teams",
  "Feedback loops and iteration", "Proactive problem-solving", "Clear communication and transparency", "Ownership of customer outcomes",
  "Measuring success by customer outcomes", "Balancing customer and business needs",
];

let summary: SeedSummary;
beforeAll(async () => {
  summary = await seedDemo(db());
}, 180_000);

describe("demo seed", () => {
  it("creates Northwind with the ten values, one or two behaviours each, teams in value streams and one user per role", async () => {
    const org = await db().organization.findUniqueOrThrow({ where: { slug: "northwind" } });
    const values = await db().value.findMany({ where: { organizationId: org.id }, orderBy: { position: "asc" }, select: { name: true, _count: { select: { behaviours: true } } } });
    expect(values.map((v) => v.name)).toEqual(TEN_VALUES);
    for (const v of values) expect([1, 2]).toContain(v._count.behaviours);
    const teams = await db().team.findMany({ where: { organizationId: org.id }, select: { kind: true, parentId: true } });
    expect(teams.filter((t) => t.kind === "VALUE_STREAM")).toHaveLength(2);
    expect(teams.filter((t) => t.kind === "TEAM" && t.parentId)).toHaveLength(5);
    const roles = await db().membership.groupBy({ by: ["role"], where: { organizationId: org.id }, _count: true });
    expect(roles.map((r) => r.role).sort()).toEqual(["ADMIN", "LEADER", "MANAGER", "MEMBER"]);
    for (const email of ["admin", "leader", "manager", "member"].map((r) => `${r}@northwind.example`)) {
      expect(await authenticate(email, DEMO_PASSWORD)).not.toBeNull();
    }
  });

  it("holds about six months and 20,000 observations, with real team differences", async () => {
    expect(summary.observations).toBeGreaterThan(17_000);
    expect(summary.observations).toBeLessThan(23_000);
    const org = await db().organization.findUniqueOrThrow({ where: { slug: "northwind" } });
    const range = await db().observation.aggregate({ where: { organizationId: org.id }, _min: { occurredAt: true }, _max: { occurredAt: true } });
    const days = (range._max.occurredAt!.getTime() - range._min.occurredAt!.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(170);
    const byTeam = await db().observation.groupBy({ by: ["teamId"], where: { organizationId: org.id }, _sum: { performed: true, missed: true } });
    const rates = byTeam.map((t) => t._sum.performed! / (t._sum.performed! + t._sum.missed!));
    expect(rates).toHaveLength(5);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.1);
    expect(await db().observation.count({ where: { organizationId: org.id, anonymous: true, observerId: { not: null } } })).toBe(0);
  });

  it("keeps the two organisations apart", async () => {
    const northwind = await db().organization.findUniqueOrThrow({ where: { slug: "northwind" } });
    const fabrikam = await db().organization.findUniqueOrThrow({ where: { slug: "fabrikam" } });
    const outsider = await db().user.findUniqueOrThrow({ where: { email: "member@fabrikam.example" } });
    const leader = await db().user.findUniqueOrThrow({ where: { email: "leader@northwind.example" } });
    const ctx = await contextFor(outsider.id, fabrikam.id);
    const catalogue = await listCatalogue(ctx);
    expect(catalogue.flatMap((v) => v.behaviours.map((b) => b.title))).toEqual(["Fabrikam discharge summary call within 48 h"]);
    const northwindBehaviour = await db().behaviour.findFirstOrThrow({ where: { organizationId: northwind.id } });
    await expect(getBehaviour(ctx, northwindBehaviour.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listBarriers(ctx)).every((b) => b.title.startsWith("Fabrikam"))).toBe(true);
    expect((await listMetrics(ctx)).map((m) => m.name)).toEqual(["Fabrikam readmission rate"]);
    const leaderCtx = await contextFor(leader.id, northwind.id);
    expect(JSON.stringify(await listCatalogue(leaderCtx))).not.toContain("Fabrikam");
    expect((await listMetrics(leaderCtx)).find((m) => m.name === "Customer retention")?.latest).not.toBeNull();
  });
});
