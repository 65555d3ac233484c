// Participation that resists box-ticking (issue 18 §3). A team's weekly observation target, the
// share of its members who logged lately, and when near-perfect adoption on many observations is
// worth a second observer's look. Pure: the data layer hands in per-observer, per-day counts.
import { addDays, weekStarts, type Calendar, type IsoDate } from "./dates";

/** Participation counts who logged at least one entry in the last 14 days (both ends included). */
export const PARTICIPATION_DAYS = 14;
/** The trend shown beside it: the last 8 weeks, the current one so far. */
export const TREND_WEEKS = 8;
/** A team whose adoption over the last 14 days is at least this… */
export const NEAR_FULL_ADOPTION = 0.95;
/** …on at least this many observed opportunities is flagged for a spot check. */
export const HIGH_VOLUME = 50;
/** The largest weekly target a form accepts (the column is an integer; beyond this it is a typo). */
export const MAX_TARGET = 10_000;

/** What one observer (null: anonymous, or someone no longer a member) logged for the team on one day. */
export interface ObserverDay {
  observerId: string | null;
  day: IsoDate;
  /** Entries (one per tap or batch). */
  entries: number;
  /** Opportunities observed: performed + missed (a batch of 5 counts 5). */
  performed: number;
  missed: number;
}

export interface Participation {
  /** The team's active members now. */
  members: number;
  /** Of them, how many logged at least one entry in the window. */
  loggers: number;
  /** loggers / members, null for a team with no active members. */
  rate: number | null;
}

export interface ParticipationWeek {
  weekStart: IsoDate;
  /** The week's last day, or today for the current week. */
  weekEnd: IsoDate;
  /** Opportunities observed in the week. */
  observations: number;
  /** The team's target, null when none is set. */
  target: number | null;
  /** Participation over the 14 days ending on weekEnd, against today's members. */
  participation: Participation;
}

export interface ParticipationSummary {
  target: number | null;
  /** The last 14 days, today included. */
  window: { from: IsoDate; to: IsoDate };
  current: Participation;
  /** Entries with no observer in the window: anonymous ones (and those of people since removed). */
  unattributedEntries: number;
  /** Opportunities observed in the window, and how many were performed. */
  observed: { performed: number; opportunities: number };
  weeks: ParticipationWeek[];
  flag: SpotCheckFlag | null;
}

export function participation(members: number, loggers: number): Participation {
  if (!Number.isInteger(members) || members < 0) throw new RangeError(`members must be a whole number ≥ 0`);
  if (!Number.isInteger(loggers) || loggers < 0 || loggers > members)
    throw new RangeError(`loggers must be a whole number from 0 to members (${loggers} of ${members})`);
  return { members, loggers, rate: members === 0 ? null : loggers / members };
}

/** The 14-day window ending on `day`, both ends included. */
export function participationWindow(day: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(day, -(PARTICIPATION_DAYS - 1)), to: day };
}

/** Who of `memberIds` logged a named entry between from and to (both included). */
function loggersIn(rows: readonly ObserverDay[], memberIds: ReadonlySet<string>, from: IsoDate, to: IsoDate): number {
  const seen = new Set<string>();
  for (const r of rows)
    if (r.observerId !== null && memberIds.has(r.observerId) && r.day >= from && r.day <= to && r.entries > 0)
      seen.add(r.observerId);
  return seen.size;
}

export interface SpotCheckFlag {
  rate: number;
  performed: number;
  opportunities: number;
  reason: string;
}

/**
 * Quotas are known to produce made-up observations: a team reporting near-perfect adoption over
 * many observations is worth a second observer's look. Not an accusation: a prompt to check.
 */
export function spotCheckFlag(observed: { performed: number; opportunities: number }): SpotCheckFlag | null {
  const { performed, opportunities } = observed;
  if (opportunities < HIGH_VOLUME || opportunities === 0) return null;
  const rate = performed / opportunities;
  if (rate < NEAR_FULL_ADOPTION) return null;
  return {
    rate,
    performed,
    opportunities,
    reason:
      `${Math.floor(rate * 1000) / 10}% adoption (${performed} of ${opportunities}) over the last ${PARTICIPATION_DAYS} days: ` +
      `at least ${Math.round(NEAR_FULL_ADOPTION * 100)}% on ${HIGH_VOLUME} or more observations is rare. ` +
      `A spot check by a second observer shows whether the entries match what someone else sees.`,
  };
}

/**
 * Everything the participation panel shows, from per-observer day counts covering at least the
 * trend's weeks plus the 13 days before the first (so the first week's participation is whole).
 * Participation is measured against today's active members: the app keeps no history of who was
 * in a team when, and the panel says so.
 */
export function summariseParticipation(input: {
  rows: readonly ObserverDay[];
  memberIds: readonly string[];
  target: number | null;
  today: IsoDate;
  calendar: Calendar;
  weeks?: number;
}): ParticipationSummary {
  const { rows, target, today, calendar } = input;
  const members = new Set(input.memberIds);
  const window = participationWindow(today);
  const inWindow = rows.filter((r) => r.day >= window.from && r.day <= window.to);
  const observed = inWindow.reduce(
    (acc, r) => ({ performed: acc.performed + r.performed, opportunities: acc.opportunities + r.performed + r.missed }),
    { performed: 0, opportunities: 0 },
  );
  const weeks = weekStarts(today, input.weeks ?? TREND_WEEKS, calendar.weekStartsOn).map((weekStart) => {
    const last = addDays(weekStart, 6);
    const weekEnd = last < today ? last : today;
    const observations = rows
      .filter((r) => r.day >= weekStart && r.day <= weekEnd)
      .reduce((n, r) => n + r.performed + r.missed, 0);
    const w = participationWindow(weekEnd);
    return {
      weekStart,
      weekEnd,
      observations,
      target,
      participation: participation(members.size, loggersIn(rows, members, w.from, w.to)),
    };
  });
  return {
    target,
    window,
    current: participation(members.size, loggersIn(rows, members, window.from, window.to)),
    unattributedEntries: inWindow.filter((r) => r.observerId === null).reduce((n, r) => n + r.entries, 0),
    observed,
    weeks,
    flag: spotCheckFlag(observed),
  };
}

/** "7 of 10 members (70%)", or what to do when the team has nobody. */
export function formatParticipation(p: Participation): string {
  if (p.rate === null) return "no active members yet";
  return `${p.loggers} of ${p.members} member${p.members === 1 ? "" : "s"} (${Math.round(p.rate * 100)}%)`;
}

/** "12 of 10 (met)", "4 of 10", or "12 (no target)". */
export function formatAgainstTarget(observations: number, target: number | null): string {
  if (target === null) return `${observations} (no target)`;
  return `${observations} of ${target}${observations >= target ? " (met)" : ""}`;
}
