// Observation rules and adoption over time. Pure.
import { MIN_OPPORTUNITIES } from "./adoption";
import { dayOf, UTC_CALENDAR, weekStart, weekStarts, type Calendar } from "./dates";

/** How long the browser that logged an entry may undo or correct it. */
export const EDIT_WINDOW_MS = 24 * 3_600_000;
/** How long the Undo button stays on screen after saving. */
export const UNDO_TOAST_MS = 10_000;

/**
 * A tap made offline (issue 20) is sent later with the moment it was made. It is accepted for this long: after a
 * week the entry would land in figures people have already read and discussed, so it is refused with a reason.
 */
export const OFFLINE_MAX_AGE_MS = 7 * 86_400_000;
/** A phone's clock may run a little ahead of the server's; a tap further in the future is refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Why a tap made at `tappedAt` cannot be logged now, or null when it can. */
export function tappedAtProblem(tappedAt: Date, now: Date): string | null {
  if (tappedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return "This entry is dated in the future: check the phone's clock.";
  if (tappedAt.getTime() < now.getTime() - OFFLINE_MAX_AGE_MS)
    return "This entry was made more than 7 days ago, so it can no longer be sent. Log it as a batch for its day if it still matters.";
  return null;
}

export interface DayCounts {
  /** YYYY-MM-DD (UTC) */
  day: string;
  performed: number;
  missed: number;
}

export interface WeekPoint {
  /** The week's first day (the organisation's week start), YYYY-MM-DD. */
  weekStart: string;
  performed: number;
  opportunities: number;
  /** null below MIN_OPPORTUNITIES: "not enough data", never a misleading 0% or 100%. */
  rate: number | null;
}

/**
 * The last `weeks` weeks up to and including the week of `now` (its day in the organisation's zone), oldest first,
 * each starting on the organisation's week start (Monday, UTC by default).
 */
export function weeklyAdoption(
  days: DayCounts[],
  now: Date,
  weeks = 26,
  calendar: Calendar = UTC_CALENDAR,
): WeekPoint[] {
  const starts = weekStarts(dayOf(now, calendar.timeZone), weeks, calendar.weekStartsOn);
  const index = new Map(starts.map((w, i) => [w, i]));
  const points: WeekPoint[] = starts.map((w) => ({ weekStart: w, performed: 0, opportunities: 0, rate: null }));
  for (const d of days) {
    // Days before the first week or after the current one have no point and are left out.
    const p = points[index.get(weekStart(d.day, calendar.weekStartsOn)) ?? -1];
    if (!p) continue;
    p.performed += d.performed;
    p.opportunities += d.performed + d.missed;
  }
  for (const p of points) p.rate = p.opportunities >= MIN_OPPORTUNITIES ? p.performed / p.opportunities : null;
  return points;
}

export type Trend = "rising" | "falling" | "flat" | "unknown";

/**
 * Direction of adoption: the least-squares slope of the weekly rate over the weeks with enough
 * data, weighted equally; "flat" within ±0.5 percentage points a week. Needs 4 such weeks.
 */
export function adoptionTrend(points: WeekPoint[]): { trend: Trend; perWeek: number | null } {
  const xs: number[] = [];
  const ys: number[] = [];
  points.forEach((p, i) => {
    if (p.rate === null) return;
    xs.push(i);
    ys.push(p.rate);
  });
  if (xs.length < 4) return { trend: "unknown", perWeek: null };
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const slope = num / den;
  return { trend: slope > 0.005 ? "rising" : slope < -0.005 ? "falling" : "flat", perWeek: slope };
}
