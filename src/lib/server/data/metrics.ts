import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { NotFoundError, RuleError } from "../errors";
import {
  auditShareByMonth,
  auditSummary,
  targetStatus,
  TREND_WEEKS,
  weeklyMeans,
  type AuditPoint,
  type Reading,
  type TargetVerdict,
} from "@/lib/domain/outcomes";
import { weeklyAdoption } from "@/lib/domain/observations";
import {
  addDays,
  addMonths,
  currentDay,
  dateOnly,
  dayStart,
  fromDateOnly,
  isIsoDate,
  lastDays,
  lastWeeks,
  monthOf,
  UTC_CALENDAR,
  weeksIn,
  type Calendar,
} from "@/lib/domain/dates";
import {
  TARGET_LABELS,
  type MetricDetailDto,
  type MetricOptionsDto,
  type MetricRowDto,
  type MetricSeriesDto,
} from "@/lib/schemas/metrics";
import { type Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

/** How far back a derived metric looks for weeks with a rate: a year, so a pause in observing still shows the last known week. */
const DERIVED_WEEKS = 52;
/** The detail page shows at most a year of weekly readings. */
const SHOWN_READINGS = 52;
const SHOWN_TEAM_READINGS = 200;

/** Adoption as a percentage, to 2 decimals (0.7 × 100 is 70.00000000000001 in floating point). */
const percent = (rate: number) => Math.round(rate * 10_000) / 100;

const ROW_SELECT = {
  id: true,
  name: true,
  unit: true,
  kind: true,
  timing: true,
  direction: true,
  targetType: true,
  targetValue: true,
  targetDate: true,
  sourceBehaviourId: true,
  owner: { select: { user: { select: { name: true } } } },
  sourceBehaviour: { select: { id: true, title: true } },
  behaviours: {
    where: { behaviour: { deletedAt: null } },
    select: { behaviour: { select: { id: true, title: true } } },
    orderBy: { behaviour: { title: "asc" } },
  },
  teams: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
} as const satisfies Prisma.MetricSelect;

type Row = Prisma.MetricGetPayload<{ select: typeof ROW_SELECT }>;

export function targetText(m: {
  targetType: keyof typeof TARGET_LABELS | null;
  targetValue: number | null;
  targetDate: Date | null;
  unit: string;
}): string | null {
  if (!m.targetType || m.targetValue === null) return null;
  return `${TARGET_LABELS[m.targetType]} ${m.targetValue} ${m.unit}${m.targetDate ? ` by ${fromDateOnly(m.targetDate)}` : ""}`;
}

const verdictOf = (m: Row, readings: Reading[], today: string): TargetVerdict =>
  targetStatus({
    targetType: m.targetType,
    targetValue: m.targetValue,
    targetDate: m.targetDate ? fromDateOnly(m.targetDate) : null,
    direction: m.direction,
    readings,
    today,
  });

const toRow = (m: Row, verdict: TargetVerdict): MetricRowDto => ({
  id: m.id,
  name: m.name,
  unit: m.unit,
  kind: m.kind,
  timing: m.timing,
  direction: m.direction,
  ownerName: m.owner?.user.name ?? null,
  target: targetText(m),
  latest: verdict.latest,
  verdict,
  derivedFrom: m.sourceBehaviour,
  behaviourTitles: m.behaviours.map((b) => b.behaviour.title),
  teamNames: m.teams.map((t) => t.team.name),
  teamIds: m.teams.map((t) => t.team.id),
});

/** Weekly adoption in % of each behaviour, weeks with a rate only (≥ MIN_OPPORTUNITIES), over `weeks` weeks up to `today`, oldest first. */
async function derivedWeeks(
  orgId: string,
  behaviourIds: string[],
  today: string,
  weeks = DERIVED_WEEKS,
  calendar: Calendar = UTC_CALENDAR,
): Promise<Map<string, Reading[]>> {
  const out = new Map<string, Reading[]>();
  if (behaviourIds.length === 0) return out;
  const now = dayStart(today, calendar.timeZone);
  const rows = await db().observationDaily.groupBy({
    by: ["behaviourId", "day"],
    where: {
      organizationId: orgId,
      behaviourId: { in: behaviourIds },
      day: { gte: dateOnly(lastWeeks(today, weeks, calendar.weekStartsOn).from), lte: dateOnly(today) },
    },
    _sum: { performed: true, missed: true },
  });
  for (const id of behaviourIds) {
    const days = rows
      .filter((r) => r.behaviourId === id)
      .map((r) => ({ day: fromDateOnly(r.day), performed: r._sum.performed ?? 0, missed: r._sum.missed ?? 0 }));
    out.set(
      id,
      weeklyAdoption(days, now, weeks, calendar).flatMap((p) =>
        p.rate === null ? [] : [{ date: p.weekStart, value: percent(p.rate) }],
      ),
    );
  }
  return out;
}

/**
 * What each metric's status is judged on: its organisation-wide readings of the last TREND_WEEKS weeks plus the latest
 * reading (however old), or for a derived metric its weekly adoption in %. Four queries whatever the number of metrics.
 */
async function statusReadings(
  orgId: string,
  metrics: { id: string; sourceBehaviourId: string | null }[],
  today: string,
  calendar: Calendar = UTC_CALENDAR,
): Promise<Map<string, Reading[]>> {
  const typed = metrics.filter((m) => !m.sourceBehaviourId).map((m) => m.id);
  const sources = [...new Set(metrics.flatMap((m) => (m.sourceBehaviourId ? [m.sourceBehaviourId] : [])))];
  const windowStart = lastDays(today, TREND_WEEKS * 7).from;
  const orgWide = { organizationId: orgId, metricId: { in: typed }, teamId: null };
  const [recent, latest, weeks] = await Promise.all([
    typed.length
      ? db().metricReading.findMany({
          where: { ...orgWide, date: { gte: dateOnly(windowStart), lte: dateOnly(today) } },
          orderBy: [{ date: "asc" }, { createdAt: "asc" }],
          select: { metricId: true, date: true, value: true },
        })
      : [],
    typed.length
      ? db().metricReading.groupBy({
          by: ["metricId"],
          where: { ...orgWide, date: { lte: dateOnly(today) } },
          _max: { date: true },
        })
      : [],
    derivedWeeks(orgId, sources, today, DERIVED_WEEKS, calendar),
  ]);
  // Only a latest reading older than the window needs one more look-up.
  const stale = latest.filter((l) => l._max.date && fromDateOnly(l._max.date) < windowStart);
  const older = stale.length
    ? await db().metricReading.findMany({
        where: {
          organizationId: orgId,
          teamId: null,
          OR: stale.map((l) => ({ metricId: l.metricId, date: l._max.date! })),
        },
        orderBy: { createdAt: "asc" },
        select: { metricId: true, date: true, value: true },
      })
    : [];
  const out = new Map<string, Reading[]>();
  for (const r of [...older, ...recent])
    out.set(r.metricId, [...(out.get(r.metricId) ?? []), { date: fromDateOnly(r.date), value: r.value }]);
  for (const m of metrics) {
    if (!m.sourceBehaviourId) continue;
    const all = weeks.get(m.sourceBehaviourId) ?? [];
    const inWindow = all.filter((w) => w.date >= addDays(windowStart, -6));
    out.set(m.id, inWindow.length ? inWindow : all.slice(-1));
  }
  return out;
}

/** The organisation's metrics by name, each with its status against its target as of `today`. */
export async function listMetrics(
  ctx: MemberContext,
  today: string = currentDay(ctx.timeZone),
): Promise<MetricRowDto[]> {
  await authorize(ctx, "dashboards.view");
  return metricRows(ctx.orgId, today, ctx);
}

/**
 * The metric rows without a permission check, for callers that decided who may see them (a
 * ritual's agenda shows its participants the customer metrics off track).
 */
export async function metricRows(
  orgId: string,
  today: string,
  calendar: Calendar = UTC_CALENDAR,
): Promise<MetricRowDto[]> {
  const rows = await db().metric.findMany({
    where: { organizationId: orgId, deletedAt: null },
    select: ROW_SELECT,
  });
  const readings = await statusReadings(orgId, rows, today, calendar);
  return rows
    .map((m) => toRow(m, verdictOf(m, readings.get(m.id) ?? [], today)))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
}

export async function getMetric(
  ctx: MemberContext,
  id: string,
  today: string = currentDay(ctx.timeZone),
): Promise<MetricDetailDto> {
  await authorize(ctx, "dashboards.view");
  const m = await db().metric.findFirst({
    where: { id, organizationId: ctx.orgId, deletedAt: null },
    select: { ...ROW_SELECT, description: true, updatedAt: true },
  });
  if (!m) throw new NotFoundError();
  const upTo = { lte: dateOnly(today) };
  const typed = (teamId: null | { not: null }) => ({ organizationId: ctx.orgId, metricId: id, teamId, date: upTo });
  const [status, orgWide, byTeam, totals, derived] = await Promise.all([
    statusReadings(ctx.orgId, [m], today, ctx),
    m.sourceBehaviourId
      ? []
      : db().metricReading.findMany({
          where: typed(null),
          orderBy: [{ date: "desc" }, { createdAt: "desc" }],
          take: SHOWN_READINGS,
          select: { date: true, value: true },
        }),
    m.sourceBehaviourId
      ? []
      : db().metricReading.findMany({
          where: typed({ not: null }),
          orderBy: [{ date: "desc" }, { createdAt: "desc" }],
          take: SHOWN_TEAM_READINGS,
          select: { date: true, value: true, team: { select: { name: true } } },
        }),
    m.sourceBehaviourId
      ? [0, 0]
      : Promise.all([
          db().metricReading.count({ where: typed(null) }),
          db().metricReading.count({ where: typed({ not: null }) }),
        ]),
    m.sourceBehaviourId ? derivedWeeks(ctx.orgId, [m.sourceBehaviourId], today, SHOWN_READINGS, ctx) : null,
  ]);
  const readings = derived
    ? (derived.get(m.sourceBehaviourId!) ?? [])
    : orgWide.map((r) => ({ date: fromDateOnly(r.date), value: r.value })).reverse();
  return {
    ...toRow(m, verdictOf(m, status.get(m.id) ?? [], today)),
    description: m.description,
    updatedAt: m.updatedAt.toISOString(),
    targetType: m.targetType,
    targetValue: m.targetValue,
    targetDate: m.targetDate ? fromDateOnly(m.targetDate) : null,
    behaviours: m.behaviours.map((b) => b.behaviour),
    teams: m.teams.map((t) => t.team),
    readings,
    teamReadings: byTeam
      .map((r) => ({ date: fromDateOnly(r.date), team: r.team?.name ?? "", value: r.value }))
      .reverse(),
    readingsTotal: derived ? readings.length : totals[0],
    teamReadingsTotal: totals[1],
  };
}

/** Weekly means of the organisation-wide readings from `from` to `to` (derived: weekly adoption in %, weeks with a rate). */
export async function metricSeries(ctx: MemberContext, id: string, from: string, to: string): Promise<MetricSeriesDto> {
  await authorize(ctx, "dashboards.view");
  if (!isIsoDate(from) || !isIsoDate(to) || from > to)
    throw new RuleError("Choose a period whose start is on or before its end.");
  const m = await db().metric.findFirst({
    where: { id, organizationId: ctx.orgId, deletedAt: null },
    select: { id: true, name: true, unit: true, sourceBehaviourId: true },
  });
  if (!m) throw new NotFoundError();
  const range = { gte: dateOnly(from), lte: dateOnly(to) };
  let weekly: MetricSeriesDto["weekly"];
  if (m.sourceBehaviourId) {
    const end = dayStart(to, ctx.timeZone);
    const weeks = weeksIn({ from, to }, ctx.weekStartsOn);
    const days = await db().observationDaily.groupBy({
      by: ["day"],
      where: { organizationId: ctx.orgId, behaviourId: m.sourceBehaviourId, day: range },
      _sum: { performed: true, missed: true },
    });
    const points = weeklyAdoption(
      days.map((d) => ({ day: fromDateOnly(d.day), performed: d._sum.performed ?? 0, missed: d._sum.missed ?? 0 })),
      end,
      weeks,
      ctx,
    );
    weekly = points.flatMap((p) => (p.rate === null ? [] : [{ weekStart: p.weekStart, value: percent(p.rate) }]));
  } else {
    const rows = await db().metricReading.findMany({
      where: { organizationId: ctx.orgId, metricId: id, teamId: null, date: range },
      select: { date: true, value: true },
    });
    weekly = weeklyMeans(
      rows.map((r) => ({ date: fromDateOnly(r.date), value: r.value })),
      ctx.weekStartsOn,
    );
  }
  return { id: m.id, name: m.name, unit: m.unit, weekly };
}

export async function metricOptions(ctx: MemberContext): Promise<MetricOptionsDto> {
  await authorize(ctx, "metrics.manage");
  const [owners, teams, behaviours] = await Promise.all([
    db().membership.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE" },
      orderBy: { user: { name: "asc" } },
      select: { id: true, user: { select: { name: true } } },
    }),
    db().team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().behaviour.findMany({
      where: { organizationId: ctx.orgId, deletedAt: null, parentId: null },
      orderBy: { title: "asc" },
      select: { id: true, title: true, status: true },
    }),
  ]);
  return {
    owners: owners.map((o) => ({ id: o.id, name: o.user.name })),
    teams,
    behaviours: behaviours.map((b) => ({ id: b.id, name: b.status === "RETIRED" ? `${b.title} (retired)` : b.title })),
  };
}

/** Are we measuring what customers get, or only what we do? The share now and at the end of each of the last 12 months. */
export async function metricsAudit(
  ctx: MemberContext,
  today: string = currentDay(ctx.timeZone),
): Promise<{
  summary: ReturnType<typeof auditSummary>;
  byMonth: AuditPoint[];
  noOwner: { id: string; name: string }[];
  noBehaviour: { id: string; name: string }[];
}> {
  await authorize(ctx, "dashboards.view");
  // Deleted metrics stay in: the months before their deletion counted them.
  const rows = await db().metric.findMany({
    where: { organizationId: ctx.orgId },
    select: {
      id: true,
      name: true,
      kind: true,
      createdAt: true,
      deletedAt: true,
      ownerId: true,
    },
  });
  // Linked live behaviours, counted by the metrics' own ids: Prisma's relation `_count` groups
  // every organisation's links in a subquery before the join (issue 19, page-plans.test.ts).
  const links = rows.length
    ? await db().behaviourMetric.groupBy({
        by: ["metricId"],
        where: {
          organizationId: ctx.orgId,
          metricId: { in: rows.map((m) => m.id) },
          behaviour: { organizationId: ctx.orgId, deletedAt: null },
        },
        _count: { _all: true },
      })
    : [];
  const linked = new Map(links.map((l) => [l.metricId, l._count._all]));
  const metrics = rows.map((m) => ({
    kind: m.kind,
    createdAt: m.createdAt.toISOString(),
    deletedAt: m.deletedAt?.toISOString() ?? null,
    hasOwner: m.ownerId !== null,
    linkedBehaviours: linked.get(m.id) ?? 0,
  }));
  const month = monthOf(today);
  const live = rows.filter((m) => m.deletedAt === null).sort((a, b) => a.name.localeCompare(b.name, "en"));
  return {
    summary: auditSummary(metrics),
    byMonth: auditShareByMonth(metrics, addMonths(month, -11), month, ctx.timeZone),
    noOwner: live.filter((m) => m.ownerId === null).map(({ id, name }) => ({ id, name })),
    noBehaviour: live.filter((m) => !linked.get(m.id)).map(({ id, name }) => ({ id, name })),
  };
}
