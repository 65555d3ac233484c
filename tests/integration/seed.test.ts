import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getBehaviour, listCatalogue } from "@/lib/server/data/catalogue";
import { getBarrier, listBarriers } from "@/lib/server/data/barriers";
import { listSurveys, surveyTabulation } from "@/lib/server/data/surveys";
import { listMetrics } from "@/lib/server/data/metrics";
import { authenticate } from "@/lib/server/data/accounts";
import { NotFoundError } from "@/lib/server/errors";
import { DEMO_PASSWORD } from "@/lib/demo/demo-orgs";
import { seedDemo, type SeedSummary } from "../../prisma/seed";
import { contextFor } from "./support/context";

const TEN_VALUES = [
  "Deep understanding of customer needs",
  "Prioritisation by customer value",
  "Empathy and advocacy",
  "Collaboration across teams",
  "Feedback loops and iteration",
  "Proactive problem-solving",
  "Clear communication and transparency",
  "Ownership of customer outcomes",
  "Measuring success by customer outcomes",
  "Balancing customer and business needs",
];

let summary: SeedSummary;
beforeAll(async () => {
  summary = await seedDemo(db());
}, 180_000);

describe("demo seed", () => {
  it("creates Northwind with the ten values, one or two behaviours each, teams in value streams and one user per role", async () => {
    const org = await db().organization.findUniqueOrThrow({ where: { slug: "northwind" } });
    const values = await db().value.findMany({
      where: { organizationId: org.id },
      orderBy: { position: "asc" },
      select: { name: true, _count: { select: { behaviours: true } } },
    });
    expect(values.map((v) => v.name)).toEqual(TEN_VALUES);
    for (const v of values) expect([1, 2]).toContain(v._count.behaviours);
    const teams = await db().team.findMany({
      where: { organizationId: org.id },
      select: { kind: true, parentId: true },
    });
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
    const range = await db().observation.aggregate({
      where: { organizationId: org.id },
      _min: { occurredAt: true },
      _max: { occurredAt: true },
    });
    const days = (range._max.occurredAt!.getTime() - range._min.occurredAt!.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(170);
    const byTeam = await db().observation.groupBy({
      by: ["teamId"],
      where: { organizationId: org.id },
      _sum: { performed: true, missed: true },
    });
    const rates = byTeam.map((t) => t._sum.performed! / (t._sum.performed! + t._sum.missed!));
    expect(rates).toHaveLength(5);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.1);
    expect(
      await db().observation.count({ where: { organizationId: org.id, anonymous: true, observerId: { not: null } } }),
    ).toBe(0);
  });

  it("keeps the two organisations apart", async () => {
    const northwind = await db().organization.findUniqueOrThrow({ where: { slug: "northwind" } });
    const fabrikam = await db().organization.findUniqueOrThrow({ where: { slug: "fabrikam" } });
    const outsider = await db().user.findUniqueOrThrow({ where: { email: "member@fabrikam.example" } });
    const leader = await db().user.findUniqueOrThrow({ where: { email: "leader@northwind.example" } });
    const ctx = await contextFor(outsider.id, fabrikam.id);
    const catalogue = await listCatalogue(ctx);
    expect(catalogue.flatMap((v) => v.behaviours.map((b) => b.title))).toEqual([
      "Fabrikam discharge summary call within 48 h",
    ]);
    const northwindBehaviour = await db().behaviour.findFirstOrThrow({ where: { organizationId: northwind.id } });
    await expect(getBehaviour(ctx, northwindBehaviour.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listBarriers(ctx)).every((b) => b.title.startsWith("Fabrikam"))).toBe(true);
    // Metrics are for the people who review outcomes: Fabrikam's admin sees only Fabrikam's.
    const fabrikamAdmin = await db().user.findUniqueOrThrow({ where: { email: "admin@fabrikam.example" } });
    expect((await listMetrics(await contextFor(fabrikamAdmin.id, fabrikam.id))).map((m) => m.name)).toEqual([
      "Fabrikam readmission rate",
    ]);
    const leaderCtx = await contextFor(leader.id, northwind.id);
    expect(JSON.stringify(await listCatalogue(leaderCtx))).not.toContain("Fabrikam");
    expect((await listMetrics(leaderCtx)).find((m) => m.name === "Customer retention")?.latest).not.toBeNull();
  });

  it("shows barrier analysis at work: a barrier removed on before/after evidence, interventions, and a survey with significant findings", async () => {
    const org = await db().organization.findUniqueOrThrow({ where: { slug: "northwind" } });
    const manager = await db().user.findUniqueOrThrow({ where: { email: "manager@northwind.example" } });
    const ctx = await contextFor(manager.id, org.id);
    const barriers = await listBarriers(ctx);
    const removed = barriers.find((b) => b.title === "Reviews from other teams take days")!;
    expect(removed.status).toBe("REMOVED");
    const detail = await getBarrier(ctx, removed.id);
    const e = detail.removalEvidence!;
    expect(e.teamNames).toEqual(["Payments", "Reporting"]);
    expect(e.result!.before.opportunities).toBeGreaterThanOrEqual(5);
    expect(e.result!.after.rate!).toBeGreaterThan(e.result!.before.rate!);
    // The in-progress barrier's intervention started six weeks ago and shows its own before/after.
    const inProgress = await getBarrier(
      ctx,
      barriers.find((b) => b.title === "No reminder at the moment of closing")!.id,
    );
    expect(inProgress.interventions.map((i) => [i.title, i.teamNames])).toEqual([
      ["Close dialog asks whether the customer confirmed", ["Support Engineering"]],
    ]);
    expect(inProgress.interventions[0]!.result!.after.opportunities).toBeGreaterThanOrEqual(5);

    const [survey] = await listSurveys(ctx);
    const t = await surveyTabulation(ctx, survey!.id);
    expect([t.doers, t.nonDoers, t.survey.counts.excluded]).toEqual([52, 48, 6]);
    expect(t.warning).toBeNull();
    expect(t.rows.some((r) => r.stats.significant && r.stats.direction === "barrier")).toBe(true);
  });
});
