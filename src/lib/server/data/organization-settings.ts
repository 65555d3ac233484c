import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { isTimeZone, type TimeZone, type WeekStartsOn } from "@/lib/domain/dates";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

/** An admin widens (or narrows back) what leaders may do with teams and value streams. */
export async function setLeadersManageTeams(ctx: MemberContext, allowed: boolean): Promise<void> {
  await authorize(ctx, "members.manage");
  await db().$transaction(async (tx) => {
    await tx.organization.update({ where: { id: ctx.orgId }, data: { leadersManageTeams: allowed } });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "organization.settings",
        targetType: "Organization",
        targetId: ctx.orgId,
        outcome: "ok",
        details: { leadersManageTeams: allowed },
      },
      tx,
    );
  });
}

/** Long enough for a large organisation's re-anchoring and summary rebuild (about 1 s per 100k observations). */
const REZONE_TRANSACTION = { timeout: 10 * 60_000, maxWait: 30_000 };

/**
 * An admin sets where the organisation's days and weeks begin (docs/decisions/021). A new week start only changes
 * how days are grouped when read. A new zone moves days themselves, so in the same transaction, under the
 * organisation's row lock and its "observation.rezone" lock (which the daily-summary trigger waits on): every
 * day-only observation goes to midday of the same calendar day in the new zone, and the organisation's daily
 * summary is rebuilt from the raw rows in the new zone. Timed observations keep their instant and may fall on
 * another local day, as they should.
 */
export async function setOrganizationCalendar(
  ctx: MemberContext,
  input: { timeZone: TimeZone; weekStartsOn: WeekStartsOn },
): Promise<{ rezoned: number }> {
  await authorize(ctx, "members.manage");
  if (!isTimeZone(input.timeZone) || !(await databaseKnowsZone(input.timeZone)))
    throw new RuleError("Choose a time zone from the list.", "timeZone");
  return db().$transaction(async (tx) => {
    // The row first, then the rezone lock, always in this order. NO KEY UPDATE, not UPDATE: an observation insert
    // holds a key-share lock on the row (its foreign key) while its trigger waits for the rezone lock, and a full
    // UPDATE lock would wait for that insert in turn (a deadlock, seen on PostgreSQL).
    const [org] = await tx.$queryRaw<{ timeZone: string; weekStartsOn: number }[]>`
      SELECT "timeZone", "weekStartsOn" FROM "Organization" WHERE "id" = ${ctx.orgId} FOR NO KEY UPDATE`;
    if (!org) throw new RuleError("This organisation no longer exists.");
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`observation.rezone:${ctx.orgId}`}, 0))`;
    await tx.organization.update({
      where: { id: ctx.orgId },
      data: { timeZone: input.timeZone, weekStartsOn: input.weekStartsOn },
    });
    const rezoned = org.timeZone === input.timeZone ? 0 : await rezone(tx, ctx.orgId, org.timeZone, input.timeZone);
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "organization.calendar",
        targetType: "Organization",
        targetId: ctx.orgId,
        outcome: "ok",
        details: {
          from: { timeZone: org.timeZone, weekStartsOn: Number(org.weekStartsOn) },
          to: { timeZone: input.timeZone, weekStartsOn: input.weekStartsOn },
          dayOnlyObservationsMoved: rezoned,
        },
      },
      tx,
    );
    return { rezoned };
  }, REZONE_TRANSACTION);
}

/**
 * The daily-summary trigger converts in the database, whose zone files may be older than the runtime's Intl (a zone
 * added since would make every observation write fail): the zone must be known to both.
 */
export async function databaseKnowsZone(zone: TimeZone): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT (now() AT TIME ZONE ${zone})::text AS t`;
    return true;
  } catch {
    return false;
  }
}

/**
 * Re-anchors the organisation's day-only observations from `from` to `to` and rebuilds its daily summary in `to`
 * (the organisation row already says `to`). The trigger is switched off for this transaction only: it would
 * otherwise move each row's counts one by one, and the rebuild below replaces them all at once.
 */
async function rezone(tx: Prisma.TransactionClient, orgId: string, from: TimeZone, to: TimeZone): Promise<number> {
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
export async function rebuildObservationDaily(tx: Prisma.TransactionClient, orgId: string, zone: TimeZone) {
  await tx.$executeRaw`DELETE FROM "ObservationDaily" WHERE "organizationId" = ${orgId}`;
  await tx.$executeRaw`
    INSERT INTO "ObservationDaily" ("organizationId", "behaviourId", "teamId", "day", "performed", "missed")
    SELECT "organizationId", "behaviourId", "teamId", (("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone})::date,
           SUM("performed")::int, SUM("missed")::int
      FROM "Observation" WHERE "organizationId" = ${orgId}
     GROUP BY 1, 2, 3, 4
     ORDER BY 2, 3, 4`;
}
