import "server-only";
import { isUniqueViolation } from "../db-errors";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { dateOnly, fromDateOnly } from "@/lib/domain/dates";
import { type MetricFormValues, type MetricInput } from "@/lib/schemas/metrics";
import { type Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

/** How far back a derived metric looks for weeks with a rate: a year, so a pause in observing still shows the last known week. */

/** Owner, teams and source behaviour named by the form must be the caller's organisation's: ids prove nothing. */
async function checkLinks(tx: Prisma.TransactionClient, ctx: MemberContext, input: MetricInput, exceptId?: string) {
  const [owner, teams, source, clash] = await Promise.all([
    input.ownerId
      ? tx.membership.count({ where: { id: input.ownerId, organizationId: ctx.orgId, status: "ACTIVE" } })
      : 1,
    tx.team.count({ where: { id: { in: input.teamIds }, organizationId: ctx.orgId, kind: "TEAM" } }),
    input.sourceBehaviourId
      ? tx.behaviour.count({
          where: { id: input.sourceBehaviourId, organizationId: ctx.orgId, deletedAt: null, parentId: null },
        })
      : 1,
    // Deleted metrics keep their name (the database's unique key), so they count too.
    tx.metric.findFirst({
      where: {
        organizationId: ctx.orgId,
        name: { equals: input.name, mode: "insensitive" },
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
      select: { id: true },
    }),
  ]);
  if (!owner) throw new RuleError("Choose an active member of your organisation as owner.", "ownerId");
  if (teams !== input.teamIds.length) throw new RuleError("Choose teams of your organisation.", "teamIds");
  if (!source) throw new RuleError("Choose a behaviour of your organisation's catalogue.", "sourceBehaviourId");
  if (clash) throw new RuleError(NAME_TAKEN, "name");
}

const NAME_TAKEN = "Another metric in your organisation already has this name.";

/** Two saves racing past the check: the unique key lets one through; the other gets the same message. */
function nameClash(err: unknown): unknown {
  return isUniqueViolation(err) ? new RuleError(NAME_TAKEN, "name") : err;
}

const columns = ({ teamIds: _t, targetDate, ...input }: MetricInput) => ({
  ...input,
  targetDate: targetDate ? dateOnly(targetDate) : null,
});

async function writeTeams(tx: Prisma.TransactionClient, ctx: MemberContext, metricId: string, teamIds: string[]) {
  await tx.metricTeam.deleteMany({ where: { metricId } });
  await tx.metricTeam.createMany({ data: teamIds.map((teamId) => ({ organizationId: ctx.orgId, metricId, teamId })) });
}

export async function createMetric(ctx: MemberContext, input: MetricInput): Promise<string> {
  await authorize(ctx, "metrics.manage");
  try {
    return await db().$transaction(async (tx) => {
      await checkLinks(tx, ctx, input);
      const created = await tx.metric.create({
        data: { ...columns(input), organizationId: ctx.orgId },
        select: { id: true },
      });
      await writeTeams(tx, ctx, created.id, input.teamIds);
      await recordAudit(
        {
          organizationId: ctx.orgId,
          actorUserId: ctx.userId,
          action: "metric.create",
          targetType: "Metric",
          targetId: created.id,
          outcome: "ok",
        },
        tx,
      );
      return created.id;
    });
  } catch (err) {
    throw nameClash(err);
  }
}

export class MetricConflictError extends RuleError {
  constructor() {
    super(
      "Someone else saved this metric since you opened it. Your changes are still in the form: reload the page in another tab to compare, then save again.",
    );
  }
}

export async function updateMetric(
  ctx: MemberContext,
  id: string,
  expectedVersion: number,
  input: MetricInput,
): Promise<void> {
  await authorize(ctx, "metrics.manage");
  try {
    await db().$transaction(async (tx) => {
      const current = await tx.metric.findFirst({
        where: { id, organizationId: ctx.orgId, deletedAt: null },
        select: { id: true },
      });
      if (!current) throw new NotFoundError();
      await checkLinks(tx, ctx, input, id);
      const res = await tx.metric.updateMany({
        where: { id, organizationId: ctx.orgId, version: expectedVersion },
        data: { ...columns(input), version: { increment: 1 } },
      });
      if (res.count === 0) throw new MetricConflictError();
      await writeTeams(tx, ctx, id, input.teamIds);
      await recordAudit(
        {
          organizationId: ctx.orgId,
          actorUserId: ctx.userId,
          action: "metric.update",
          targetType: "Metric",
          targetId: id,
          outcome: "ok",
        },
        tx,
      );
    });
  } catch (err) {
    throw nameClash(err);
  }
}

/** The hypothesis behind the metric: if teams do these behaviours, the metric moves. */
export async function setMetricBehaviours(ctx: MemberContext, metricId: string, behaviourIds: string[]): Promise<void> {
  await authorize(ctx, "metrics.manage");
  const ids = [...new Set(behaviourIds)];
  await db().$transaction(async (tx) => {
    const [metric, found] = await Promise.all([
      tx.metric.findFirst({
        where: { id: metricId, organizationId: ctx.orgId, deletedAt: null },
        select: { id: true },
      }),
      tx.behaviour.count({ where: { id: { in: ids }, organizationId: ctx.orgId, deletedAt: null, parentId: null } }),
    ]);
    if (!metric) throw new NotFoundError();
    if (found !== ids.length)
      throw new RuleError("Choose behaviours of your organisation's catalogue.", "behaviourIds");
    await tx.behaviourMetric.deleteMany({ where: { metricId } });
    await tx.behaviourMetric.createMany({
      data: ids.map((behaviourId) => ({ organizationId: ctx.orgId, metricId, behaviourId })),
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "metric.behaviours",
        targetType: "Metric",
        targetId: metricId,
        outcome: "ok",
        details: { behaviours: ids.length },
      },
      tx,
    );
  });
}

/** The saved metric as its edit form shows it. */
export async function metricForEdit(
  ctx: MemberContext,
  id: string,
): Promise<{ values: MetricFormValues; version: number; name: string }> {
  await authorize(ctx, "metrics.manage");
  const m = await db().metric.findFirst({
    where: { id, organizationId: ctx.orgId, deletedAt: null },
    select: {
      name: true,
      unit: true,
      description: true,
      kind: true,
      timing: true,
      direction: true,
      ownerId: true,
      sourceBehaviourId: true,
      targetType: true,
      targetValue: true,
      targetDate: true,
      version: true,
      teams: { select: { teamId: true } },
    },
  });
  if (!m) throw new NotFoundError();
  return {
    name: m.name,
    version: m.version,
    values: {
      name: m.name,
      unit: m.unit,
      description: m.description,
      kind: m.kind,
      timing: m.timing,
      direction: m.direction,
      ownerId: m.ownerId ?? "",
      teamIds: m.teams.map((t) => t.teamId),
      sourceBehaviourId: m.sourceBehaviourId ?? "",
      targetType: m.targetType ?? "",
      targetValue: m.targetValue === null ? "" : String(m.targetValue),
      targetDate: m.targetDate ? fromDateOnly(m.targetDate) : "",
    },
  };
}
