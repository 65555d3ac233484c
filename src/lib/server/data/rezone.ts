import "server-only";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import type { TimeZone, WeekStartsOn } from "@/lib/domain/dates";
import type { Prisma } from "@/generated/prisma/client";

// The one locked transaction that moves an organisation to a new calendar (docs/decisions/021 and 027), shared by
// the admin's request (small organisations) and the "observations.rezone" job (large ones).

type Tx = Prisma.TransactionClient;
export interface CalendarInput {
  timeZone: TimeZone;
  weekStartsOn: WeekStartsOn;
}

/** Long enough for a large organisation's re-anchoring and summary rebuild (about 2.3 s per 100k observations). */
export const REZONE_TRANSACTION = { timeout: 10 * 60_000, maxWait: 30_000 };

/**
 * The organisation row, locked, with its calendar as it is. The row first, then the rezone lock, always in this
 * order. NO KEY UPDATE, not UPDATE: an observation insert holds a key-share lock on the row (its foreign key) while
 * its trigger waits for the rezone lock, and a full UPDATE lock would wait for that insert in turn (a deadlock, seen
 * on PostgreSQL). Every calendar change and every pending-change claim takes this lock, so they run one at a time.
 */
export async function lockOrganizationCalendar(tx: Tx, orgId: string): Promise<CalendarInput> {
  const [org] = await tx.$queryRaw<{ timeZone: string; weekStartsOn: number }[]>`
    SELECT "timeZone", "weekStartsOn" FROM "Organization" WHERE "id" = ${orgId} FOR NO KEY UPDATE`;
  if (!org) throw new RuleError("This organisation no longer exists.");
  return { timeZone: org.timeZone as TimeZone, weekStartsOn: Number(org.weekStartsOn) as WeekStartsOn };
}

/**
 * Sets the calendar of the organisation whose row `lockOrganizationCalendar` locked (`from` is what it returned)
 * and audits it as `organization.calendar` by `actorUserId`. A new week start only changes how days are grouped
 * when read. A new zone moves days themselves, so under the organisation's "observation.rezone" lock (which the
 * daily-summary trigger waits on): every day-only observation goes to midday of the same calendar day in the new
 * zone, and the organisation's daily summary is rebuilt from the raw rows in the new zone. Timed observations keep
 * their instant and may fall on another local day, as they should. Returns how many day-only entries moved.
 */
export async function applyCalendar(
  tx: Tx,
  orgId: string,
  from: CalendarInput,
  to: CalendarInput,
  audit: { actorUserId: string | null; details?: Record<string, string | number | boolean> },
): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`observation.rezone:${orgId}`}, 0))`;
  await tx.organization.update({
    where: { id: orgId },
    data: { timeZone: to.timeZone, weekStartsOn: to.weekStartsOn },
  });
  const rezoned = from.timeZone === to.timeZone ? 0 : await rezone(tx, orgId, from.timeZone, to.timeZone);
  await recordAudit(
    {
      organizationId: orgId,
      actorUserId: audit.actorUserId,
      action: "organization.calendar",
      targetType: "Organization",
      targetId: orgId,
      outcome: "ok",
      details: {
        from: { timeZone: from.timeZone, weekStartsOn: from.weekStartsOn },
        to: { timeZone: to.timeZone, weekStartsOn: to.weekStartsOn },
        dayOnlyObservationsMoved: rezoned,
        ...audit.details,
      },
    },
    tx,
  );
  return rezoned;
}

/**
 * Re-anchors the organisation's day-only observations from `from` to `to` and rebuilds its daily summary in `to`
 * (the organisation row already says `to`). The trigger is switched off for this transaction only: it would
 * otherwise move each row's counts one by one, and the rebuild below replaces them all at once.
 */
async function rezone(tx: Tx, orgId: string, from: TimeZone, to: TimeZone): Promise<number> {
  await tx.$executeRaw`SELECT set_config('conduct.daily_summary', 'off', true)`;
  // occurredAt is a UTC timestamp without zone: read it as UTC, take its calendar day in the old zone, and store
  // 12:00 of that day in the new zone, back as UTC (middayOf in domain/dates.ts, in SQL).
  const moved = await tx.$executeRaw`
    UPDATE "Observation"
       SET "occurredAt" = (((("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${from})::date + time '12:00')
                            AT TIME ZONE ${to}) AT TIME ZONE 'UTC'
     WHERE "organizationId" = ${orgId} AND "dayOnly"`;
  await rebuildObservationDaily(tx, orgId, to);
  await tx.$executeRaw`SELECT set_config('conduct.daily_summary', 'on', true)`;
  return moved;
}

/** The organisation's daily summary, recomputed from its raw observations in `zone` (its own zone). */
async function rebuildObservationDaily(tx: Tx, orgId: string, zone: TimeZone) {
  await tx.$executeRaw`DELETE FROM "ObservationDaily" WHERE "organizationId" = ${orgId}`;
  await tx.$executeRaw`
    INSERT INTO "ObservationDaily" ("organizationId", "behaviourId", "teamId", "day", "performed", "missed")
    SELECT "organizationId", "behaviourId", "teamId", (("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone})::date,
           SUM("performed")::int, SUM("missed")::int
      FROM "Observation" WHERE "organizationId" = ${orgId}
     GROUP BY 1, 2, 3, 4
     ORDER BY 2, 3, 4`;
}

/**
 * Whether the organisation has more than `limit` observations: a bounded count (at most limit + 1 index entries
 * are read), so the question costs the same for an organisation of 60 thousand or 60 million rows.
 */
export async function observationsExceed(tx: Tx, orgId: string, limit: number): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Observation" WHERE "organizationId" = ${orgId} LIMIT ${limit + 1}
    ) AS bounded`;
  return Number(row?.n ?? 0) > limit;
}
