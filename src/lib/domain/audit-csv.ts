// The audit trail as CSV, for reviews outside the app. One row per event, newest first as given.
// Cells go through toCsv, which neutralises anything a spreadsheet would run as a formula: the
// details and the target of an event can carry text a user typed.
import { toCsv } from "./csv";
import { dayOf, timeOf, UTC, type TimeZone } from "./dates";

// target_name came later: it is last, so readers of the first eight columns by position keep working;
// so did the local columns after it. `at` is the instant (ISO 8601, UTC: unambiguous); day and
// local_time are the same moment on the organisation's clock, the zone named in time_zone, so the day
// matches the from/to filters (whole days in that zone).
export const AUDIT_COLUMNS = [
  "at",
  "actor",
  "action",
  "target_type",
  "target_id",
  "outcome",
  "ip",
  "details",
  "target_name",
  "day",
  "local_time",
  "time_zone",
] as const;

export interface AuditCsvRow {
  at: string;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  outcome: string;
  ip: string | null;
  details: string;
}

/**
 * The rows as CSV, after the header line unless `header` is false (a later page of a streamed
 * export), with local days and times in `zone` (the organisation's).
 */
export function auditEventsToCsv(rows: readonly AuditCsvRow[], zone: TimeZone = UTC, header = true): string {
  return toCsv([
    ...(header ? [[...AUDIT_COLUMNS]] : []),
    ...rows.map((r) => [
      r.at,
      r.actorName,
      r.action,
      r.targetType ?? "",
      r.targetId ?? "",
      r.outcome,
      r.ip ?? "",
      r.details,
      r.targetName ?? "",
      dayOf(new Date(r.at), zone),
      timeOf(new Date(r.at), zone),
      zone,
    ]),
  ]);
}

/** Details as JSON text, cut to `max` characters (the last one an ellipsis) when longer. */
export function detailsText(details: unknown, max = Infinity): string {
  if (details === null || details === undefined) return "";
  const text = JSON.stringify(details);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
