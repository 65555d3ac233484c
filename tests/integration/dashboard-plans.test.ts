import { beforeAll, describe, expect, it } from "vitest";
import { database, db } from "@/lib/server/db";
import { behaviourOutcome, organisationOverview, standup, teamView } from "@/lib/server/data/dashboards";
import { listCoverageGaps } from "@/lib/server/data/coverage";
import { DashboardFilter } from "@/lib/schemas/dashboards";
import { captureQueries, type QueryEvent } from "@/lib/server/query-log";
import { explainQueries, isRead, planSummary, type ExplainedQuery } from "@/lib/server/query-plans";
import type { MemberContext } from "@/lib/server/data/accounts";
import { seedDemo } from "../../prisma/seed";
import { contextFor } from "./support/context";

// Dashboards read the daily summary, never a sequential scan of the observations (issue
// "Performance": the overview must stay fast at 5 million). Every statement the dashboard data
// functions run is captured and explained with sequential scans disabled: the demo data is small,
// so the question is whether an index *can* serve each statement, not what the planner picks today.

let manager: MemberContext;
let demo: { teamId: string; streamId: string; valueId: string; behaviourId: string };

beforeAll(async () => {
  await seedDemo(db());
  const org = await db().organization.findUniqueOrThrow({ where: { slug: "northwind" }, select: { id: true } });
  const user = await db().user.findUniqueOrThrow({
    where: { email: "manager@northwind.example" },
    select: { id: true },
  });
  manager = await contextFor(user.id, org.id);
  const [team, stream, value, behaviour] = await Promise.all([
    db().team.findFirstOrThrow({
      where: { organizationId: org.id, kind: "TEAM", parentId: { not: null } },
      orderBy: { name: "asc" },
      select: { id: true },
    }),
    db().team.findFirstOrThrow({
      where: { organizationId: org.id, kind: "VALUE_STREAM" },
      orderBy: { name: "asc" },
      select: { id: true },
    }),
    db().value.findFirstOrThrow({
      where: { organizationId: org.id, behaviours: { some: { status: "ACTIVE" } } },
      orderBy: { position: "asc" },
      select: { id: true },
    }),
    db().behaviour.findFirstOrThrow({
      where: { organizationId: org.id, status: "ACTIVE", metrics: { some: {} } },
      orderBy: { title: "asc" },
      select: { id: true },
    }),
  ]);
  demo = { teamId: team.id, streamId: stream.id, valueId: value.id, behaviourId: behaviour.id };
}, 180_000);

const filter = (over: Partial<DashboardFilter> = {}) => DashboardFilter.parse(over);

/** What each dashboard page asks of the data layer, with the default and a narrowed filter. */
const calls: [string, () => Promise<unknown>][] = [
  ["overview (default period)", () => organisationOverview(manager, filter())],
  [
    "overview (52 weeks, one stream and value)",
    () => organisationOverview(manager, filter({ period: "52w", stream: demo.streamId, value: demo.valueId })),
  ],
  ["overview (one team)", () => organisationOverview(manager, filter({ team: demo.teamId }))],
  ["behaviour outcome", () => behaviourOutcome(manager, filter(), {})],
  [
    "behaviour outcome (one behaviour, 26 weeks)",
    () => behaviourOutcome(manager, filter({ period: "26w" }), { behaviour: demo.behaviourId }),
  ],
  ["team view (default team)", () => teamView(manager, filter(), undefined)],
  ["team view (one team, 4 weeks)", () => teamView(manager, filter({ period: "4w" }), demo.teamId)],
  ["standup", () => standup(manager)],
  ["coverage gaps", () => listCoverageGaps(manager)],
];

const describePlan = (e: ExplainedQuery) => `${planSummary(e.plan)}\n  for: ${e.sql.slice(0, 400)}`;

describe("dashboard query plans", () => {
  it("the plan check itself finds a sequential scan of Observation filtered by an unindexed column, and none for an indexed one", async () => {
    const text = { scalarType: "string", arity: "scalar" } as const;
    const bad = { sql: `SELECT * FROM "Observation" WHERE "note" = $1`, args: ["x"], argTypes: [text] };
    const good = {
      sql: `SELECT * FROM "Observation" WHERE "organizationId" = $1 AND "teamId" = $2`,
      args: ["o", "t"],
      argTypes: [text, text],
    };
    const [badPlan, goodPlan] = await explainQueries(database().sql, [bad, good], { disableSeqScan: true });
    expect(badPlan!.seqScans).toHaveLength(1);
    expect(badPlan!.seqScans[0]).toMatchObject({ "Node Type": "Seq Scan", "Relation Name": "Observation" });
    expect(goodPlan!.seqScans).toEqual([]);
  });

  it.each(calls)("%s: every statement can be served without a sequential scan of Observation", async (_name, call) => {
    const { queries } = await captureQueries(call);
    const reads = queries.filter((q: QueryEvent) => isRead(q.sql));
    expect(reads.length).toBeGreaterThan(0);
    const explained = await explainQueries(database().sql, reads, { disableSeqScan: true });
    expect(explained.length).toBeGreaterThan(0);
    const scans = explained.filter((e) => e.seqScans.length > 0).map(describePlan);
    expect(scans, "statements that scan Observation sequentially").toEqual([]);
  });

  it("the dashboards' figures come from the daily summary (the capture sees them)", async () => {
    const { queries } = await captureQueries(() => organisationOverview(manager, filter()));
    expect(queries.some((q) => q.sql.includes('"ObservationDaily"'))).toBe(true);
    expect(
      queries.some((q) => /FROM "public"\."Observation"\s/.test(q.sql) || q.sql.includes('FROM "Observation" ')),
    ).toBe(false);
  });
});
