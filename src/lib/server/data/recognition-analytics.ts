import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { addDays, instantRange, weekStart, type Period, type WeekStartsOn } from "@/lib/domain/dates";
import { protectTeams } from "@/lib/domain/recognition";
import { showsFigures } from "@/lib/domain/group-size";
import { groupProtection } from "./group-size";
import type { RecognitionAnalyticsDto } from "@/lib/schemas/recognition";
import type { MemberContext } from "./accounts";

// Recognition analytics for managers (issue 16): counts per behaviour and per team by week, and the
// share of people who gave or received one. Counted in SQL (GROUP BY week, behaviour, team); no
// figure is ever per person, and a team the minimum group size hides (docs/decisions/039) shows no figures at all.
// SQL counts per day of the organisation's zone; the days are then summed into the organisation's weeks (its week
// start) by weekStart, the one definition of a week (docs/decisions/021).

function weeksOf(period: Period, weekStartsOn: WeekStartsOn): string[] {
  const out: string[] = [];
  for (let w = weekStart(period.from, weekStartsOn); w <= period.to; w = addDays(w, 7)) out.push(w);
  return out;
}

export async function recognitionAnalytics(ctx: MemberContext, period: Period): Promise<RecognitionAnalyticsDto> {
  await authorize(ctx, "dashboards.view");
  const { gte, lt } = instantRange(period, ctx.timeZone) as { gte: Date; lt: Date };
  const org = ctx.orgId;
  const zone = ctx.timeZone;
  const [byBehaviour, received, given, teams, people, groups] = await Promise.all([
    db().$queryRaw<{ behaviourId: string; title: string; day: string; n: number }[]>`
      SELECT r."behaviourId", b."title", to_char(((r."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone})::date, 'YYYY-MM-DD') AS day,
             count(*)::int AS n
        FROM "Recognition" r JOIN "Behaviour" b ON b."id" = r."behaviourId"
       WHERE r."organizationId" = ${org} AND r."createdAt" >= ${gte} AND r."createdAt" < ${lt}
       GROUP BY r."behaviourId", b."title", day`,
    // Received by a team: the team itself, or one of its people (each recognition once per team).
    db().$queryRaw<{ teamId: string; day: string; n: number }[]>`
      WITH received AS (
        SELECT r."id", r."recipientTeamId" AS "teamId", r."createdAt" FROM "Recognition" r
         WHERE r."organizationId" = ${org} AND r."recipientTeamId" IS NOT NULL
           AND r."createdAt" >= ${gte} AND r."createdAt" < ${lt}
        UNION
        SELECT r."id", tm."teamId", r."createdAt" FROM "Recognition" r
          JOIN "TeamMember" tm ON tm."membershipId" = r."recipientMembershipId" AND tm."organizationId" = ${org}
         WHERE r."organizationId" = ${org} AND r."createdAt" >= ${gte} AND r."createdAt" < ${lt})
      SELECT "teamId", to_char((("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone})::date, 'YYYY-MM-DD') AS day,
             count(*)::int AS n
        FROM received GROUP BY "teamId", day`,
    db().$queryRaw<{ teamId: string; n: number }[]>`
      SELECT tm."teamId", count(DISTINCT r."id")::int AS n
        FROM "Recognition" r
        JOIN "TeamMember" tm ON tm."membershipId" = r."giverId" AND tm."organizationId" = ${org}
       WHERE r."organizationId" = ${org} AND r."createdAt" >= ${gte} AND r."createdAt" < ${lt}
       GROUP BY tm."teamId"`,
    db().$queryRaw<{ teamId: string; name: string; people: number }[]>`
      SELECT t."id" AS "teamId", t."name", count(m."id")::int AS people
        FROM "Team" t
        LEFT JOIN "TeamMember" tm ON tm."teamId" = t."id"
        LEFT JOIN "Membership" m ON m."id" = tm."membershipId" AND m."status" = 'ACTIVE'
       WHERE t."organizationId" = ${org} AND t."kind" = 'TEAM' AND t."archivedAt" IS NULL
       GROUP BY t."id", t."name"
       ORDER BY t."name"`,
    // A recognition of a team counts as received by each of its people.
    db().$queryRaw<{ active: number; gave: number; received: number; either: number }[]>`
      WITH r AS (
        SELECT * FROM "Recognition"
         WHERE "organizationId" = ${org} AND "createdAt" >= ${gte} AND "createdAt" < ${lt}),
      gave AS (SELECT DISTINCT "giverId" AS mid FROM r),
      got AS (
        SELECT "recipientMembershipId" AS mid FROM r WHERE "recipientMembershipId" IS NOT NULL
        UNION
        SELECT tm."membershipId" FROM r JOIN "TeamMember" tm ON tm."teamId" = r."recipientTeamId")
      SELECT count(*)::int AS active,
             count(*) FILTER (WHERE m."id" IN (SELECT mid FROM gave))::int AS gave,
             count(*) FILTER (WHERE m."id" IN (SELECT mid FROM got))::int AS received,
             count(*) FILTER (WHERE m."id" IN (SELECT mid FROM gave) OR m."id" IN (SELECT mid FROM got))::int AS either
        FROM "Membership" m
       WHERE m."organizationId" = ${org} AND m."status" = 'ACTIVE'`,
    groupProtection(ctx),
  ]);

  const weeks = weeksOf(period, ctx.weekStartsOn);
  const index = new Map(weeks.map((w, i) => [w, i]));
  const series = () => weeks.map(() => 0);

  const behaviours = new Map<string, { behaviourId: string; title: string; total: number; weeks: number[] }>();
  for (const r of byBehaviour) {
    const b = behaviours.get(r.behaviourId) ?? {
      behaviourId: r.behaviourId,
      title: r.title,
      total: 0,
      weeks: series(),
    };
    b.total += r.n;
    const i = index.get(weekStart(r.day, ctx.weekStartsOn));
    if (i !== undefined) b.weeks[i]! += r.n;
    behaviours.set(r.behaviourId, b);
  }
  const teamWeeks = new Map<string, number[]>();
  for (const r of received) {
    const s = teamWeeks.get(r.teamId) ?? series();
    const i = index.get(weekStart(r.day, ctx.weekStartsOn));
    if (i !== undefined) s[i]! += r.n;
    teamWeeks.set(r.teamId, s);
  }
  const givenBy = new Map(given.map((g) => [g.teamId, g.n]));
  const p = people[0] ?? { active: 0, gave: 0, received: 0, either: 0 };
  const total = byBehaviour.reduce((n, r) => n + r.n, 0);
  return {
    period,
    total,
    weeks: weeks.map((weekStart, i) => ({
      weekStart,
      count: [...behaviours.values()].reduce((n, b) => n + b.weeks[i]!, 0),
    })),
    byBehaviour: [...behaviours.values()].sort((a, b) => b.total - a.total || a.title.localeCompare(b.title)),
    byTeam: protectTeams(
      teams.map((t) => {
        const w = teamWeeks.get(t.teamId) ?? series();
        return { ...t, received: w.reduce((n, x) => n + x, 0), given: givenBy.get(t.teamId) ?? 0, weeks: w };
      }),
      groups.suppressed,
    ),
    // The organisation's own shares follow the same rule: with fewer people than the threshold they would name them.
    people: showsFigures(p.active, groups.threshold)
      ? { active: p.active, hidden: false, gave: p.gave, received: p.received, gaveOrReceived: p.either }
      : { active: p.active, hidden: true },
    minGroupSize: groups.threshold,
  };
}
