import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { can } from "@/lib/domain/roles";
import {
  ACTION_STATUS_LABELS,
  decodeActionCursor,
  doneBlockedByBarrier,
  encodeActionCursor,
  isOverdue,
  statusesAfter,
  type ActionStatus,
} from "@/lib/domain/actions";
import { currentDay, dateOnly, formatDay, fromDateOnly, type IsoDate } from "@/lib/domain/dates";
import { toCsv } from "@/lib/domain/csv";
import type {
  ActionDetailDto,
  ActionFilter,
  ActionPageDto,
  ActionRowDto,
  OverdueActionsDto,
} from "@/lib/schemas/actions";
import type { BarrierDetailDto } from "@/lib/schemas/barriers";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";
import { auditedExport } from "./audited-export";
import { EXPORT_PAGE_SIZE, pagesAfter } from "./keyset";
import { freshStatistics } from "./statistics";
import { groupProtection } from "./group-size";
import { protectRemovalEvidence } from "./interventions";

// Reads of actions: the lists (My actions, a team's, everyone's), the overdue panel of the
// dashboards, the detail page, the CSV export and the queries the rituals' agendas use. Every
// member may read the organisation's actions; every query is scoped by the caller's organisation.

export const ACTION_PAGE_SIZE = 50;

const ROW_SELECT = {
  id: true,
  title: true,
  status: true,
  dueOn: true,
  barrierId: true,
  occurrenceId: true,
  owner: { select: { user: { select: { name: true } } } },
  team: { select: { name: true } },
  occurrence: { select: { date: true, ritual: { select: { title: true } } } },
} as const satisfies Prisma.ActionItemSelect;

type Row = Prisma.ActionItemGetPayload<{ select: typeof ROW_SELECT }>;

const toRow = (r: Row, today: IsoDate): ActionRowDto => {
  const dueOn = r.dueOn ? fromDateOnly(r.dueOn) : null;
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    dueOn,
    overdue: isOverdue({ status: r.status, dueOn }, today),
    ownerName: r.owner.user.name,
    teamName: r.team?.name ?? null,
    occurrenceId: r.occurrenceId,
    occurrenceLabel: r.occurrence
      ? `${r.occurrence.ritual.title}, ${formatDay(fromDateOnly(r.occurrence.date))}`
      : null,
    aboutBarrier: r.barrierId !== null,
  };
};

// Open first (the enum's declared order), soonest due first, undated last.
const ORDER: Prisma.ActionItemOrderByWithRelationInput[] = [
  { status: "asc" },
  { dueOn: { sort: "asc", nulls: "last" } },
  { id: "asc" },
];

function listWhere(ctx: MemberContext, f: ActionFilter, today: IsoDate): Prisma.ActionItemWhereInput {
  return {
    organizationId: ctx.orgId,
    ...(f.scope === "mine" ? { ownerId: ctx.membershipId } : {}),
    ...(f.scope === "team" && f.team ? { teamId: f.team } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.overdue ? { status: "OPEN", dueOn: { lt: dateOnly(today) } } : {}),
  };
}

/** Strictly after the row shown last, in ORDER (keyset: rows added meanwhile never repeat or vanish). */
function after(cursor: string | undefined): Prisma.ActionItemWhereInput | null {
  const c = cursor ? decodeActionCursor(cursor) : null;
  return c ? afterRow(c) : null;
}

function afterRow(c: { status: ActionStatus; dueOn: IsoDate | null; id: string }): Prisma.ActionItemWhereInput {
  const later: Prisma.ActionItemWhereInput = { status: { in: statusesAfter(c.status) } };
  const sameStatus: Prisma.ActionItemWhereInput = c.dueOn
    ? {
        status: c.status,
        OR: [{ dueOn: { gt: dateOnly(c.dueOn) } }, { dueOn: null }, { dueOn: dateOnly(c.dueOn), id: { gt: c.id } }],
      }
    : { status: c.status, dueOn: null, id: { gt: c.id } };
  return { OR: [later, sameStatus] };
}

/** One page of actions: the caller's own by default ("My actions"), open first, soonest due first. */
export async function listActions(
  ctx: MemberContext,
  filter: ActionFilter,
  cursor?: string,
  today = currentDay(ctx.timeZone),
): Promise<ActionPageDto> {
  const where = listWhere(ctx, filter, today);
  const start = after(cursor);
  const rows = await db().actionItem.findMany({
    where: start ? { AND: [where, start] } : where,
    orderBy: ORDER,
    take: ACTION_PAGE_SIZE + 1,
    select: ROW_SELECT,
  });
  const page = rows.slice(0, ACTION_PAGE_SIZE).map((r) => toRow(r, today));
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > ACTION_PAGE_SIZE && last
        ? encodeActionCursor({ status: last.status, dueOn: last.dueOn, id: last.id })
        : null,
  };
}

/** The dashboards' panel: how many open actions are past their due day, and the most overdue few. */
export async function overdueActions(
  ctx: MemberContext,
  scope: { teamId?: string } = {},
  today = currentDay(ctx.timeZone),
  take = 5,
): Promise<OverdueActionsDto> {
  return overdueActionsIn(ctx.orgId, scope, today, take);
}

/** The same for one organisation, read by the system (the weekly digest) rather than by a member. */
export async function overdueActionsIn(
  orgId: string,
  scope: { teamId?: string },
  today: IsoDate,
  take: number,
): Promise<OverdueActionsDto> {
  const where: Prisma.ActionItemWhereInput = {
    organizationId: orgId,
    status: "OPEN",
    dueOn: { lt: dateOnly(today) },
    ...(scope.teamId ? { teamId: scope.teamId } : {}),
  };
  const [count, rows] = await Promise.all([
    db().actionItem.count({ where }),
    db().actionItem.findMany({ where, orderBy: [{ dueOn: "asc" }, { id: "asc" }], take, select: ROW_SELECT }),
  ]);
  return { count, first: rows.map((r) => toRow(r, today)) };
}

export interface ActionQuery {
  occurrenceIds?: string[];
  ritualId?: string;
  teamId?: string;
  ownerId?: string;
  /** Default OPEN. */
  statuses?: ActionStatus[];
  /** Due strictly before this day (e.g. the meeting's date). */
  dueBefore?: IsoDate;
  take?: number;
}

/**
 * Actions by meeting, ritual, team, owner, status and due day, for the rituals' agendas (the
 * carried-forward actions are the open ones of earlier occurrences). Ids of another organisation
 * select nothing. At most `take` rows (default 200), soonest due first.
 */
export async function listOpenActionsFor(
  ctx: MemberContext,
  q: ActionQuery,
  today = currentDay(ctx.timeZone),
): Promise<ActionRowDto[]> {
  const rows = await db().actionItem.findMany({
    where: {
      organizationId: ctx.orgId,
      status: { in: q.statuses ?? ["OPEN"] },
      ...(q.occurrenceIds ? { occurrenceId: { in: q.occurrenceIds } } : {}),
      ...(q.ritualId ? { occurrence: { ritualId: q.ritualId } } : {}),
      ...(q.teamId ? { teamId: q.teamId } : {}),
      ...(q.ownerId ? { ownerId: q.ownerId } : {}),
      ...(q.dueBefore ? { dueOn: { lt: dateOnly(q.dueBefore) } } : {}),
    },
    orderBy: ORDER,
    take: Math.min(q.take ?? 200, 500),
    select: ROW_SELECT,
  });
  return rows.map((r) => toRow(r, today));
}

export async function getAction(
  ctx: MemberContext,
  id: string,
  today = currentDay(ctx.timeZone),
): Promise<ActionDetailDto> {
  const a = await db().actionItem.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: {
      ...ROW_SELECT,
      detail: true,
      dropReason: true,
      closedAt: true,
      version: true,
      ownerId: true,
      createdAt: true,
      createdBy: { select: { user: { select: { name: true } } } },
      behaviour: { select: { id: true, title: true, deletedAt: true } },
      intervention: { select: { id: true, title: true } },
      metric: { select: { id: true, name: true, deletedAt: true } },
      barrier: {
        select: {
          id: true,
          title: true,
          status: true,
          deletedAt: true,
          removalEvidence: true,
          interventions: { select: { id: true, teams: { select: { teamId: true } } } },
        },
      },
    },
  });
  if (!a) throw new NotFoundError();
  const removed = a.barrier?.status === "REMOVED" && !a.barrier.deletedAt ? a.barrier : null;
  const protection = removed ? await groupProtection(ctx) : null;
  const manager = can(ctx.role, "actions.manage", ctx.policy);
  const barrier = a.barrier && !a.barrier.deletedAt ? a.barrier : null;
  return {
    ...toRow(a, today),
    aboutBarrier: barrier !== null,
    detail: a.detail,
    dropReason: a.dropReason,
    closedAt: a.closedAt?.toISOString() ?? null,
    version: a.version,
    createdByName: a.createdBy.user.name,
    createdAt: a.createdAt.toISOString(),
    behaviour: a.behaviour && !a.behaviour.deletedAt ? { id: a.behaviour.id, name: a.behaviour.title } : null,
    intervention: a.intervention ? { id: a.intervention.id, name: a.intervention.title } : null,
    metric: a.metric && !a.metric.deletedAt ? { id: a.metric.id, name: a.metric.name } : null,
    barrier: barrier
      ? {
          id: barrier.id,
          name: barrier.title,
          status: barrier.status,
          removalEvidence:
            removed && protection
              ? protectRemovalEvidence(
                  (removed.removalEvidence as BarrierDetailDto["removalEvidence"]) ?? null,
                  protection,
                  (id) => removed.interventions.find((i) => i.id === id)?.teams.map((t) => t.teamId),
                )
              : null,
        }
      : null,
    doneBlocked: doneBlockedByBarrier(barrier),
    canClose: manager || a.ownerId === ctx.membershipId,
    canEdit: manager,
  };
}

const EXPORT_SELECT = {
  ...ROW_SELECT,
  dropReason: true,
  closedAt: true,
  createdAt: true,
  behaviour: { select: { title: true } },
  barrier: { select: { title: true } },
  intervention: { select: { title: true } },
  metric: { select: { name: true } },
} as const satisfies Prisma.ActionItemSelect;

const EXPORT_COLUMNS = [
  "title",
  "owner",
  "status",
  "due",
  "overdue",
  "team",
  "meeting",
  "behaviour",
  "barrier",
  "intervention",
  "metric",
  "drop_reason",
  "closed_at",
  "created_at",
];

/**
 * The filtered actions as CSV in the list's order: every one of them, streamed in keyset pages (it
 * stopped at 100,000 rows without saying so). The export is audited with the rows it sent. An
 * action added or changed while it runs is in it at most once: where its keys now put it, if the
 * export has not passed that place yet. closed_at and created_at are instants (ISO 8601, UTC); due
 * is a calendar day.
 */
export async function exportActionsCsv(
  ctx: MemberContext,
  filter: ActionFilter,
  today = currentDay(ctx.timeZone),
  pageSize = EXPORT_PAGE_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  const where = listWhere(ctx, filter, today);
  return auditedExport(ctx, { action: "action.export" }, async (write, sent) => {
    await freshStatistics(["ActionItem"]);
    await write(toCsv([EXPORT_COLUMNS]));
    const pages = pagesAfter(
      (last: Prisma.ActionItemGetPayload<{ select: typeof EXPORT_SELECT }> | undefined, take) =>
        db().actionItem.findMany({
          where: last
            ? {
                AND: [
                  where,
                  afterRow({ status: last.status, dueOn: last.dueOn && fromDateOnly(last.dueOn), id: last.id }),
                ],
              }
            : where,
          orderBy: ORDER,
          take,
          select: EXPORT_SELECT,
        }),
      pageSize,
    );
    for await (const rows of pages) {
      await write(
        toCsv(
          rows.map((r) => {
            const dto = toRow(r, today);
            return [
              r.title,
              dto.ownerName,
              ACTION_STATUS_LABELS[r.status],
              dto.dueOn ?? "",
              dto.overdue ? "yes" : "no",
              dto.teamName ?? "",
              dto.occurrenceLabel ?? "",
              r.behaviour?.title ?? "",
              r.barrier?.title ?? "",
              r.intervention?.title ?? "",
              r.metric?.name ?? "",
              r.dropReason,
              r.closedAt?.toISOString() ?? "",
              r.createdAt.toISOString(),
            ];
          }),
        ),
      );
      sent(rows.length);
    }
  });
}

/** Teams for the list's filter. */
export async function actionTeamOptions(ctx: MemberContext): Promise<{ id: string; name: string }[]> {
  return db().team.findMany({
    where: { organizationId: ctx.orgId, archivedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
