// Calendar arithmetic for the whole app: which day an instant falls on, where a week starts, how long a period is.
// Decided once here so that the dashboards, the log, imports and the seed can never disagree by a day.
//
// A day is a "YYYY-MM-DD" string (IsoDate). A calendar day has no time zone, so arithmetic on days is exact and the
// same on every machine. A time zone matters only where an instant becomes a day or a day becomes instants; those
// functions take one, defaulting to UTC: every figure is bucketed by UTC day today (the daily summary's day is the
// UTC day of the observation), and an organisation's own zone can be passed once it has one.
//
// Weeks start on the organisation's week start (ISO weekday: 1 Monday … 7 Sunday), Monday by default as ISO 8601
// and the dashboards always counted them (docs/decisions/021). Instants come back as plain Dates,
// never as TZDate: a TZDate serialises with its offset ("…+02:00"), which Prisma, JSON DTOs and test equality would
// each treat differently from the Date they expect. Pure: date-fns with @date-fns/tz and @date-fns/utc.
import { TZDateMini } from "@date-fns/tz/date/mini";
import { UTCDateMini } from "@date-fns/utc/date/mini";
import {
  addDays as addCalendarDays,
  addMonths as addCalendarMonths,
  differenceInCalendarDays,
  formatISO,
  isWeekend as isSaturdayOrSunday,
  lastDayOfMonth,
  setHours,
  startOfWeek,
  type ContextFn,
} from "date-fns";

/** A calendar day, "YYYY-MM-DD". */
export type IsoDate = string;
/** A calendar month, "YYYY-MM". */
export type IsoMonth = string;
/** An IANA time zone name ("Europe/Berlin") or "UTC". */
export type TimeZone = string;
/** The ISO weekday a week starts on: 1 Monday, 6 Saturday, 7 Sunday. */
export type WeekStartsOn = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** Where an organisation's days and weeks begin: what every "today" and every week needs. */
export interface Calendar {
  timeZone: TimeZone;
  weekStartsOn: WeekStartsOn;
}
export const MONDAY: WeekStartsOn = 1;
export const UTC_CALENDAR: Calendar = { timeZone: "UTC", weekStartsOn: 1 };

/** Whether `n` is an ISO weekday a week can start on. */
export function isWeekStartsOn(n: unknown): n is WeekStartsOn {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 7;
}

/** Both ends inclusive, from ≤ to. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export const UTC: TimeZone = "UTC";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

// ——— Validation

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(s: string): s is IsoDate {
  return utcMidnight(s) !== null;
}

/** A real month written YYYY-MM. */
export function isIsoMonth(s: string): s is IsoMonth {
  const m = typeof s === "string" ? ISO_MONTH.exec(s) : null;
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** A time zone name this runtime knows (Intl decides, as it does for every conversion here). */
export function isTimeZone(zone: string): zone is TimeZone {
  if (typeof zone !== "string" || zone === "") return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The UTC midnight of a real YYYY-MM-DD day, or null. */
function utcMidnight(s: string): Date | null {
  const m = typeof s === "string" ? ISO_DATE.exec(s) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  // setFullYear, not the constructor: that reads years 0–99 as 1900–1999. Date rolls 2026-02-30 over into March;
  // reading the fields back catches it.
  const date = new UTCDateMini(0);
  date.setFullYear(y, mo, d);
  return date.getFullYear() === y && date.getMonth() === mo && date.getDate() === d ? date : null;
}

type Context = { in: ContextFn<Date> };
// UTC has no daylight saving time, so UTCDate does its sums exactly as TZDate would, some 50 times faster (TZDate asks
// Intl for the offset on every field it sets), and UTC is the default on every request path. The Mini classes suffice
// (nothing here formats through them) and are the smaller ones to ship: client components import this module too.
const UTC_CONTEXT: Context = { in: (value) => new UTCDateMini(+new Date(value)) };
const zoned = /* @__PURE__ */ new Map<TimeZone, Context>();

/** The date-fns context of a zone. An unknown zone is a RangeError here rather than NaN dates further on. */
function inZone(zone: TimeZone): Context {
  if (zone === UTC) return UTC_CONTEXT;
  let c = zoned.get(zone);
  if (!c) {
    if (!isTimeZone(zone)) throw new RangeError(`not a time zone: ${String(zone)}`);
    c = { in: (value) => new TZDateMini(+new Date(value), zone) };
    zoned.set(zone, c);
  }
  return c;
}

/** The first instant of `day` in `zone`: midnight, or where DST skips midnight, the first time that exists. */
function midnight(day: IsoDate, zone: TimeZone = UTC): Date {
  const d = utcMidnight(day);
  if (!d) throw new RangeError(`not a YYYY-MM-DD date: ${String(day)}`);
  if (inZone(zone) === UTC_CONTEXT) return d;
  const local = new TZDateMini(2000, 0, 1, zone);
  local.setFullYear(d.getFullYear(), d.getMonth(), d.getDate());
  return local;
}

function instant(at: Date | number): Date {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) throw new RangeError("not a valid date");
  return d;
}

function whole(n: number, what: string, min = -Infinity): number {
  if (!Number.isInteger(n) || n < min)
    throw new RangeError(`${what} must be a whole number${min > -Infinity ? ` ≥ ${min}` : ""} (got ${n})`);
  return n;
}

const plain = (d: Date): Date => new Date(d.getTime());
const format = (d: Date, zone: TimeZone = UTC): IsoDate => formatISO(d, { representation: "date", ...inZone(zone) });

/**
 * The earliest day the app records. Conduct's data are about teams' recent habits; a day before
 * this is a typing slip (0000-01-01 even reached the database, which has no year 0, as a 500).
 */
export const EARLIEST_DAY: IsoDate = "2000-01-01";
export const EARLIEST_DAY_MESSAGE = "Enter a date in 2000 or later.";

// ——— Instants and days (these need a time zone)

/** The calendar day an instant falls on in `zone`. */
export function dayOf(at: Date | number, zone: TimeZone = UTC): IsoDate {
  return format(instant(at), zone);
}

/** The wall-clock time an instant shows in `zone`, "HH:MM:SS" (24-hour): with dayOf, the local moment. */
export function timeOf(at: Date | number, zone: TimeZone = UTC): string {
  return formatISO(instant(at), { representation: "time", ...inZone(zone) }).slice(0, 8);
}

/** The zone a person reads times in: their own when set and known, else the organisation's. */
export function displayZoneOf(personal: string | null | undefined, organisation: TimeZone): TimeZone {
  return personal && isTimeZone(personal) ? personal : isTimeZone(organisation) ? organisation : UTC;
}

/** Today's date in `zone`. */
export function currentDay(zone: TimeZone = UTC): IsoDate {
  return dayOf(new Date(), zone);
}

/** The instant `day` begins in `zone`. */
export function dayStart(day: IsoDate, zone: TimeZone = UTC): Date {
  return plain(midnight(day, zone));
}

/**
 * 12:00 on `day` in `zone`: the instant given to an observation dated by day only (a batch, an import), as far as
 * possible from either midnight so that it stays on that day.
 */
export function middayOf(day: IsoDate, zone: TimeZone = UTC): Date {
  return plain(setHours(midnight(day, zone), 12, inZone(zone)));
}

/** Whole days `from`–`to` (either end optional, both inclusive) as the half-open range of instants they cover. */
export function instantRange(days: Partial<Period>, zone: TimeZone = UTC): { gte?: Date; lt?: Date } {
  return {
    ...(days.from ? { gte: dayStart(days.from, zone) } : {}),
    ...(days.to ? { lt: dayStart(addDays(days.to, 1), zone) } : {}),
  };
}

/** The same wall-clock time `days` calendar days later in `zone` (a DST change makes that 23 or 25 hours a day). */
export function daysAfter(at: Date | number, days: number, zone: TimeZone = UTC): Date {
  return plain(addCalendarDays(instant(at), whole(days, "days"), inZone(zone)));
}

/** The same wall-clock time `days` calendar days earlier in `zone`. */
export function daysBefore(at: Date | number, days: number, zone: TimeZone = UTC): Date {
  return daysAfter(at, -whole(days, "days"), zone);
}

// ——— Date-only values

/**
 * The Date that stands for a calendar day: its UTC midnight, whatever the time zone. That is how Prisma writes and
 * reads a @db.Date column (and how a day-only DateTime such as an intervention's start is kept), so it must not shift
 * with a zone: passing an organisation's zone here would move the stored day.
 */
export function dateOnly(day: IsoDate): Date {
  return dayStart(day);
}

/** The calendar day a date-only value (see dateOnly) stands for. */
export function fromDateOnly(value: Date): IsoDate {
  return dayOf(value);
}

// ——— Arithmetic on days (no time zone: a day is a day)

/** `day` moved by `days` calendar days (negative: earlier). */
export function addDays(day: IsoDate, days: number): IsoDate {
  return format(addCalendarDays(midnight(day), whole(days, "days"), UTC_CONTEXT));
}

/** Calendar days from `from` to `to`: 1 from a day to the next, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(midnight(to), midnight(from), UTC_CONTEXT);
}

/** Days since 1970-01-01: a number line for regressions and lags over days. */
export function dayNumber(day: IsoDate): number {
  return daysBetween("1970-01-01", day);
}

/** Saturday or Sunday. */
export function isWeekend(day: IsoDate): boolean {
  return isSaturdayOrSunday(midnight(day), UTC_CONTEXT);
}

// ——— Weeks (from the week start, Monday by default, to the day before the next one)

/** date-fns counts weekdays from Sunday = 0; ISO from Monday = 1 to Sunday = 7. */
function dateFnsWeekStart(weekStartsOn: WeekStartsOn): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  if (!isWeekStartsOn(weekStartsOn)) throw new RangeError(`not an ISO weekday 1–7: ${String(weekStartsOn)}`);
  return (weekStartsOn % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** The first day of `day`'s week, for weeks starting on `weekStartsOn` (Monday by default). */
export function weekStart(day: IsoDate, weekStartsOn: WeekStartsOn = MONDAY): IsoDate {
  return format(startOfWeek(midnight(day), { weekStartsOn: dateFnsWeekStart(weekStartsOn), ...UTC_CONTEXT }));
}

/** The first days of the last `weeks` weeks up to and including `day`'s week, oldest first. */
export function weekStarts(day: IsoDate, weeks: number, weekStartsOn: WeekStartsOn = MONDAY): IsoDate[] {
  const last = weekStart(day, weekStartsOn);
  return Array.from({ length: whole(weeks, "weeks", 0) }, (_, i) => addDays(last, (i - weeks + 1) * 7));
}

/** How many weeks a period touches, partial ones included. */
export function weeksIn(period: Period, weekStartsOn: WeekStartsOn = MONDAY): number {
  periodLength(period);
  return daysBetween(weekStart(period.from, weekStartsOn), weekStart(period.to, weekStartsOn)) / 7 + 1;
}

// ——— Periods

/** Both ends inclusive: 1 for a single day. */
export function periodLength(period: Period): number {
  const n = daysBetween(period.from, period.to) + 1;
  if (n < 1) throw new RangeError(`a period must not end before it starts: ${period.from} – ${period.to}`);
  return n;
}

/** The `days` days ending with `day`. */
export function lastDays(day: IsoDate, days: number): Period {
  return { from: addDays(day, -(whole(days, "days", 1) - 1)), to: day };
}

/** From the start of the week `weeks − 1` weeks before `day`'s week to `day`: whole weeks, the current one so far. */
export function lastWeeks(day: IsoDate, weeks: number, weekStartsOn: WeekStartsOn = MONDAY): Period {
  return { from: addDays(weekStart(day, weekStartsOn), -(whole(weeks, "weeks", 1) - 1) * 7), to: day };
}

/** The period of the same length that ends the day before `period` starts. */
export function periodBefore(period: Period): Period {
  const n = periodLength(period);
  return { from: addDays(period.from, -n), to: addDays(period.from, -1) };
}

// ——— Months

function monthStart(month: IsoMonth): Date {
  if (!isIsoMonth(month)) throw new RangeError(`not a YYYY-MM month: ${String(month)}`);
  return midnight(`${month}-01`);
}

/** The month `day` is in. */
export function monthOf(day: IsoDate): IsoMonth {
  return format(midnight(day)).slice(0, 7);
}

/** `month` moved by `months` (negative: earlier). */
export function addMonths(month: IsoMonth, months: number): IsoMonth {
  return format(addCalendarMonths(monthStart(month), whole(months, "months"), UTC_CONTEXT)).slice(0, 7);
}

/** The month's last day: 28, 29, 30 or 31. */
export function lastDayOf(month: IsoMonth): IsoDate {
  return format(lastDayOfMonth(monthStart(month), UTC_CONTEXT));
}

// ——— Display (en-GB, as the whole interface). A calendar day is shown as itself, so these format in UTC.

// Pure annotations let a bundler drop the formatters from pages that use none of them.
const DAY_FORMAT = /* @__PURE__ */ new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: UTC,
});
const SHORT_DAY_FORMAT = /* @__PURE__ */ new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: UTC,
});
const MONTH_FORMAT = /* @__PURE__ */ new Intl.DateTimeFormat("en-GB", {
  month: "short",
  year: "numeric",
  timeZone: UTC,
});

/** "2026-11-20" → "20 Nov 2026". */
export function formatDay(day: IsoDate): string {
  return DAY_FORMAT.format(dateOnly(day));
}

/** "2026-11-16" → "16 Nov" (a week's Monday on a chart). */
export function formatShortDay(day: IsoDate): string {
  return SHORT_DAY_FORMAT.format(dateOnly(day));
}

/** "2026-11" → "Nov 2026". */
export function formatMonth(month: IsoMonth): string {
  return MONTH_FORMAT.format(plain(monthStart(month)));
}

// ——— Instants shown to a viewer: date-instants.ts (formatInstant, formatAt, formatSpan).

// ——— Charts (issue 14): one format for every chart, its table and its export, so a week never reads "11-16" in one
// place and "16 Nov" in another, and a range that crosses a new year never leaves a reader guessing which year.

/**
 * The label formatter for a chart's time axis over `days`: "16 Nov" while every day falls in one year (the frame
 * states the year in its date range), "16 Nov 2026" on every tick once the range crosses a year.
 */
export function chartDayLabel(days: readonly IsoDate[]): (day: IsoDate) => string {
  const years = new Set(days.map((d) => monthOf(d).slice(0, 4)));
  return years.size > 1 ? formatDay : formatShortDay;
}

/** The range a chart covers, "22 Jun 2026 – 16 Nov 2026" (each end with its year); one day is shown once. */
export function formatDayRange(days: readonly IsoDate[]): string {
  if (days.length === 0) return "";
  const sorted = [...days].sort();
  const [from, to] = [sorted[0]!, sorted.at(-1)!];
  return from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`;
}

/** ISO weekdays, in the order the select shows them. */
export const WEEK_START_LABELS: Record<WeekStartsOn, string> = {
  1: "Monday",
  2: "Tuesday",
  3: "Wednesday",
  4: "Thursday",
  5: "Friday",
  6: "Saturday",
  7: "Sunday",
};
