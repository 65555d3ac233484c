import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { weeklyAdoption, type DayCounts } from "@/lib/domain/observations";
import { dateOnly, dayOf, fromDateOnly, lastWeeks, UTC_CALENDAR, weekStart, type Calendar } from "@/lib/domain/dates";
import { OPEN_STATUSES } from "@/lib/domain/barriers";
import { biggestRises } from "@/lib/domain/outcomes";
import { laggedCorrelations, strongestLag } from "@/lib/domain/correlation";
import {
  PERIODS,
  type BehaviourOutcomeDto,
  type DashboardFilter,
  type FilterOptionsDto,
  type OverviewDto,
  type StandupDto,
  type TeamViewDto,
} from "@/lib/schemas/dashboards";
import type { BarrierRowDto } from "@/lib/schemas/barriers";
import { listBarriers } from "./barriers";
import { listMetrics, metricSeries } from "./metrics";
import { listCoverageGaps } from "./coverage";
import { groupProtection } from "./group-size";
import { hiddenBecause, type GroupProtection } from "@/lib/domain/group-size";
import type { MemberContext } from "./accounts";
import type { Prisma } from "@/generated/prisma/client";
import { busiest, HEATMAP_LIMITS } from "@/lib/domain/heatmap-bounds";

// Every figure here comes from the daily summary (ObservationDaily), never from a scan of the
// observations: the overview must stay fast at millions of observations (issue 8).

/** The period's first day (a week start, so weeks are whole) and last day (today), in the organisation's calendar. */
export function periodRange(
  period: DashboardFilter["period"],
  now: Date,
  calendar: Calendar = UTC_CALENDAR,
): { from: string; to: string; weeks: number } {
  const weeks = PERIODS[period];
  return { ...lastWeeks(dayOf(now, calendar.timeZone), weeks, calendar.weekStartsOn), weeks };
}

async function filterOptions(ctx: MemberContext): Promise<FilterOptionsDto> {
  const [teams, values] = await Promise.all([
    db().team.findMany({
      where: { organizationId: ctx.orgId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true, parentId: true },
    }),
    db().value.findMany({
      where: { organizationId: ctx.orgId },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  return {
    streams: teams.filter((t) => t.kind === "VALUE_STREAM").map((t) => ({ id: t.id, name: t.name })),
    teams: teams.filter((t) => t.kind === "TEAM").map((t) => ({ id: t.id, name: t.name, streamId: t.parentId })),
    values,
  };
}

/**
 * The teams and active behaviours a filter selects. Ids from the URL only ever narrow the
 * organisation's own lists, so a foreign id selects nothing.
 */
async function scope(ctx: MemberContext, f: DashboardFilter, options: FilterOptionsDto) {
  const teams = options.teams.filter((t) => (!f.stream || t.streamId === f.stream) && (!f.team || t.id === f.team));
  const behaviours = await db().behaviour.findMany({
    where: {
      organizationId: ctx.orgId,
      status: "ACTIVE",
      deletedAt: null,
      parentId: null,
      ...(f.value ? { valueId: f.value } : {}),
    },
    orderBy: { title: "asc" },
    select: { id: true, title: true },
  });
  return { teams, behaviours, teamIds: teams.map((t) => t.id), behaviourIds: behaviours.map((b) => b.id) };
}

const toDays = (rows: { day: Date; _sum: { performed: number | null; missed: number | null } }[]): DayCounts[] =>
  rows.map((r) => ({ day: fromDateOnly(r.day), performed: r._sum.performed ?? 0, missed: r._sum.missed ?? 0 }));

/** Open barriers that touch the selected behaviours and teams (a barrier without teams applies everywhere). */
function barriersInScope(
  all: BarrierRowDto[],
  s: { behaviours: { id: string }[]; teams: { id: string }[] },
): BarrierRowDto[] {
  const behaviours = new Set(s.behaviours.map((b) => b.id));
  const teams = new Set(s.teams.map((t) => t.id));
  return all.filter(
    (b) =>
      OPEN_STATUSES.includes(b.status as never) &&
      b.behaviourIds.some((id) => behaviours.has(id)) &&
      (b.teamIds.length === 0 || b.teamIds.some((id) => teams.has(id))),
  );
}

/**
 * The heatmap's teams and behaviours: all of them when they fit (or the reader asked for all),
 * otherwise the busiest of the period, so that a 100-team × 500-behaviour organisation gets a page
 * of cells, not 50,000 (issue 19). Two small groupBys of the summary rank them.
 */
async function heatmapScope(
  s: { teams: { id: string; name: string; streamId: string | null }[]; behaviours: { id: string; title: string }[] },
  where: Prisma.ObservationDailyWhereInput,
  all: boolean,
  protection: Promise<GroupProtection>,
) {
  if (all || (s.teams.length <= HEATMAP_LIMITS.teams && s.behaviours.length <= HEATMAP_LIMITS.behaviours))
    return { teams: s.teams, behaviours: s.behaviours };
  const sum = { performed: true, missed: true } as const;
  const [byTeam, byBehaviour, hidden] = await Promise.all([
    db().observationDaily.groupBy({ by: ["teamId"], where, _sum: sum }),
    db().observationDaily.groupBy({ by: ["behaviourId"], where, _sum: sum }),
    protection,
  ]);
  const volume = (r: { _sum: { performed: number | null; missed: number | null } }) =>
    (r._sum.performed ?? 0) + (r._sum.missed ?? 0);
  return {
    // A team hidden under the minimum group size ranks as if it logged nothing: which teams are busiest is
    // itself a figure about them (docs/decisions/039). "Show all" still lists it.
    teams: busiest(
      s.teams,
      new Map(byTeam.filter((r) => !hidden.suppressed.has(r.teamId)).map((r) => [r.teamId, volume(r)])),
      HEATMAP_LIMITS.teams,
    ),
    behaviours: busiest(
      s.behaviours,
      new Map(byBehaviour.map((r) => [r.behaviourId, volume(r)])),
      HEATMAP_LIMITS.behaviours,
    ),
  };
}

export async function organisationOverview(
  ctx: MemberContext,
  f: DashboardFilter,
  now = new Date(),
): Promise<OverviewDto> {
  await authorize(ctx, "dashboards.view");
  const options = await filterOptions(ctx);
  const s = await scope(ctx, f, options);
  const { from, to, weeks } = periodRange(f.period, now, ctx);
  const where = {
    organizationId: ctx.orgId,
    behaviourId: { in: s.behaviourIds },
    teamId: { in: s.teamIds },
    day: { gte: dateOnly(from), lte: dateOnly(to) },
  };
  const protection = groupProtection(ctx);
  const [days, { shown, cells }, barriers, metrics, groups] = await Promise.all([
    db().observationDaily.groupBy({ by: ["day"], where, _sum: { performed: true, missed: true } }),
    heatmapScope(s, where, f.heatmap === "all", protection).then(async (shown) => ({
      shown,
      cells: await db().observationDaily.groupBy({
        by: ["teamId", "behaviourId"],
        where: {
          ...where,
          teamId: { in: shown.teams.map((t) => t.id) },
          behaviourId: { in: shown.behaviours.map((b) => b.id) },
        },
        _sum: { performed: true, missed: true },
      }),
    })),
    listBarriers(ctx),
    listMetrics(ctx, dayOf(now, ctx.timeZone)),
    protection,
  ]);
  const teamIds = new Set(s.teams.map((t) => t.id));
  // A selected team or value stream too small to show gets no trend at all (docs/decisions/039).
  const trendSuppressed = f.team ? hiddenBecause(groups, f.team) : f.stream ? hiddenBecause(groups, f.stream) : null;
  return {
    options,
    trend: trendSuppressed ? [] : weeklyAdoption(toDays(days), now, weeks, ctx),
    trendSuppressed,
    heatmap: {
      teams: shown.teams.map((t) => ({ id: t.id, name: t.name, suppressed: groups.suppressed.get(t.id) ?? null })),
      behaviours: shown.behaviours,
      totalTeams: s.teams.length,
      totalBehaviours: s.behaviours.length,
      minGroupSize: groups.threshold,
      cells: Object.fromEntries(
        cells
          .filter((c) => !groups.suppressed.has(c.teamId))
          .map((c) => [
            `${c.teamId}:${c.behaviourId}`,
            { performed: c._sum.performed ?? 0, opportunities: (c._sum.performed ?? 0) + (c._sum.missed ?? 0) },
          ]),
      ),
    },
    topBarriers: barriersInScope(barriers, s)
      .filter((b) => b.priority !== null)
      .slice(0, 5),
    // A metric tracked for particular teams shows when one of them is selected (or no team filter is set).
    metrics:
      f.team || f.stream
        ? metrics.filter((m) => m.teamIds.length === 0 || m.teamIds.some((id) => teamIds.has(id)))
        : metrics,
  };
}

/** A behaviour's weekly adoption beside a linked metric, with the correlation at lags of 0–8 weeks. */
export async function behaviourOutcome(
  ctx: MemberContext,
  f: DashboardFilter,
  ids: { behaviour?: string; metric?: string },
  now = new Date(),
): Promise<BehaviourOutcomeDto> {
  await authorize(ctx, "dashboards.view");
  const behaviours = await db().behaviour.findMany({
    where: {
      organizationId: ctx.orgId,
      status: "ACTIVE",
      deletedAt: null,
      parentId: null,
      metrics: { some: { metric: { deletedAt: null } } },
    },
    orderBy: { title: "asc" },
    select: { id: true, title: true },
  });
  const behaviour = behaviours.find((b) => b.id === ids.behaviour) ?? (ids.behaviour ? null : (behaviours[0] ?? null));
  if (ids.behaviour && !behaviour) throw new NotFoundError();
  const empty = {
    behaviours,
    behaviour: null,
    metrics: [],
    metric: null,
    adoption: [],
    metricWeekly: [],
    correlations: [],
    strongest: null,
  };
  if (!behaviour) return empty;
  const links = await db().behaviourMetric.findMany({
    where: { organizationId: ctx.orgId, behaviourId: behaviour.id, metric: { deletedAt: null } },
    orderBy: { metric: { name: "asc" } },
    select: { metric: { select: { id: true, name: true, unit: true } } },
  });
  const metrics = links.map((l) => l.metric);
  // After switching behaviour the URL may still name the previous behaviour's metric: show its first.
  const metric = metrics.find((m) => m.id === ids.metric) ?? metrics[0] ?? null;
  const { from, to, weeks } = periodRange(f.period, now, ctx);
  const [days, series] = await Promise.all([
    db().observationDaily.groupBy({
      by: ["day"],
      where: { organizationId: ctx.orgId, behaviourId: behaviour.id, day: { gte: dateOnly(from), lte: dateOnly(to) } },
      _sum: { performed: true, missed: true },
    }),
    metric ? metricSeries(ctx, metric.id, from, to) : null,
  ]);
  const adoption = weeklyAdoption(toDays(days), now, weeks, ctx);
  const adoptionWeekly = adoption
    .filter((p) => p.rate !== null)
    .map((p) => ({ weekStart: p.weekStart, value: p.rate! * 100 }));
  const correlations = series ? laggedCorrelations(adoptionWeekly, series.weekly) : [];
  return {
    behaviours,
    behaviour,
    metrics,
    metric: metric ?? null,
    adoption,
    metricWeekly: series?.weekly ?? [],
    correlations,
    strongest: strongestLag(correlations),
  };
}

const activeBehaviours = (ctx: MemberContext) =>
  db().behaviour.findMany({
    where: { organizationId: ctx.orgId, status: "ACTIVE", deletedAt: null, parentId: null },
    orderBy: { title: "asc" },
    select: { id: true, title: true },
  });

/** One team's week: its behaviours' adoption, open barriers, this week's observations and coverage gaps. */
export async function teamView(
  ctx: MemberContext,
  f: DashboardFilter,
  teamId: string | undefined,
  now = new Date(),
): Promise<TeamViewDto> {
  await authorize(ctx, "dashboards.view");
  const teams = await db().team.findMany({
    where: { organizationId: ctx.orgId, kind: "TEAM" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, parent: { select: { name: true } } },
  });
  const team = teams.find((t) => t.id === teamId) ?? (teamId ? null : (teams[0] ?? null));
  if (teamId && !team) throw new NotFoundError();
  const groups = await groupProtection(ctx);
  const base = { teams: teams.map((t) => ({ id: t.id, name: t.name })), minGroupSize: groups.threshold };
  const nothing = {
    trend: [],
    behaviours: [],
    thisWeek: { performed: 0, opportunities: 0, weekStart: weekStart(dayOf(now, ctx.timeZone), ctx.weekStartsOn) },
  };
  if (!team)
    return {
      ...base,
      ...nothing,
      team: null,
      suppressed: null,
      barriers: [],
      gaps: [],
    };
  const suppressed = groups.suppressed.get(team.id) ?? null;
  if (suppressed) {
    // No coverage gaps either: "last observed" per behaviour would say which of its counts are zero.
    const [barriers, active] = await Promise.all([listBarriers(ctx), activeBehaviours(ctx)]);
    return {
      ...base,
      ...nothing,
      team: { id: team.id, name: team.name, stream: team.parent?.name ?? null },
      suppressed,
      barriers: barriersInScope(barriers, { behaviours: active, teams: [team] }),
      gaps: [],
    };
  }
  const { from, to, weeks } = periodRange(f.period, now, ctx);
  const monday = weekStart(dayOf(now, ctx.timeZone), ctx.weekStartsOn);
  const where = { organizationId: ctx.orgId, teamId: team.id };
  const [active, days, perBehaviour, week, barriers, gaps] = await Promise.all([
    activeBehaviours(ctx),
    db().observationDaily.groupBy({
      by: ["day"],
      where: { ...where, day: { gte: dateOnly(from), lte: dateOnly(to) } },
      _sum: { performed: true, missed: true },
    }),
    db().observationDaily.groupBy({
      by: ["behaviourId"],
      where: { ...where, day: { gte: dateOnly(from), lte: dateOnly(to) } },
      _sum: { performed: true, missed: true },
    }),
    db().observationDaily.aggregate({
      where: { ...where, day: { gte: dateOnly(monday), lte: dateOnly(to) } },
      _sum: { performed: true, missed: true },
    }),
    listBarriers(ctx),
    listCoverageGaps(ctx, now, { teamId: team.id }),
  ]);
  const sums = new Map(perBehaviour.map((p) => [p.behaviourId, p._sum]));
  const weekPerformed = week._sum.performed ?? 0;
  return {
    ...base,
    team: { id: team.id, name: team.name, stream: team.parent?.name ?? null },
    suppressed: null,
    trend: weeklyAdoption(toDays(days), now, weeks, ctx),
    behaviours: active.map((b) => {
      const s = sums.get(b.id);
      return {
        id: b.id,
        title: b.title,
        performed: s?.performed ?? 0,
        opportunities: (s?.performed ?? 0) + (s?.missed ?? 0),
      };
    }),
    thisWeek: { performed: weekPerformed, opportunities: weekPerformed + (week._sum.missed ?? 0), weekStart: monday },
    barriers: barriersInScope(barriers, { behaviours: active, teams: [team] }),
    gaps: gaps.map(({ behaviourId, behaviourTitle, lastDay }) => ({ behaviourId, behaviourTitle, lastDay })),
  };
}

/** Wins compare the last 4 weeks with the 4 before. */
const STANDUP_WEEKS = 8;

/**
 * The portfolio standup: wins (biggest adoption rises, last 4 weeks against the 4 before), blockers
 * (open barriers at risk), customer metrics off track or at risk, and the customer stories told.
 */
export async function standup(ctx: MemberContext, now = new Date()): Promise<StandupDto> {
  await authorize(ctx, "dashboards.view");
  const { from } = lastWeeks(dayOf(now, ctx.timeZone), STANDUP_WEEKS, ctx.weekStartsOn);
  const [days, behaviours, barriers, metrics, stories, started] = await Promise.all([
    db().observationDaily.groupBy({
      by: ["behaviourId", "day"],
      where: { organizationId: ctx.orgId, day: { gte: dateOnly(from) } },
      _sum: { performed: true, missed: true },
    }),
    db().behaviour.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE", deletedAt: null, parentId: null },
      select: { id: true, title: true },
    }),
    listBarriers(ctx),
    listMetrics(ctx, dayOf(now, ctx.timeZone)),
    db().customerFeedback.findMany({
      where: { organizationId: ctx.orgId, isStory: true },
      orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
      take: 5,
      select: { id: true, receivedOn: true, quote: true, createdBy: { select: { user: { select: { name: true } } } } },
    }),
    db().intervention.groupBy({ by: ["barrierId"], where: { organizationId: ctx.orgId }, _min: { startDate: true } }),
  ]);
  // One pass over the summary rows, then one weekly series per behaviour.
  const daysOf = new Map<string, typeof days>();
  for (const d of days) {
    const list = daysOf.get(d.behaviourId);
    if (list) list.push(d);
    else daysOf.set(d.behaviourId, [d]);
  }
  const byBehaviour: Record<string, { weekStart: string; performed: number; opportunities: number }[]> = {};
  for (const b of behaviours) {
    byBehaviour[b.id] = weeklyAdoption(toDays(daysOf.get(b.id) ?? []), now, STANDUP_WEEKS, ctx).map(
      ({ weekStart, performed, opportunities }) => ({ weekStart, performed, opportunities }),
    );
  }
  const title = new Map(behaviours.map((b) => [b.id, b.title]));
  const firstStart = new Map(started.map((s) => [s.barrierId, s._min.startDate]));
  // At risk: a high-priority open barrier that no started intervention is working on yet.
  const blockers = barriers
    .filter(
      (b) =>
        OPEN_STATUSES.includes(b.status as never) &&
        (b.priority ?? 0) >= 40 &&
        !((firstStart.get(b.id)?.getTime() ?? Infinity) <= now.getTime()),
    )
    .slice(0, 5)
    .map((b) => {
      const planned = firstStart.get(b.id);
      return {
        ...b,
        reason: planned
          ? `Priority ${b.priority}; its intervention starts on ${fromDateOnly(planned)}`
          : `Priority ${b.priority} and no intervention planned`,
      };
    });
  return {
    wins: biggestRises(byBehaviour)
      .filter((w) => w.changePts > 0)
      .slice(0, 5)
      .map((w) => ({
        behaviourId: w.key,
        title: title.get(w.key) ?? "",
        before: w.before,
        after: w.after,
        changePts: w.changePts,
      })),
    blockers,
    offTrack: metrics.filter(
      (m) => m.kind === "CUSTOMER_OUTCOME" && (m.verdict.status === "OFF_TRACK" || m.verdict.status === "AT_RISK"),
    ),
    customerMetricsJudged: metrics.filter(
      (m) => m.kind === "CUSTOMER_OUTCOME" && m.verdict.status !== "NO_TARGET" && m.verdict.status !== "NO_DATA",
    ).length,
    stories: stories.map((s) => ({
      id: s.id,
      meetingDate: fromDateOnly(s.receivedOn),
      story: s.quote,
      authorName: s.createdBy.user.name,
    })),
  };
}
