import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import { enqueueMany } from "../jobs/queue";
import { deliver } from "./inbox";
import { applyCalendar, lockOrganizationCalendar, REZONE_TRANSACTION, type CalendarInput } from "./rezone";
import { calendarChanged } from "@/lib/domain/inbox";
import { isWeekStartsOn, MONDAY, type TimeZone, type WeekStartsOn } from "@/lib/domain/dates";
import { WEEK_START_LABELS, type PendingCalendarChangeDto } from "@/lib/schemas/calendar";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

// A large organisation's time-zone change, done by the "observations.rezone" job (docs/decisions/027). The
// CalendarChange row is the outbox: written (and audited as requested) in the admin's transaction, nudged after
// commit, re-nudged by the outbox sweep if that nudge was lost, and deleted by the job in the transaction that
// applies it.

type Tx = Prisma.TransactionClient;

/** Records the change for the job; the caller holds the organisation's row lock and found no change pending. */
export async function recordCalendarChange(
  tx: Tx,
  ctx: MemberContext,
  from: CalendarInput,
  to: CalendarInput,
): Promise<{ id: string; dto: PendingCalendarChangeDto }> {
  const change = await tx.calendarChange.create({
    data: {
      organizationId: ctx.orgId,
      timeZone: to.timeZone,
      weekStartsOn: to.weekStartsOn,
      requestedById: ctx.membershipId,
    },
    select: { id: true, requestedAt: true },
  });
  await recordAudit(
    {
      organizationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "organization.calendar.requested",
      targetType: "Organization",
      targetId: ctx.orgId,
      outcome: "ok",
      details: { from: { ...from }, to: { ...to } },
    },
    tx,
  );
  return {
    id: change.id,
    dto: { ...to, requestedAt: change.requestedAt.toISOString(), requestedBy: ctx.userName },
  };
}

/** The change still waiting in this organisation, if any (admins: the settings page's calendar section). */
export async function pendingCalendarChange(ctx: MemberContext): Promise<PendingCalendarChangeDto | null> {
  await authorize(ctx, "members.manage");
  const change = await db().calendarChange.findUnique({
    where: { organizationId: ctx.orgId },
    select: {
      timeZone: true,
      weekStartsOn: true,
      requestedAt: true,
      requestedBy: { select: { user: { select: { name: true } } } },
    },
  });
  if (!change) return null;
  return {
    timeZone: change.timeZone as TimeZone,
    weekStartsOn: isWeekStartsOn(change.weekStartsOn) ? change.weekStartsOn : MONDAY,
    requestedAt: change.requestedAt.toISOString(),
    requestedBy: change.requestedBy?.user.name ?? null,
  };
}

/** Queues the job for changes still waiting (after the transaction that wrote them committed; never inside one). */
export async function nudgeCalendarChanges(changeIds: string[]): Promise<void> {
  if (changeIds.length === 0) return;
  const rows = await db().calendarChange.findMany({
    where: { id: { in: changeIds } },
    select: { id: true, organizationId: true },
  });
  await enqueueMany(
    "observations.rezone",
    rows.map((r) => ({ data: { organizationId: r.organizationId, changeId: r.id }, singletonKey: `rezone:${r.id}` })),
  );
}

/**
 * The "observations.rezone" job: applies one waiting change, once. Under the organisation's row lock the job
 * deletes the change (the claim): a retried, duplicated or concurrent job for the same change waits for the lock,
 * then finds nothing to delete and returns. If anything fails, the transaction rolls back with the row, so the
 * retry finds it again. The audit event's actor is the admin who asked, and they hear in their inbox.
 */
export async function applyCalendarChange(changeId: string): Promise<{ applied: boolean; rezoned: number }> {
  const found = await db().calendarChange.findUnique({ where: { id: changeId }, select: { organizationId: true } });
  if (!found) return { applied: false, rezoned: 0 };
  const orgId = found.organizationId;
  return db().$transaction(async (tx) => {
    const from = await lockOrganizationCalendar(tx, orgId);
    const [change] = await tx.$queryRaw<
      { timeZone: string; weekStartsOn: number; requestedById: string | null; requestedAt: Date }[]
    >`DELETE FROM "CalendarChange" WHERE "id" = ${changeId} AND "organizationId" = ${orgId}
      RETURNING "timeZone", "weekStartsOn", "requestedById", "requestedAt"`;
    if (!change) return { applied: false, rezoned: 0 };
    const to = { timeZone: change.timeZone as TimeZone, weekStartsOn: Number(change.weekStartsOn) as WeekStartsOn };
    const requester = change.requestedById
      ? await tx.membership.findFirst({
          where: { id: change.requestedById, organizationId: orgId },
          select: { id: true, userId: true, status: true },
        })
      : null;
    const rezoned = await applyCalendar(tx, orgId, from, to, {
      actorUserId: requester?.userId ?? null,
      details: { requestedAt: new Date(change.requestedAt).toISOString(), byJob: true },
    });
    if (requester?.status === "ACTIVE")
      await deliver(tx, [requester.id], {
        organizationId: orgId,
        kind: "calendar.changed",
        subjectId: orgId,
        text: calendarChanged({
          timeZone: to.timeZone,
          weekStartsOn: WEEK_START_LABELS[to.weekStartsOn],
          moved: rezoned,
        }),
      });
    return { applied: true, rezoned };
  }, REZONE_TRANSACTION);
}
