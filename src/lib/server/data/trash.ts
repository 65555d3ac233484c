import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { type Permission } from "@/lib/domain/roles";
import { canRestore, RESTORE_DAYS, restoreDeadline, type TrashType } from "@/lib/domain/trash";
import { daysBefore } from "@/lib/domain/dates";
import type { MemberContext } from "./accounts";

// Deletion is a soft delete (deletedAt is set): every query of the app already leaves such rows
// out, and an admin can restore them within 30 days (docs/decisions/007).

const DELETE_PERMISSION: Record<TrashType, Permission> = {
  behaviour: "catalogue.edit",
  barrier: "barriers.manage",
  metric: "metrics.manage",
};

export interface DeletedItemDto {
  type: TrashType;
  id: string;
  title: string;
  deletedAt: string;
  restoreUntil: string;
}

/** Hides the record. A behaviour takes its local variants with it (they are part of it). */
export async function softDelete(ctx: MemberContext, type: TrashType, id: string, now = new Date()): Promise<void> {
  await authorize(ctx, DELETE_PERMISSION[type]);
  const where = { id, organizationId: ctx.orgId, deletedAt: null };
  await db().$transaction(async (tx) => {
    const n =
      type === "behaviour"
        ? (await tx.behaviour.updateMany({ where: { ...where, parentId: null }, data: { deletedAt: now } })).count
        : type === "barrier"
          ? (await tx.barrier.updateMany({ where, data: { deletedAt: now } })).count
          : (await tx.metric.updateMany({ where, data: { deletedAt: now } })).count;
    if (n === 0) throw new NotFoundError();
    if (type === "behaviour")
      await tx.behaviour.updateMany({
        where: { parentId: id, organizationId: ctx.orgId, deletedAt: null },
        data: { deletedAt: now },
      });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: `${type}.delete`,
        targetType: type,
        targetId: id,
        outcome: "ok",
      },
      tx,
    );
  });
}

/** What an admin can still restore: deleted in the last 30 days, newest first. */
export async function listDeleted(ctx: MemberContext, now = new Date()): Promise<DeletedItemDto[]> {
  await authorize(ctx, "members.manage");
  const since = daysBefore(now, RESTORE_DAYS);
  const where = { organizationId: ctx.orgId, deletedAt: { gt: since } };
  const [behaviours, barriers, metrics] = await Promise.all([
    db().behaviour.findMany({
      where: { ...where, parentId: null },
      select: { id: true, title: true, deletedAt: true },
    }),
    db().barrier.findMany({ where, select: { id: true, title: true, deletedAt: true } }),
    db().metric.findMany({ where, select: { id: true, name: true, deletedAt: true } }),
  ]);
  const item = (type: TrashType, id: string, title: string, deletedAt: Date | null): DeletedItemDto => ({
    type,
    id,
    title,
    deletedAt: deletedAt!.toISOString(),
    restoreUntil: restoreDeadline(deletedAt!).toISOString(),
  });
  return [
    ...behaviours.map((b) => item("behaviour", b.id, b.title, b.deletedAt)),
    ...barriers.map((b) => item("barrier", b.id, b.title, b.deletedAt)),
    ...metrics.map((m) => item("metric", m.id, m.name, m.deletedAt)),
  ].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

/** Brings a deleted record back (with the variants deleted together with a behaviour). Admins, within 30 days. */
export async function restoreDeleted(ctx: MemberContext, type: TrashType, id: string, now = new Date()): Promise<void> {
  await authorize(ctx, "members.manage");
  const find = {
    where: { id, organizationId: ctx.orgId, deletedAt: { not: null } },
    select: { deletedAt: true },
  } as const;
  const row =
    type === "behaviour"
      ? await db().behaviour.findFirst(find)
      : type === "barrier"
        ? await db().barrier.findFirst(find)
        : await db().metric.findFirst(find);
  if (!row?.deletedAt) throw new NotFoundError();
  if (!canRestore(row.deletedAt, now))
    throw new RuleError(`Deleted more than ${RESTORE_DAYS} days ago: it can no longer be restored.`);
  await db().$transaction(async (tx) => {
    const where = { id, organizationId: ctx.orgId, deletedAt: row.deletedAt };
    if (type === "behaviour") {
      await tx.behaviour.updateMany({ where, data: { deletedAt: null } });
      await tx.behaviour.updateMany({
        where: { parentId: id, organizationId: ctx.orgId, deletedAt: row.deletedAt },
        data: { deletedAt: null },
      });
    } else if (type === "barrier") await tx.barrier.updateMany({ where, data: { deletedAt: null } });
    else await tx.metric.updateMany({ where, data: { deletedAt: null } });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: `${type}.restore`,
        targetType: type,
        targetId: id,
        outcome: "ok",
      },
      tx,
    );
  });
}
