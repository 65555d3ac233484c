import "server-only";
import { db } from "../db";
import { recordRefusal } from "../authorize";
import { recordAudit } from "../audit";
import { ForbiddenError, NotFoundError, RuleError } from "../errors";
import { dateOnly, fromDateOnly } from "@/lib/domain/dates";
import { RITUAL_KIND_SPECS, agendaPeriodStart } from "@/lib/domain/rituals";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";
import { mayRun } from "./rituals";

export class AgendaConflictError extends RuleError {
  constructor() {
    super(
      "Someone else saved notes on this item since you opened it. Your text is still in the box: copy it, reload, and add it again.",
      "notes",
    );
  }
}

const CANNOT_RUN = "Only the ritual's facilitator or a manager can do that.";

/**
 * Runs a meeting's transaction; a refusal (not the facilitator, no seat) is recorded in the audit
 * trail once the transaction has ended, as authorize() records a role's refusal.
 */
async function audited<T>(ctx: MemberContext, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    return await db().$transaction(work);
  } catch (err) {
    if (err instanceof ForbiddenError)
      await recordRefusal({ organizationId: ctx.orgId, actorUserId: ctx.userId, permission: "rituals.manage" });
    throw err;
  }
}

async function audit(tx: Prisma.TransactionClient, ctx: MemberContext, action: string, targetId: string) {
  await recordAudit(
    {
      organizationId: ctx.orgId,
      actorUserId: ctx.userId,
      action,
      targetType: "RitualOccurrence",
      targetId,
      outcome: "ok",
    },
    tx,
  );
}

/**
 * Opens the meeting of `date` (or returns the one already open): its agenda starts from the kind's
 * template and covers the days since the previous meeting. The ritual row is locked, so two people
 * opening the same meeting at once get the same one, and so are the periods of meetings opened
 * out of order.
 */
export async function openOccurrence(ctx: MemberContext, ritualId: string, date: string): Promise<string> {
  return audited(ctx, async (tx) => {
    const [ritual] = await tx.$queryRaw<
      { id: string; kind: string; facilitatorId: string; archivedAt: Date | null; cadence: string }[]
    >`
      SELECT "id", "kind"::text, "facilitatorId", "archivedAt", "cadence"::text FROM "Ritual"
      WHERE "id" = ${ritualId} AND "organizationId" = ${ctx.orgId} FOR UPDATE`;
    if (!ritual) throw new NotFoundError();
    const existing = await tx.ritualOccurrence.findUnique({
      where: { ritualId_date: { ritualId, date: dateOnly(date) } },
      select: { id: true },
    });
    if (existing) return existing.id;
    if (!mayRun(ctx, ritual.facilitatorId)) throw new ForbiddenError(CANNOT_RUN);
    if (ritual.archivedAt) throw new RuleError("This ritual is archived: restore it to hold a meeting.", "date");
    const previous = await tx.ritualOccurrence.findFirst({
      where: { ritualId, cancelledAt: null, date: { lt: dateOnly(date) } },
      orderBy: { date: "desc" },
      select: { date: true },
    });
    const spec = RITUAL_KIND_SPECS[ritual.kind as keyof typeof RITUAL_KIND_SPECS];
    const occurrence = await tx.ritualOccurrence.create({
      data: {
        organizationId: ctx.orgId,
        ritualId,
        date: dateOnly(date),
        periodStart: dateOnly(
          agendaPeriodStart(ritual.cadence as never, date, previous ? fromDateOnly(previous.date) : null),
        ),
      },
      select: { id: true },
    });
    await tx.agendaItem.createMany({
      data: spec.agenda.map((item, position) => ({
        organizationId: ctx.orgId,
        occurrenceId: occurrence.id,
        section: item.section,
        position,
        title: item.title,
        prompt: item.prompt ?? "",
      })),
    });
    await audit(tx, ctx, "occurrence.open", occurrence.id);
    return occurrence.id;
  });
}

/** The occurrence with its ritual's facilitator and participants, locked when `lock` (agenda edits). */
async function occurrenceFor(tx: Prisma.TransactionClient, ctx: MemberContext, occurrenceId: string, lock: boolean) {
  if (lock) {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "RitualOccurrence"
      WHERE "id" = ${occurrenceId} AND "organizationId" = ${ctx.orgId} FOR UPDATE`;
    if (!row) throw new NotFoundError();
  }
  const o = await tx.ritualOccurrence.findFirst({
    where: { id: occurrenceId, organizationId: ctx.orgId },
    select: {
      id: true,
      heldAt: true,
      cancelledAt: true,
      ritual: {
        select: {
          facilitatorId: true,
          archivedAt: true,
          participants: { where: { membershipId: ctx.membershipId }, select: { membershipId: true } },
        },
      },
    },
  });
  if (!o) throw new NotFoundError();
  return o;
}

async function runnable(tx: Prisma.TransactionClient, ctx: MemberContext, occurrenceId: string) {
  const o = await occurrenceFor(tx, ctx, occurrenceId, true);
  if (!mayRun(ctx, o.ritual.facilitatorId)) throw new ForbiddenError(CANNOT_RUN);
  if (o.cancelledAt) throw new RuleError("This meeting was cancelled.");
  return o;
}

/** Notes are taken by whoever is in the room: the ritual's participants, its facilitator and managers. */
export function mayTakeNotes(ctx: MemberContext, o: { ritual: { facilitatorId: string; participants: unknown[] } }) {
  return o.ritual.participants.length > 0 || mayRun(ctx, o.ritual.facilitatorId);
}

async function itemOf(tx: Prisma.TransactionClient, ctx: MemberContext, itemId: string) {
  const item = await tx.agendaItem.findFirst({
    where: { id: itemId, organizationId: ctx.orgId },
    select: { id: true, occurrenceId: true, section: true, position: true, version: true },
  });
  if (!item) throw new NotFoundError();
  return item;
}

export async function saveAgendaNotes(ctx: MemberContext, itemId: string, version: number, notes: string) {
  await audited(ctx, async (tx) => {
    const item = await itemOf(tx, ctx, itemId);
    const o = await occurrenceFor(tx, ctx, item.occurrenceId, false);
    if (!mayTakeNotes(ctx, o)) throw new ForbiddenError("Only the ritual's participants can take notes.");
    const res = await tx.agendaItem.updateMany({
      where: { id: itemId, version },
      data: { notes, version: { increment: 1 } },
    });
    if (res.count === 0) throw new AgendaConflictError();
    await audit(tx, ctx, "agenda.notes", item.occurrenceId);
  });
}

export async function addAgendaItem(ctx: MemberContext, occurrenceId: string, title: string, prompt: string) {
  await audited(ctx, async (tx) => {
    await runnable(tx, ctx, occurrenceId);
    const last = await tx.agendaItem.aggregate({ where: { occurrenceId }, _max: { position: true } });
    await tx.agendaItem.create({
      data: {
        organizationId: ctx.orgId,
        occurrenceId,
        section: prompt ? "PROMPT" : "CUSTOM",
        position: (last._max.position ?? -1) + 1,
        title,
        prompt,
      },
    });
    await audit(tx, ctx, "agenda.add", occurrenceId);
  });
}

/** Swaps the item with its neighbour, under the occurrence's lock so two moves never share a position. */
export async function moveAgendaItem(ctx: MemberContext, itemId: string, direction: "up" | "down") {
  await audited(ctx, async (tx) => {
    const item = await itemOf(tx, ctx, itemId);
    await runnable(tx, ctx, item.occurrenceId);
    const fresh = await tx.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { position: true } });
    const neighbour = await tx.agendaItem.findFirst({
      where: {
        occurrenceId: item.occurrenceId,
        position: direction === "up" ? { lt: fresh.position } : { gt: fresh.position },
      },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) return;
    await tx.agendaItem.update({ where: { id: neighbour.id }, data: { position: fresh.position } });
    await tx.agendaItem.update({ where: { id: itemId }, data: { position: neighbour.position } });
    await audit(tx, ctx, "agenda.move", item.occurrenceId);
  });
}

/** Items can leave the agenda, apart from the open actions carried forward: nothing silently disappears. */
export async function removeAgendaItem(ctx: MemberContext, itemId: string) {
  await audited(ctx, async (tx) => {
    const item = await itemOf(tx, ctx, itemId);
    await runnable(tx, ctx, item.occurrenceId);
    if (item.section === "CARRIED_ACTIONS")
      throw new RuleError("The open actions from earlier meetings stay on the agenda until each is closed.");
    await tx.agendaItem.delete({ where: { id: itemId } });
    await audit(tx, ctx, "agenda.remove", item.occurrenceId);
  });
}

/** The customer story told: a feedback item of the organisation marked as a story (or none). */
export async function setAgendaStory(ctx: MemberContext, itemId: string, storyId: string | null) {
  await audited(ctx, async (tx) => {
    const item = await itemOf(tx, ctx, itemId);
    const o = await occurrenceFor(tx, ctx, item.occurrenceId, false);
    if (!mayTakeNotes(ctx, o)) throw new ForbiddenError("Only the ritual's participants can choose the story.");
    if (item.section !== "CUSTOMER_STORY") throw new RuleError("Only the customer story item holds a story.");
    if (storyId) {
      const story = await tx.customerFeedback.count({
        where: { id: storyId, organizationId: ctx.orgId, isStory: true },
      });
      if (!story) throw new RuleError("Choose one of your organisation's customer stories.", "storyId");
    }
    await tx.agendaItem.update({ where: { id: itemId }, data: { storyId, version: { increment: 1 } } });
    await audit(tx, ctx, "agenda.story", item.occurrenceId);
  });
}

export async function setOccurrenceState(
  ctx: MemberContext,
  occurrenceId: string,
  state: "held" | "planned" | "cancelled",
  now = new Date(),
) {
  await audited(ctx, async (tx) => {
    const o = await occurrenceFor(tx, ctx, occurrenceId, true);
    if (!mayRun(ctx, o.ritual.facilitatorId)) throw new ForbiddenError(CANNOT_RUN);
    await tx.ritualOccurrence.update({
      where: { id: occurrenceId },
      data: {
        heldAt: state === "held" ? (o.heldAt ?? now) : null,
        cancelledAt: state === "cancelled" ? (o.cancelledAt ?? now) : null,
      },
    });
    await audit(tx, ctx, `occurrence.${state}`, occurrenceId);
  });
}
