import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { isTimeZone, type TimeZone } from "@/lib/domain/dates";
import { formatAt } from "@/lib/domain/date-instants";
import type { CalendarChangeResult } from "@/lib/schemas/calendar";
import type { MemberContext } from "./accounts";
import { nudgeCalendarChanges, recordCalendarChange } from "./calendar-change";
import {
  applyCalendar,
  lockOrganizationCalendar,
  observationsExceed,
  REZONE_TRANSACTION,
  type CalendarInput,
} from "./rezone";

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

/**
 * Above this many observations a time-zone change is left to the "observations.rezone" job (docs/decisions/027).
 * The change costs about 2.3 s per 100k observations on either database here, so 50,000 keeps the admin's request
 * near a second: well inside any proxy's timeout, and on the embedded database (one connection) about as long as
 * other requests are held up by a large import. Past it the request would grow with the organisation, so it only
 * records the change.
 */
export const REZONE_INLINE_LIMIT = 50_000;

/**
 * An admin sets where the organisation's days and weeks begin (docs/decisions/021). A new week start, or a new zone
 * in an organisation of at most `inlineLimit` observations, is applied here in one locked transaction
 * (`applyCalendar`). A new zone in a larger organisation is recorded as a CalendarChange in that same transaction
 * under the same row lock, and applied by the job, which tells the admin in their inbox. While a change waits,
 * another is refused (beside the zone field), whatever its size: it would race the job for what "the old zone" is.
 */
export async function setOrganizationCalendar(
  ctx: MemberContext,
  input: CalendarInput,
  options: { inlineLimit?: number } = {},
): Promise<CalendarChangeResult> {
  await authorize(ctx, "members.manage");
  if (!isTimeZone(input.timeZone) || !(await databaseKnowsZone(input.timeZone)))
    throw new RuleError("Choose a time zone from the list.", "timeZone");
  const limit = options.inlineLimit ?? REZONE_INLINE_LIMIT;
  const outcome = await db().$transaction(async (tx) => {
    const from = await lockOrganizationCalendar(tx, ctx.orgId);
    const waiting = await tx.calendarChange.findUnique({
      where: { organizationId: ctx.orgId },
      select: { timeZone: true, requestedAt: true },
    });
    if (waiting)
      throw new RuleError(
        `The time zone is still changing to ${waiting.timeZone} (asked ${formatAt(waiting.requestedAt, ctx.displayTimeZone, "dateTime")}). Wait until it is done, then change it again.`,
        "timeZone",
      );
    if (from.timeZone !== input.timeZone && (await observationsExceed(tx, ctx.orgId, limit))) {
      const { id, dto } = await recordCalendarChange(tx, ctx, from, input);
      return { state: "pending" as const, id, change: dto };
    }
    const rezoned = await applyCalendar(tx, ctx.orgId, from, input, { actorUserId: ctx.userId });
    return { state: "applied" as const, rezoned };
  }, REZONE_TRANSACTION);
  if (outcome.state === "applied") return outcome;
  // After the commit, never inside the transaction (docs/decisions/018); a lost nudge is the sweep's to redo.
  await nudgeCalendarChanges([outcome.id]);
  return { state: "pending", change: outcome.change };
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
