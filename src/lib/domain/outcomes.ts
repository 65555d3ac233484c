// Outcome metrics: whether a metric is meeting its target, whether the metric set measures customers or ourselves,
// how adoption of a behaviour relates to an outcome over time, and how adoption is shown without exposing small groups.
// Pure. Dates are UTC calendar days, "YYYY-MM-DD"; months are "YYYY-MM".
import {
  addMonths,
  dayNumber,
  dayOf,
  isIsoMonth,
  lastDayOf,
  monthOf,
  weekStart,
  type TimeZone,
  type WeekStartsOn,
} from "./dates";

export type TargetType = "AT_LEAST" | "AT_MOST" | "INCREASE_TO" | "DECREASE_TO";
/** Which way is better for the metric. Informational: the target type alone decides the status. */
export type Direction = "UP" | "DOWN";
export type TargetStatus = "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "NO_TARGET" | "NO_DATA";

export interface Reading {
  date: string;
  value: number;
}

export interface TargetInput {
  targetType: TargetType | null;
  targetValue: number | null;
  targetDate: string | null;
  direction: Direction;
  readings: Reading[];
  today: string;
}

export interface TargetVerdict {
  status: TargetStatus;
  /** describeTargetRule(targetType): how any status of this kind of target is decided. */
  rule: string;
  /** Why this metric has this status now, with its own figures, e.g. "Latest 93.6 is below the target 94." */
  reason: string;
  latest: Reading | null;
  trendPerWeek: number | null;
  /** The value the rule projected to, when it projected one. */
  projected: number | null;
}

export const TREND_WEEKS = 12; // readings from the last 12 weeks feed the trend: recent enough to reflect current practice
export const RISK_HORIZON_WEEKS = 4; // "stay" targets look this far ahead: about a month's warning before a breach

const MIN_TREND_READINGS = 3; // two points always fit a line exactly; a third is the least that can disagree with it

/** The arithmetic mean of a non-empty list. */
export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Ordinary least-squares slope, b = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)² (e.g. Montgomery & Runger, "Applied Statistics and
 * Probability for Engineers", §11-2). x is in days, so the slope is scaled by 7 to a per-week rate.
 */
function slopePerWeek(points: { x: number; y: number }[]): number | null {
  if (points.length < MIN_TREND_READINGS) return null;
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  // All readings on one day: no time has passed, so there is no rate of change to speak of.
  return den === 0 ? null : (7 * num) / den;
}

export function describeTargetRule(type: TargetType): string {
  const trend = `the least-squares trend of the last ${TREND_WEEKS} weeks' readings (at least ${MIN_TREND_READINGS} needed)`;
  const stay = (side: string, over: string) =>
    `Stay at or ${side} the target. Latest reading ${over} the target: off track. ` +
    `At or ${side} it, but ${trend} would take it ${over} the target within ${RISK_HORIZON_WEEKS} weeks: at risk. Otherwise: on track.`;
  const reach = (verb: string, side: string, wrong: string, way: string) =>
    `${verb} to the target by the target date. Latest reading at or ${side} the target: on track. ${wrong} it after the target date, or without a ${way} ${trend}: ` +
    `off track. Otherwise the trend is projected to the target date (${TREND_WEEKS} weeks ahead when there is none): reaching the target is on track, falling short is at risk.`;
  switch (type) {
    case "AT_LEAST":
      return stay("above", "below");
    case "AT_MOST":
      return stay("below", "above");
    case "INCREASE_TO":
      return reach("Rise", "above", "Below", "rising");
    case "DECREASE_TO":
      return reach("Fall", "below", "Above", "falling");
  }
}

/** Status of a metric against its target; the rules are spelt out in describeTargetRule. */
export function targetStatus(input: TargetInput): TargetVerdict {
  const { targetType: type, targetValue: x, targetDate, readings } = input;
  const today = dayNumber(input.today);
  // Readings dated after today are ignored: the status is "as of today", and replaying a past day must give the same answer.
  const known = readings.map((r) => ({ r, day: dayNumber(r.date) })).filter((p) => p.day <= today);
  // Greatest date wins; among readings on that same day the one listed last (the latest entered) wins.
  const latest = known.length === 0 ? null : known.reduce((best, p) => (p.day >= best.day ? p : best)).r;
  const trend = slopePerWeek(
    known.filter((p) => p.day > today - TREND_WEEKS * 7).map((p) => ({ x: p.day - today, y: p.r.value })),
  );
  const rule = type === null ? "No target set." : describeTargetRule(type);
  const verdict = (status: TargetStatus, reason: string, projected: number | null = null): TargetVerdict => ({
    status,
    rule,
    reason,
    latest,
    trendPerWeek: trend,
    projected,
  });
  // A metric without a target still reports its latest reading and trend: the chart shows them either way.
  if (type === null || x === null) return verdict("NO_TARGET", "No target set.");
  if (latest === null) return verdict("NO_DATA", "No reading yet.");
  const v = latest.value;
  const per = trend === null ? "" : `${trend >= 0 ? "+" : "−"}${num(Math.abs(trend))} a week`;

  if (type === "AT_LEAST" || type === "AT_MOST") {
    const breached = (y: number) => (type === "AT_LEAST" ? y < x : y > x);
    const side = type === "AT_LEAST" ? "below" : "above";
    if (breached(v)) return verdict("OFF_TRACK", `Latest ${num(v)} is ${side} the target ${num(x)}.`);
    if (trend === null)
      return verdict("ON_TRACK", `Latest ${num(v)} meets the target ${num(x)}; too few recent readings for a trend.`);
    const projected = v + trend * RISK_HORIZON_WEEKS;
    return breached(projected)
      ? verdict(
          "AT_RISK",
          `Latest ${num(v)} meets the target ${num(x)}, but the trend (${per}) reaches ${num(projected)} within ${RISK_HORIZON_WEEKS} weeks.`,
          projected,
        )
      : verdict(
          "ON_TRACK",
          `Latest ${num(v)} meets the target ${num(x)}, and the trend (${per}) keeps it there for ${RISK_HORIZON_WEEKS} weeks.`,
          projected,
        );
  }

  const reached = (y: number) => (type === "INCREASE_TO" ? y >= x : y <= x);
  if (reached(v)) return verdict("ON_TRACK", `Latest ${num(v)} has reached the target ${num(x)}.`);
  if (targetDate !== null && today > dayNumber(targetDate))
    return verdict(
      "OFF_TRACK",
      `The target date ${targetDate} has passed with the latest at ${num(v)}, short of ${num(x)}.`,
    );
  // Not there yet and not moving the right way: no projection can get there.
  if (trend === null)
    return verdict(
      "OFF_TRACK",
      `Latest ${num(v)} is short of ${num(x)} and there are too few recent readings to show it moving.`,
    );
  if (type === "INCREASE_TO" ? trend <= 0 : trend >= 0)
    return verdict("OFF_TRACK", `Latest ${num(v)} is short of ${num(x)} and the trend (${per}) moves away from it.`);
  const weeksLeft = targetDate === null ? TREND_WEEKS : (dayNumber(targetDate) - today) / 7;
  const projected = v + trend * weeksLeft;
  const by = targetDate ?? `${TREND_WEEKS} weeks`;
  return reached(projected)
    ? verdict(
        "ON_TRACK",
        `The trend (${per}) projects ${num(projected)} by ${by}: the target ${num(x)} is within reach.`,
        projected,
      )
    : verdict(
        "AT_RISK",
        `The trend (${per}) projects ${num(projected)} by ${by}, short of the target ${num(x)}.`,
        projected,
      );
}

/** Numbers in explanations: at most two decimals, no trailing zeros. */
const num = (n: number) => String(Math.round(n * 100) / 100);

// ——— Metric audit: are we measuring what customers get, or only what we do? ———

export interface AuditMetric {
  kind: "CUSTOMER_OUTCOME" | "INTERNAL_PROCESS";
  createdAt: string;
  deletedAt: string | null;
  hasOwner: boolean;
  linkedBehaviours: number;
}

export interface AuditPoint {
  month: string;
  customer: number;
  internal: number;
  /** 0..1, null when no metrics were tracked. */
  customerShare: number | null;
}

const share = (customer: number, internal: number): number | null =>
  customer + internal === 0 ? null : customer / (customer + internal);

/**
 * Metrics tracked at the end of each month from `fromMonth` to `toMonth` inclusive (months of the organisation's
 * zone); empty when from is after to.
 */
export function auditShareByMonth(
  metrics: AuditMetric[],
  fromMonth: string,
  toMonth: string,
  zone: TimeZone = "UTC",
): AuditPoint[] {
  for (const month of [fromMonth, toMonth])
    if (!isIsoMonth(month)) throw new RangeError(`not a YYYY-MM month: ${month}`);
  // A metric counts if it existed when the month closed: created on/before the last day, not deleted on/before it.
  const days = metrics.map((m) => ({
    kind: m.kind,
    created: dayOf(new Date(m.createdAt), zone),
    deleted: m.deletedAt === null ? null : dayOf(new Date(m.deletedAt), zone),
  }));
  const points: AuditPoint[] = [];
  for (let month = fromMonth; month <= toMonth; month = addMonths(month, 1)) {
    const lastDay = lastDayOf(month);
    const live = days.filter((m) => m.created <= lastDay && (m.deleted === null || m.deleted > lastDay));
    const customer = live.filter((m) => m.kind === "CUSTOMER_OUTCOME").length;
    const internal = live.length - customer;
    points.push({ month: monthOf(lastDay), customer, internal, customerShare: share(customer, internal) });
  }
  return points;
}

/** The audit over the metrics not deleted. */
export function auditSummary(metrics: AuditMetric[]): {
  total: number;
  customer: number;
  internal: number;
  customerShare: number | null;
  noOwner: number;
  noBehaviour: number;
} {
  const live = metrics.filter((m) => m.deletedAt === null);
  const customer = live.filter((m) => m.kind === "CUSTOMER_OUTCOME").length;
  const internal = live.length - customer;
  return {
    total: live.length,
    customer,
    internal,
    customerShare: share(customer, internal),
    noOwner: live.filter((m) => !m.hasOwner).length,
    noBehaviour: live.filter((m) => m.linkedBehaviours === 0).length,
  };
}

// ——— Adoption versus outcome over time ———

export interface WeeklyValue {
  weekStart: string;
  value: number;
}

/** Mean of the readings in each week from `weekStartsOn` (the same weeks as weeklyAdoption), oldest first. */
export function weeklyMeans(readings: Reading[], weekStartsOn: WeekStartsOn = 1): WeeklyValue[] {
  const weeks = new Map<string, number[]>();
  for (const r of readings) {
    const week = weekStart(r.date, weekStartsOn);
    weeks.set(week, [...(weeks.get(week) ?? []), r.value]);
  }
  return [...weeks]
    .map(([weekStart, values]) => ({ weekStart, value: mean(values) }))
    .sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
}

/**
 * A rate needs at least 5 opportunities: fewer is not coloured, so a 1-of-1 is never shown as 100%. (Small *groups of
 * people* are a different rule, the organisation's minimum group size: group-size.ts, docs/decisions/039.)
 */
export const MIN_RATE_OPPORTUNITIES = 5;

export function isProtected(counts: { opportunities: number; observers?: number }): boolean {
  return (
    counts.opportunities < MIN_RATE_OPPORTUNITIES ||
    (counts.observers !== undefined && counts.observers < MIN_RATE_OPPORTUNITIES)
  );
}

export interface HeatCell {
  performed: number;
  opportunities: number;
}

/** Five equal bands of the rate (0–19%, 20–39%, … 80–100%); "none" (grey) below MIN_RATE_OPPORTUNITIES, never a misleading 0%. */
export function heatColour(cell: HeatCell): { rate: number | null; band: "none" | 0 | 1 | 2 | 3 | 4 } {
  if (cell.opportunities < MIN_RATE_OPPORTUNITIES) return { rate: null, band: "none" };
  // Integer arithmetic for the band: rate * 5 in floating point can land a hair under a band edge.
  const band = Math.min(4, Math.floor((cell.performed * 5) / cell.opportunities)) as 0 | 1 | 2 | 3 | 4;
  return { rate: cell.performed / cell.opportunities, band };
}

export interface WeekRateSeries {
  weekStart: string;
  performed: number;
  opportunities: number;
}

/**
 * Change in adoption per key: the last `weeks` weeks against the `weeks` weeks before. The windows are calendar weeks
 * ending at the latest weekStart in any series, so every key is compared over the same period and a key with stale
 * data is not judged on old weeks. Each side pools its weeks (Σ performed / Σ opportunities) and needs ≥ MIN_RATE_OPPORTUNITIES
 * opportunities, else the key is skipped. before/after are rates 0..1; changePts is percentage points to 1 decimal.
 * Falls are kept (negative changePts, at the end); callers take as many as they show.
 */
export function biggestRises(
  series: Record<string, WeekRateSeries[]>,
  weeks = 4,
): { key: string; before: number; after: number; changePts: number }[] {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`weeks must be a whole number ≥ 1 (got ${weeks})`);
  const all = Object.values(series).flat();
  if (all.length === 0) return [];
  const lastWeek = Math.max(...all.map((w) => dayNumber(w.weekStart)));
  const afterFrom = lastWeek - (weeks - 1) * 7;
  const beforeFrom = afterFrom - weeks * 7;
  const rows: { key: string; before: number; after: number; changePts: number }[] = [];
  for (const [key, points] of Object.entries(series)) {
    const b = { performed: 0, opportunities: 0 };
    const a = { performed: 0, opportunities: 0 };
    for (const p of points) {
      const d = dayNumber(p.weekStart);
      const side = d >= afterFrom ? a : d >= beforeFrom ? b : null;
      if (!side) continue;
      side.performed += p.performed;
      side.opportunities += p.opportunities;
    }
    if (b.opportunities < MIN_RATE_OPPORTUNITIES || a.opportunities < MIN_RATE_OPPORTUNITIES) continue;
    const before = b.performed / b.opportunities;
    const after = a.performed / a.opportunities;
    rows.push({ key, before, after, changePts: Math.round((after - before) * 1000) / 10 });
  }
  return rows.sort((x, y) => y.changePts - x.changePts || (x.key < y.key ? -1 : 1));
}

/** Customer outcomes before internal process measures (then by name): success is measured by customers. */
export function customerFirst<T extends { kind: "CUSTOMER_OUTCOME" | "INTERNAL_PROCESS"; name: string }>(
  metrics: readonly T[],
): T[] {
  return [...metrics].sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "CUSTOMER_OUTCOME" ? -1 : 1,
  );
}
