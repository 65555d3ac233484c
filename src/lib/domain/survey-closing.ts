// When a survey stops taking responses, and who is reminded the day before it does (docs/decisions/023). A survey
// closes by hand (status CLOSED) or by date: `closesOn` is the last local day, in the organisation's zone, on which
// it takes responses. "Closed" by date is derived from the day, never written by a clock, so the response check and
// the page agree at every instant without a job flipping rows. Pure: no process time zone is read.
import { addDays, dayStart, formatDay, type IsoDate, type TimeZone } from "./dates";
import { localInstant, REMINDER_TIME } from "./schedules";

export type SurveyStatus = "OPEN" | "CLOSED";

export interface SurveyClosing {
  status: SurveyStatus;
  closesOn: IsoDate | null;
}

/** Closed by hand, or `today` (the organisation's day) is after its closing day. */
export function isSurveyClosed(s: SurveyClosing, today: IsoDate): boolean {
  return s.status === "CLOSED" || (s.closesOn !== null && s.closesOn < today);
}

/** What a list or a page shows: "Open", "Open until 30 Mar 2026", "Closed" or "Closed on 30 Mar 2026". */
export function closingLabel(s: SurveyClosing, today: IsoDate): string {
  if (s.status === "CLOSED") return "Closed";
  if (s.closesOn === null) return "Open";
  return s.closesOn < today ? `Closed on ${formatDay(s.closesOn)}` : `Open until ${formatDay(s.closesOn)}`;
}

export const CLOSING_DAY_IN_PAST = "The closing day cannot be in the past.";

/** Why `day` cannot be chosen as a closing day on `today` (the organisation's day), or null when it can. */
export function closingDayProblem(day: IsoDate | null, today: IsoDate): string | null {
  return day !== null && day < today ? CLOSING_DAY_IN_PAST : null;
}

/** The instant a survey closing on `closesOn` stops taking responses: the next local midnight in `zone`. */
export function closesAt(closesOn: IsoDate, zone: TimeZone): Date {
  return dayStart(addDays(closesOn, 1), zone);
}

/** The local day its closing reminder goes out: the day before it closes. */
export function reminderDay(closesOn: IsoDate): IsoDate {
  return addDays(closesOn, -1);
}

/** The instant of the closing reminder: the day before, at the hour of the other daily reminders, in `zone`. */
export function reminderAt(closesOn: IsoDate, zone: TimeZone): Date {
  return localInstant(reminderDay(closesOn), REMINDER_TIME, zone);
}

/** Does a daily reminder slot of local day `slotDay` remind this survey? Only an open one closing the next day. */
export function remindsOn(s: SurveyClosing, slotDay: IsoDate): boolean {
  return s.status === "OPEN" && s.closesOn !== null && reminderDay(s.closesOn) === slotDay;
}

/**
 * Of the people asked, those still to answer: everyone whose fingerprint for this survey (`keyOf`, the keyed hash the
 * response stores instead of a name) is not among the survey's answers. Sorted, each once.
 */
export function stillToAnswer(
  asked: readonly string[],
  answeredKeys: ReadonlySet<string>,
  keyOf: (membershipId: string) => string,
): string[] {
  return [...new Set(asked)].filter((m) => !answeredKeys.has(keyOf(m))).sort();
}
