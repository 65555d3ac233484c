import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { can } from "@/lib/domain/roles";
import { doneBlockedByBarrier } from "@/lib/domain/actions";
import { dateOnly, fromDateOnly } from "@/lib/domain/dates";
import type {
  ActionFormValues,
  ActionInput,
  ActionOptionsDto,
  ActionUpdateInput,
  CloseActionInput,
} from "@/lib/schemas/actions";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

// Actions (issue 16; ActionItem in the schema). Who may do what, decided here for every caller:
// - create: actions.manage, or anyone who takes part in the meeting the action comes from (its
//   ritual's facilitator or a participant), because a meeting's actions are agreed by the people
//   in it, whatever their role;
// - edit (title, owner, due day, links): actions.manage;
// - close (done / dropped with a reason) and reopen: the owner, or actions.manage.
// Every write is conditional on the version the caller saw: two people closing the same action at
// once get one success and one conflict.

type Tx = Prisma.TransactionClient;

export class ActionConflictError extends RuleError {
  constructor() {
    super(
      "Someone else changed this action since you opened it (it may already be closed). Reload the page to see it; what you typed is still in the form.",
    );
  }
}

type Links = Pick<ActionInput, "ownerId" | "teamId" | "behaviourId" | "barrierId" | "interventionId" | "metricId">;

/**
 * Every id the form names must be the caller's organisation's: another organisation's id gets the
 * same message beside its field as an id that never existed. The owner must be an active member.
 */
async function checkLinks(tx: Tx, ctx: MemberContext, l: Links): Promise<void> {
  const org = ctx.orgId;
  const [owner, team, behaviour, barrier, intervention, metric] = await Promise.all([
    tx.membership.count({ where: { id: l.ownerId, organizationId: org, status: "ACTIVE" } }),
    l.teamId ? tx.team.count({ where: { id: l.teamId, organizationId: org, archivedAt: null } }) : 1,
    l.behaviourId ? tx.behaviour.count({ where: { id: l.behaviourId, organizationId: org, deletedAt: null } }) : 1,
    l.barrierId ? tx.barrier.count({ where: { id: l.barrierId, organizationId: org, deletedAt: null } }) : 1,
    l.interventionId ? tx.intervention.count({ where: { id: l.interventionId, organizationId: org } }) : 1,
    l.metricId ? tx.metric.count({ where: { id: l.metricId, organizationId: org, deletedAt: null } }) : 1,
  ]);
  if (!owner) throw new RuleError("Choose an active member of your organisation as the owner.", "ownerId");
  if (!team) throw new RuleError("Choose a team of your organisation.", "teamId");
  if (!behaviour) throw new RuleError("Choose a behaviour of your catalogue.", "behaviourId");
  if (!barrier) throw new RuleError("Choose a barrier of your organisation.", "barrierId");
  if (!intervention) throw new RuleError("Choose an intervention of your organisation.", "interventionId");
  if (!metric) throw new RuleError("Choose a metric of your organisation.", "metricId");
}

/** Whether the caller takes part in this occurrence's ritual; NotFound when it is not the organisation's. */
export async function takesPartIn(ctx: MemberContext, occurrenceId: string): Promise<boolean> {
  const occ = await db().ritualOccurrence.findFirst({
    where: { id: occurrenceId, organizationId: ctx.orgId },
    select: {
      ritual: {
        select: {
          facilitatorId: true,
          participants: { where: { membershipId: ctx.membershipId }, select: { membershipId: true } },
        },
      },
    },
  });
  if (!occ) throw new NotFoundError();
  return occ.ritual.facilitatorId === ctx.membershipId || occ.ritual.participants.length > 0;
}

const audit = (ctx: MemberContext, action: string, id: string, tx: Tx, details?: Prisma.InputJsonObject) =>
  recordAudit(
    {
      organizationId: ctx.orgId,
      actorUserId: ctx.userId,
      action,
      targetType: "ActionItem",
      targetId: id,
      outcome: "ok",
      details,
    },
    tx,
  );

const fields = (input: Omit<ActionUpdateInput, "id" | "version">) => ({
  title: input.title,
  detail: input.detail,
  ownerId: input.ownerId,
  dueOn: input.dueOn ? dateOnly(input.dueOn) : null,
  teamId: input.teamId,
  behaviourId: input.behaviourId,
  barrierId: input.barrierId,
  interventionId: input.interventionId,
  metricId: input.metricId,
});

export async function createAction(ctx: MemberContext, input: ActionInput): Promise<string> {
  const allowed =
    can(ctx.role, "actions.manage", ctx.policy) ||
    (input.occurrenceId !== null && (await takesPartIn(ctx, input.occurrenceId)));
  if (!allowed) await authorize(ctx, "actions.manage");
  return db().$transaction(async (tx) => {
    if (input.occurrenceId) {
      const occ = await tx.ritualOccurrence.count({ where: { id: input.occurrenceId, organizationId: ctx.orgId } });
      if (!occ) throw new NotFoundError();
    }
    await checkLinks(tx, ctx, input);
    const created = await tx.actionItem.create({
      data: {
        ...fields(input),
        organizationId: ctx.orgId,
        occurrenceId: input.occurrenceId,
        createdById: ctx.membershipId,
      },
      select: { id: true },
    });
    await audit(ctx, "action.create", created.id, tx);
    return created.id;
  });
}

export async function updateAction(ctx: MemberContext, input: ActionUpdateInput): Promise<void> {
  await authorize(ctx, "actions.manage");
  const { id, version } = input;
  await db().$transaction(async (tx) => {
    const current = await tx.actionItem.count({ where: { id, organizationId: ctx.orgId } });
    if (!current) throw new NotFoundError();
    await checkLinks(tx, ctx, input);
    const res = await tx.actionItem.updateMany({
      where: { id, organizationId: ctx.orgId, version },
      data: { ...fields(input), version: { increment: 1 } },
    });
    if (res.count === 0) throw new ActionConflictError();
    await audit(ctx, "action.update", id, tx);
  });
}

/** The action as the close and reopen checks need it; the owner passes, others need actions.manage. */
async function forOwnerOrManager(ctx: MemberContext, id: string) {
  const a = await db().actionItem.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: { ownerId: true, barrierId: true },
  });
  if (!a) throw new NotFoundError();
  if (a.ownerId !== ctx.membershipId) await authorize(ctx, "actions.manage");
  return a;
}

/**
 * Done or dropped (with a reason). An action about a barrier is done only when the barrier is
 * removed or accepted (domain/actions.ts doneBlockedByBarrier): the barrier row is locked while it
 * is checked, so it cannot be reopened between the check and the write.
 */
export async function closeAction(ctx: MemberContext, input: CloseActionInput, now = new Date()): Promise<void> {
  const a = await forOwnerOrManager(ctx, input.id);
  await db().$transaction(async (tx) => {
    if (input.status === "DONE" && a.barrierId) {
      const [barrier] = await tx.$queryRaw<{ status: string }[]>`
        SELECT "status"::text AS "status" FROM "Barrier"
        WHERE "id" = ${a.barrierId} AND "organizationId" = ${ctx.orgId} AND "deletedAt" IS NULL FOR SHARE`;
      const blocked = doneBlockedByBarrier(barrier ?? null);
      if (blocked) throw new RuleError(blocked);
    }
    const res = await tx.actionItem.updateMany({
      where: { id: input.id, organizationId: ctx.orgId, version: input.version, status: "OPEN" },
      data: {
        status: input.status,
        dropReason: input.status === "DROPPED" ? input.reason : "",
        closedAt: now,
        version: { increment: 1 },
      },
    });
    if (res.count === 0) throw new ActionConflictError();
    await audit(ctx, "action.close", input.id, tx, { status: input.status });
  });
}

export async function reopenAction(ctx: MemberContext, id: string, version: number): Promise<void> {
  await forOwnerOrManager(ctx, id);
  await db().$transaction(async (tx) => {
    const res = await tx.actionItem.updateMany({
      where: { id, organizationId: ctx.orgId, version, status: { in: ["DONE", "DROPPED"] } },
      data: { status: "OPEN", dropReason: "", closedAt: null, version: { increment: 1 } },
    });
    if (res.count === 0) throw new ActionConflictError();
    await audit(ctx, "action.reopen", id, tx);
  });
}

/** What the form offers: active members as owners, and the records an action can be about. */
export async function actionOptions(ctx: MemberContext): Promise<ActionOptionsDto> {
  const org = ctx.orgId;
  const [owners, teams, behaviours, barriers, interventions, metrics] = await Promise.all([
    db().membership.findMany({
      where: { organizationId: org, status: "ACTIVE" },
      select: { id: true, user: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db().team.findMany({
      where: { organizationId: org, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().behaviour.findMany({
      where: { organizationId: org, deletedAt: null, parentId: null, status: { not: "RETIRED" } },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
    db().barrier.findMany({
      where: { organizationId: org, deletedAt: null },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
    db().intervention.findMany({
      where: { organizationId: org },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
    db().metric.findMany({
      where: { organizationId: org, deletedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    owners: owners.map((m) => ({ id: m.id, name: m.user.name })),
    teams,
    behaviours: behaviours.map((b) => ({ id: b.id, name: b.title })),
    barriers: barriers.map((b) => ({ id: b.id, name: b.title })),
    interventions: interventions.map((i) => ({ id: i.id, name: i.title })),
    metrics,
  };
}

/** The saved action as its edit form shows it. */
export async function actionForEdit(
  ctx: MemberContext,
  id: string,
): Promise<{ values: ActionFormValues; version: number; title: string }> {
  await authorize(ctx, "actions.manage");
  const a = await db().actionItem.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: {
      title: true,
      detail: true,
      ownerId: true,
      dueOn: true,
      teamId: true,
      behaviourId: true,
      barrierId: true,
      interventionId: true,
      metricId: true,
      version: true,
    },
  });
  if (!a) throw new NotFoundError();
  return {
    title: a.title,
    version: a.version,
    values: {
      title: a.title,
      detail: a.detail,
      ownerId: a.ownerId,
      dueOn: a.dueOn ? fromDateOnly(a.dueOn) : "",
      teamId: a.teamId ?? "",
      behaviourId: a.behaviourId ?? "",
      barrierId: a.barrierId ?? "",
      interventionId: a.interventionId ?? "",
      metricId: a.metricId ?? "",
    },
  };
}
