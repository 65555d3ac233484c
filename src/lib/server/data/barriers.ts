import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { can } from "@/lib/domain/roles";
import { canMove, priorityOf, type BarrierStatus } from "@/lib/domain/barriers";
import { BARRIER_STATUS_LABELS } from "@/lib/domain/labels";
import { dayOf, daysBefore } from "@/lib/domain/dates";
import { removalRefusal } from "@/lib/domain/interventions";
import type {
  BarrierDetailDto,
  BarrierFormValues,
  BarrierInput,
  BarrierOptionsDto,
  BarrierRowDto,
  InterventionEvidenceDto,
  SurveyStatisticsSnapshot,
} from "@/lib/schemas/barriers";
import type { Prisma } from "@/generated/prisma/client";
import { INTERVENTION_SELECT, interventionEvidence, protectRemovalEvidence } from "./interventions";
import { groupProtection } from "./group-size";
import type { MemberContext } from "./accounts";

const ROW_SELECT = {
  id: true,
  title: true,
  description: true,
  comB: true,
  determinant: true,
  feasibility: true,
  status: true,
  impact: true,
  reach: true,
  ease: true,
  surveyId: true,
  behaviours: {
    where: { behaviour: { deletedAt: null } },
    select: { behaviour: { select: { id: true, title: true } } },
    orderBy: { behaviour: { title: "asc" } },
  },
  teams: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
} as const satisfies Prisma.BarrierSelect;

type Row = Prisma.BarrierGetPayload<{ select: typeof ROW_SELECT }>;

const toRow = (r: Row): BarrierRowDto => ({
  id: r.id,
  title: r.title,
  description: r.description,
  comB: r.comB,
  determinant: r.determinant,
  feasibility: r.feasibility,
  status: r.status,
  impact: r.impact,
  reach: r.reach,
  ease: r.ease,
  priority: priorityOf(r),
  behaviourTitles: r.behaviours.map((b) => b.behaviour.title),
  teamNames: r.teams.map((t) => t.team.name),
  behaviourIds: r.behaviours.map((b) => b.behaviour.id),
  teamIds: r.teams.map((t) => t.team.id),
  fromSurvey: r.surveyId !== null,
});

/** The organisation's barriers (highest priority first, unscored last), optionally of one behaviour. */
export async function listBarriers(
  ctx: MemberContext,
  filter: { behaviourId?: string } = {},
): Promise<BarrierRowDto[]> {
  const rows = await db().barrier.findMany({
    where: {
      organizationId: ctx.orgId,
      deletedAt: null,
      ...(filter.behaviourId ? { behaviours: { some: { behaviourId: filter.behaviourId } } } : {}),
    },
    select: ROW_SELECT,
  });
  return rows.map(toRow).sort((a, b) => (b.priority ?? -1) - (a.priority ?? -1) || a.title.localeCompare(b.title));
}

export async function barrierOptions(ctx: MemberContext): Promise<BarrierOptionsDto> {
  await authorize(ctx, "barriers.propose");
  const [behaviours, teams] = await Promise.all([
    db().behaviour.findMany({
      where: { organizationId: ctx.orgId, deletedAt: null, parentId: null, status: { not: "RETIRED" } },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
    db().team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { behaviours: behaviours.map((b) => ({ id: b.id, name: b.title })), teams, owners: [] };
}

/** Behaviours and teams named by the form must be the caller's organisation's: ids prove nothing. */
async function checkLinks(tx: Prisma.TransactionClient, ctx: MemberContext, input: BarrierInput) {
  const [behaviours, teams] = await Promise.all([
    tx.behaviour.count({
      where: { id: { in: input.behaviourIds }, organizationId: ctx.orgId, deletedAt: null, parentId: null },
    }),
    tx.team.count({ where: { id: { in: input.teamIds }, organizationId: ctx.orgId, kind: "TEAM" } }),
  ]);
  if (behaviours !== input.behaviourIds.length)
    throw new RuleError("Choose behaviours of your organisation's catalogue.", "behaviourIds");
  if (teams !== input.teamIds.length) throw new RuleError("Choose teams of your organisation.", "teamIds");
}

async function writeLinks(tx: Prisma.TransactionClient, ctx: MemberContext, barrierId: string, input: BarrierInput) {
  await tx.barrierBehaviour.deleteMany({ where: { barrierId } });
  await tx.barrierTeam.deleteMany({ where: { barrierId } });
  await tx.barrierBehaviour.createMany({
    data: input.behaviourIds.map((behaviourId) => ({ organizationId: ctx.orgId, barrierId, behaviourId })),
  });
  await tx.barrierTeam.createMany({
    data: input.teamIds.map((teamId) => ({ organizationId: ctx.orgId, barrierId, teamId })),
  });
}

/**
 * Records a barrier. Leaders and managers classify and score it; anyone else may propose one,
 * which stays unscored (whatever scores the request carried) until a manager scores it.
 */
export async function createBarrier(
  ctx: MemberContext,
  input: BarrierInput,
  extra: { surveyId?: string; statistics?: SurveyStatisticsSnapshot } = {},
): Promise<string> {
  await authorize(ctx, "barriers.propose");
  return db().$transaction((tx) => insertBarrier(tx, ctx, input, extra));
}

/** createBarrier's writes inside the caller's transaction (a barrier made from customer feedback links it in the same one). */
export async function insertBarrier(
  tx: Prisma.TransactionClient,
  ctx: MemberContext,
  input: BarrierInput,
  extra: { surveyId?: string; statistics?: SurveyStatisticsSnapshot } = {},
): Promise<string> {
  const scores = can(ctx.role, "barriers.manage", ctx.policy)
    ? { impact: input.impact, reach: input.reach, ease: input.ease }
    : { impact: null, reach: null, ease: null };
  await checkLinks(tx, ctx, input);
  const { behaviourIds: _b, teamIds: _t, impact: _i, reach: _r, ease: _e, ...fields } = input;
  const created = await tx.barrier.create({
    data: {
      ...fields,
      ...scores,
      organizationId: ctx.orgId,
      createdById: ctx.membershipId,
      surveyId: extra.surveyId ?? null,
      statistics: extra.statistics
        ? (JSON.parse(JSON.stringify(extra.statistics)) as Prisma.InputJsonObject)
        : undefined,
    },
    select: { id: true },
  });
  await writeLinks(tx, ctx, created.id, input);
  await recordAudit(
    {
      organizationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "barrier.create",
      targetType: "Barrier",
      targetId: created.id,
      outcome: "ok",
    },
    tx,
  );
  return created.id;
}

export class BarrierConflictError extends RuleError {
  constructor() {
    super(
      "Someone else saved this barrier since you opened it. Your changes are still in the form: reload the page in another tab to compare, then save again.",
    );
  }
}

export async function updateBarrier(
  ctx: MemberContext,
  id: string,
  expectedVersion: number,
  input: BarrierInput,
): Promise<void> {
  await authorize(ctx, "barriers.manage");
  await db().$transaction(async (tx) => {
    const current = await tx.barrier.findFirst({
      where: { id, organizationId: ctx.orgId, deletedAt: null },
      select: { id: true },
    });
    if (!current) throw new NotFoundError();
    await checkLinks(tx, ctx, input);
    const { behaviourIds: _b, teamIds: _t, ...fields } = input;
    const res = await tx.barrier.updateMany({
      where: { id, organizationId: ctx.orgId, version: expectedVersion },
      data: { ...fields, version: { increment: 1 } },
    });
    if (res.count === 0) throw new BarrierConflictError();
    await writeLinks(tx, ctx, id, input);
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "barrier.update",
        targetType: "Barrier",
        targetId: id,
        outcome: "ok",
      },
      tx,
    );
  });
}

/** Moves a barrier along its lifecycle; REMOVED needs an intervention whose before/after shows a rise. */
export async function changeBarrierStatus(
  ctx: MemberContext,
  id: string,
  to: BarrierStatus,
  now = new Date(),
): Promise<void> {
  await authorize(ctx, "barriers.manage");
  const barrier = await db().barrier.findFirst({
    where: { id, organizationId: ctx.orgId, deletedAt: null },
    select: {
      status: true,
      impact: true,
      reach: true,
      ease: true,
      behaviours: { select: { behaviourId: true } },
      interventions: { select: INTERVENTION_SELECT, orderBy: { startDate: "asc" } },
    },
  });
  if (!barrier) throw new NotFoundError();
  const from = barrier.status as BarrierStatus;
  if (!canMove(from, to))
    throw new RuleError(
      `A barrier that is ${BARRIER_STATUS_LABELS[from]!.toLowerCase()} cannot move to ${BARRIER_STATUS_LABELS[to]!.toLowerCase()}.`,
      "status",
    );
  if (priorityOf(barrier) === null && to !== "ACCEPTED")
    throw new RuleError("Score impact, people affected and ease of removal first.", "status");
  let removalEvidence: (InterventionEvidenceDto & { markedAt: string }) | null = null;
  if (to === "REMOVED") {
    const protection = await groupProtection(ctx);
    const evidence = await Promise.all(
      barrier.interventions.map((i) =>
        interventionEvidence(
          ctx.orgId,
          protection,
          barrier.behaviours.map((b) => b.behaviourId),
          i,
          now,
          ctx.timeZone,
        ),
      ),
    );
    const passing = evidence.find((e) => e.problem === null);
    if (!passing) throw new RuleError(removalRefusal(evidence), "status");
    removalEvidence = { ...passing, markedAt: now.toISOString() };
  }
  await db().$transaction(async (tx) => {
    const res = await tx.barrier.updateMany({
      where: { id, organizationId: ctx.orgId, status: from },
      data: {
        status: to,
        version: { increment: 1 },
        removalEvidence: removalEvidence
          ? (JSON.parse(JSON.stringify(removalEvidence)) as Prisma.InputJsonObject)
          : undefined,
      },
    });
    if (res.count === 0) throw new BarrierConflictError();
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "barrier.status",
        targetType: "Barrier",
        targetId: id,
        outcome: "ok",
        details: { from, to },
      },
      tx,
    );
  });
}

export async function getBarrier(ctx: MemberContext, id: string, now = new Date()): Promise<BarrierDetailDto> {
  const b = await db().barrier.findFirst({
    where: { id, organizationId: ctx.orgId, deletedAt: null },
    select: {
      ...ROW_SELECT,
      evidence: true,
      updatedAt: true,
      createdAt: true,
      statistics: true,
      removalEvidence: true,
      createdBy: { select: { user: { select: { name: true } } } },
      survey: { select: { id: true, title: true, deletedAt: true } },
      interventions: { select: INTERVENTION_SELECT, orderBy: { startDate: "asc" } },
    },
  });
  if (!b) throw new NotFoundError();
  const behaviourIds = b.behaviours.map((x) => x.behaviour.id);
  const protection = await groupProtection(ctx);
  const interventions = await Promise.all(
    b.interventions.map((i) => interventionEvidence(ctx.orgId, protection, behaviourIds, i, now, ctx.timeZone)),
  );
  const teamsOf = new Map(b.interventions.map((i) => [i.id, i.teams.map((t) => t.team.id)]));
  return {
    ...toRow(b),
    evidence: b.evidence,
    updatedAt: b.updatedAt.toISOString(),
    createdAt: b.createdAt.toISOString(),
    createdByName: b.createdBy.user.name,
    behaviours: b.behaviours.map((x) => x.behaviour),
    teams: b.teams.map((x) => x.team),
    survey: b.survey && !b.survey.deletedAt ? { id: b.survey.id, title: b.survey.title } : null,
    statistics: (b.statistics as SurveyStatisticsSnapshot | null) ?? null,
    removalEvidence:
      b.status === "REMOVED"
        ? protectRemovalEvidence((b.removalEvidence as BarrierDetailDto["removalEvidence"]) ?? null, protection, (id) =>
            teamsOf.get(id),
          )
        : null,
    interventions,
  };
}

/**
 * What people wrote when the behaviour was missed in the barrier's teams over the last 90 days:
 * first-hand evidence of the friction. Notes only, never who wrote them.
 */
export async function missedNotes(
  ctx: MemberContext,
  behaviourIds: string[],
  teamIds: string[],
  now = new Date(),
): Promise<{ id: string; day: string; team: string; behaviour: string; note: string }[]> {
  const rows = await db().observation.findMany({
    where: {
      organizationId: ctx.orgId,
      behaviourId: { in: behaviourIds },
      ...(teamIds.length ? { teamId: { in: teamIds } } : {}),
      missed: { gt: 0 },
      note: { not: "" },
      occurredAt: { gte: daysBefore(now, 90, ctx.timeZone) },
    },
    orderBy: { occurredAt: "desc" },
    take: 8,
    select: {
      id: true,
      occurredAt: true,
      note: true,
      team: { select: { name: true } },
      behaviour: { select: { title: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    day: dayOf(r.occurredAt, ctx.timeZone),
    team: r.team.name,
    behaviour: r.behaviour.title,
    note: r.note,
  }));
}

/** The saved barrier as its edit form shows it. */
export async function barrierForEdit(
  ctx: MemberContext,
  id: string,
): Promise<{ values: BarrierFormValues; version: number; title: string }> {
  await authorize(ctx, "barriers.manage");
  const b = await db().barrier.findFirst({
    where: { id, organizationId: ctx.orgId, deletedAt: null },
    select: { ...ROW_SELECT, evidence: true, version: true },
  });
  if (!b) throw new NotFoundError();
  const score = (v: number | null) => (v === null ? "" : String(v));
  return {
    title: b.title,
    version: b.version,
    values: {
      title: b.title,
      description: b.description,
      evidence: b.evidence,
      comB: b.comB,
      determinant: b.determinant,
      feasibility: b.feasibility,
      impact: score(b.impact),
      reach: score(b.reach),
      ease: score(b.ease),
      behaviourIds: b.behaviours.map((x) => x.behaviour.id),
      teamIds: b.teams.map((x) => x.team.id),
    },
  };
}
