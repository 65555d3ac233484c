import { z } from "./zod";
import type { TimeZone, WeekStartsOn } from "@/lib/domain/dates";

/**
 * The zones a person may choose: the runtime's IANA list (Intl.supportedValuesOf) with "UTC" first, which the list
 * leaves out although every existing organisation uses it. Validation runs on the server, against the server's list.
 */
export function timeZoneNames(): readonly TimeZone[] {
  const names = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...names.filter((n) => n !== "UTC")];
}

let known: Set<string> | null = null;
const isKnownZone = (zone: string) => (known ??= new Set(timeZoneNames())).has(zone);

export const TimeZoneName = z
  .string({ error: "Choose a time zone." })
  .trim()
  .max(64, "Choose a time zone from the list.")
  .refine(isKnownZone, "Choose a time zone from the list.");

export { WEEK_START_LABELS } from "@/lib/domain/dates";

export const OrganizationCalendarInput = z.object({
  timeZone: TimeZoneName,
  weekStartsOn: z.coerce
    .number({ error: "Choose the day weeks start on." })
    .int("Choose the day weeks start on.")
    .min(1, "Choose the day weeks start on.")
    .max(7, "Choose the day weeks start on.")
    .transform((n) => n as WeekStartsOn),
});
export type OrganizationCalendarInput = z.infer<typeof OrganizationCalendarInput>;

/** A large organisation's time-zone change still waiting for its background job (docs/decisions/027). */
export interface PendingCalendarChangeDto {
  timeZone: TimeZone;
  weekStartsOn: WeekStartsOn;
  /** ISO instant; shown in the reader's display zone. */
  requestedAt: string;
  /** The requesting admin's name (null once their membership is gone). */
  requestedBy: string | null;
}

/** What saving the calendar did: applied at once, or left for the job (large organisations). */
export type CalendarChangeResult =
  { state: "applied"; rezoned: number } | { state: "pending"; change: PendingCalendarChangeDto };

/** A person's own display zone; empty means "the organisation's". */
export const PersonalTimeZoneInput = z.object({
  timeZone: z
    .string()
    .trim()
    .max(64, "Choose a time zone from the list.")
    .transform((v) => (v === "" ? null : v))
    .refine((v) => v === null || isKnownZone(v), "Choose a time zone from the list."),
});
export type PersonalTimeZoneInput = z.infer<typeof PersonalTimeZoneInput>;
