// When scheduled notifications fall due: a weekly schedule (ISO weekdays and a local "HH:MM") in an IANA zone becomes
// instants, and an instant becomes the local period a send is recorded for (docs/decisions/022).
//
// Daylight saving time, decided once here: a local time that does not exist (the hour skipped on a spring-forward day)
// moves to the first minute that exists after it (01:30 on Europe/London's last Sunday of March is 02:00 BST); a local
// time that happens twice (the hour repeated on a fall-back day) happens once, at the first of the two. Pure: date-fns
// and @date-fns/tz; no process time zone is ever read.
import { tzOffset } from "@date-fns/tz";
import { getISOWeek, getISOWeekYear } from "date-fns";
import { addDays, dayOf, isIsoDate, isTimeZone, type IsoDate, type TimeZone } from "./dates";

/** ISO weekdays 1 (Monday) … 7 (Sunday), and a local time "HH:MM" (24-hour). */
export interface WeeklySchedule {
  weekdays: readonly number[];
  localTime: string;
}

export interface DueSlot {
  /** The instant the slot falls due. */
  at: Date;
  /** The local day it belongs to (the scheduled day, even when DST moved the minute). */
  day: IsoDate;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE = 60_000;

export function isLocalTime(s: string): boolean {
  return typeof s === "string" && TIME.test(s);
}

/** 1 = Monday … 7 = Sunday, for a calendar day. */
export function weekdayOf(day: IsoDate): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The local wall-clock fields of an instant in a zone, as minutes since the Unix epoch read as UTC. */
function wallMinutes(t: number, zone: TimeZone): number {
  return Math.round(t / MINUTE) + tzOffset(zone, new Date(t));
}

/**
 * The instant `day` at `time` happens in `zone`. A time skipped by DST gives the first minute after the gap; a time
 * that happens twice gives the first.
 */
export function localInstant(day: IsoDate, time: string, zone: TimeZone): Date {
  if (!isIsoDate(day)) throw new RangeError(`not a YYYY-MM-DD date: ${String(day)}`);
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`not a HH:MM time: ${String(time)}`);
  if (!isTimeZone(zone)) throw new RangeError(`not a time zone: ${String(zone)}`);
  // The wanted wall clock, as if it were UTC.
  const wall = Date.parse(`${day}T${m[1]}:${m[2]}:00Z`) / MINUTE;
  // The offsets in force around that day (at most two: before and after a transition).
  const offsets = new Set([-36 * 60, 0, 36 * 60].map((h) => tzOffset(zone, new Date((wall + h) * MINUTE))));
  const exact = [...offsets]
    .map((o) => (wall - o) * MINUTE)
    .filter((t) => wallMinutes(t, zone) === wall)
    .sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]!);
  // In a gap: the transition lies between the wall time read with the later offset and with the earlier one; the
  // first minute on or after it whose wall clock is past the wanted time is where the day resumes.
  const candidates = [...offsets].map((o) => (wall - o) * MINUTE).sort((a, b) => a - b);
  let lo = candidates[0]!;
  let hi = candidates[candidates.length - 1]!;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
    if (wallMinutes(mid, zone) > wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/**
 * The slots of a weekly schedule in `zone` that fall due in the window (after, until]: after < at ≤ until. One per
 * scheduled local day, in time order.
 */
export function dueSlots(schedule: WeeklySchedule, zone: TimeZone, after: Date, until: Date): DueSlot[] {
  if (!isLocalTime(schedule.localTime) || schedule.weekdays.length === 0 || until <= after) return [];
  const days = new Set(schedule.weekdays);
  const slots: DueSlot[] = [];
  // A day either side: the window's local days may start before or end after its UTC days.
  const last = addDays(dayOf(until, zone), 1);
  for (let day = addDays(dayOf(after, zone), -1); day <= last; day = addDays(day, 1)) {
    if (!days.has(weekdayOf(day))) continue;
    const at = localInstant(day, schedule.localTime, zone);
    if (at > after && at <= until) slots.push({ at, day });
  }
  return slots;
}

/** The latest slot due in the window, or null: after downtime only the most recent one is still worth sending. */
export function latestDue(schedule: WeeklySchedule, zone: TimeZone, after: Date, until: Date): DueSlot | null {
  const slots = dueSlots(schedule, zone, after, until);
  return slots[slots.length - 1] ?? null;
}

/** The first day of the week containing `day`, for weeks starting on ISO weekday `weekStartsOn` (1 Monday … 7). */
export function localWeekStart(day: IsoDate, weekStartsOn: number): IsoDate {
  return addDays(day, -((weekdayOf(day) - weekStartsOn + 7) % 7));
}

/**
 * The period key of the week containing `day` ("2026-W13"): the ISO week and week-year of the week's fourth day, so
 * that weeks starting on Monday get exactly their ISO 8601 key and weeks starting on another day a key just as unique.
 */
export function weekKey(day: IsoDate, weekStartsOn = 1): string {
  const middle = new Date(`${addDays(localWeekStart(day, weekStartsOn), 3)}T12:00:00Z`);
  return `${getISOWeekYear(middle)}-W${String(getISOWeek(middle)).padStart(2, "0")}`;
}

/** The period key of a local day: the day itself. */
export function dayKey(day: IsoDate): string {
  return day;
}

/** The organisation's weekly digest: its week-start day at 08:00 local. */
export function digestSchedule(weekStartsOn: number): WeeklySchedule {
  return { weekdays: [weekStartsOn], localTime: DIGEST_TIME };
}

export const DIGEST_TIME = "08:00";
/** Daily reminders (meetings tomorrow, actions due) go out at this local time. */
export const REMINDER_TIME = "09:00";
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;
