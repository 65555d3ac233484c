import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import {
  beforeAfter,
  beforeAfterWindows,
  differenceInDifferences,
  hiddenEvidenceProblem,
  removalProblem,
  suggestedFunctions,
  type Apease,
  type ComB,
} from "@/lib/domain/interventions";
import { dateOnly, dayOf, fromDateOnly, UTC, type TimeZone } from "@/lib/domain/dates";
import {
  apeaseFrom,
  type InterventionDetailDto,
  type InterventionEvidenceDto,
  type InterventionInput,
} from "@/lib/schemas/barriers";
import { selectionHiddenBecause, type GroupProtection } from "@/lib/domain/group-size";
import { adoptionIn } from "./adoption-windows";
import { groupProtection } from "./group-size";
import type { MemberContext } from "./accounts";

/**
 * Plans an intervention against a barrier. The barrier moves on with it: to INTERVENTION PLANNED,
 * or IN PROGRESS when the start date has come.
 */
export async function createIntervention(
  ctx: MemberContext,
  input: InterventionInput,
  now = new Date(),
): Promise<string> {
  await authorize(ctx, "barriers.manage");
  return db().$transaction(async (tx) => {
    const [barrier, owner, teams] = await Promise.all([
      tx.barrier.findFirst({
        where: { id: input.barrierId, organizationId: ctx.orgId, deletedAt: null },
        select: { id: true, status: true },
      }),
      tx.membership.findFirst({
        where: { id: input.ownerId, organizationId: ctx.orgId, status: "ACTIVE" },
        select: { id: true },
      }),
      tx.team.findMany({
        where: { id: { in: input.teamIds }, organizationId: ctx.orgId, kind: "TEAM" },
        select: { id: true },
      }),
    ]);
    if (!barrier) throw new NotFoundError();
    if (!owner) throw new RuleError("Choose an active member of your organisation as owner.", "ownerId");
    if (teams.length !== input.teamIds.length) throw new RuleError("Choose teams of your organisation.", "teamIds");
    const created = await tx.intervention.create({
      data: {
        organizationId: ctx.orgId,
        barrierId: barrier.id,
        function: input.function,
        title: input.title,
        description: input.description,
        ownerId: owner.id,
        startDate: dateOnly(input.startDate),
        apease: apeaseFrom(input),
        techniques: input.techniques,
      },
      select: { id: true },
    });
    await tx.interventionTeam.createMany({
      data: input.teamIds.map((teamId) => ({ organizationId: ctx.orgId, interventionId: created.id, teamId })),
    });
    const started = input.startDate <= dayOf(now, ctx.timeZone);
    const next =
      started && (barrier.status === "IDENTIFIED" || barrier.status === "INTERVENTION_PLANNED")
        ? "IN_PROGRESS"
        : barrier.status === "IDENTIFIED"
          ? "INTERVENTION_PLANNED"
          : null;
    if (next) await tx.barrier.update({ where: { id: barrier.id }, data: { status: next, version: { increment: 1 } } });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "intervention.create",
        targetType: "Intervention",
        targetId: created.id,
        outcome: "ok",
        details: { barrierId: barrier.id },
      },
      tx,
    );
    return created.id;
  });
}

interface InterventionRow {
  id: string;
  title: string;
  startDate: Date;
  teams: { team: { id: string; name: string } }[];
}

/**
 * Adoption of the behaviours in the intervention's teams, before its start and since: none when its teams'
 * figures are hidden under the minimum group size, and then it cannot be the evidence of a removal.
 */
export async function interventionEvidence(
  orgId: string,
  protection: GroupProtection,
  behaviourIds: string[],
  i: InterventionRow,
  now = new Date(),
  zone: TimeZone = UTC,
): Promise<InterventionEvidenceDto> {
  const start = fromDateOnly(i.startDate);
  const windows = beforeAfterWindows(start, dayOf(now, zone));
  const teamIds = i.teams.map((t) => t.team.id);
  const base = { interventionId: i.id, title: i.title, startDate: start, teamNames: i.teams.map((t) => t.team.name) };
  if (!windows) return { ...base, windows: null, result: null, suppressed: null, problem: removalProblem(null) };
  const suppressed = selectionHiddenBecause(protection, teamIds);
  if (suppressed)
    return {
      ...base,
      windows: { before: windows.before, after: windows.after },
      result: null,
      suppressed,
      problem: hiddenEvidenceProblem(suppressed, protection.threshold),
    };
  const [before, after] = await Promise.all([
    adoptionIn(orgId, behaviourIds, { in: teamIds }, windows.before),
    adoptionIn(orgId, behaviourIds, { in: teamIds }, windows.after),
  ]);
  const result = beforeAfter(before, after);
  return {
    ...base,
    windows: { before: windows.before, after: windows.after },
    result,
    suppressed: null,
    problem: removalProblem(result),
  };
}

export const INTERVENTION_SELECT = {
  id: true,
  title: true,
  startDate: true,
  teams: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
} as const;

/**
 * A removal's frozen evidence as it may be shown today: its figures go when its intervention's teams are now
 * hidden under the minimum group size (a raised threshold, or people who left), though the removal stands.
 */
export function protectRemovalEvidence<E extends InterventionEvidenceDto>(
  evidence: E | null,
  protection: GroupProtection,
  teamsOf: (interventionId: string) => string[] | undefined,
): E | null {
  if (!evidence?.result) return evidence;
  const teamIds = teamsOf(evidence.interventionId);
  const suppressed = teamIds ? selectionHiddenBecause(protection, teamIds) : "small";
  return suppressed ? { ...evidence, result: null, suppressed } : evidence;
}

/**
 * One intervention with its before/after view: the teams it was rolled out to against the teams
 * that have not had it yet, over the same windows (a comparison group, not a randomised control).
 * Either side's figures are hidden when its teams are too few people, or would give a hidden team's away.
 */
export async function getIntervention(
  ctx: MemberContext,
  id: string,
  now = new Date(),
): Promise<InterventionDetailDto> {
  const i = await db().intervention.findFirst({
    where: { id, organizationId: ctx.orgId, barrier: { deletedAt: null } },
    select: {
      id: true,
      title: true,
      function: true,
      description: true,
      startDate: true,
      apease: true,
      techniques: true,
      owner: { select: { user: { select: { name: true } } } },
      barrier: {
        select: {
          id: true,
          title: true,
          comB: true,
          behaviours: { select: { behaviour: { select: { id: true, title: true } } } },
        },
      },
      teams: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
    },
  });
  if (!i) throw new NotFoundError();
  const behaviourIds = i.barrier.behaviours.map((b) => b.behaviour.id);
  const rolledIds = i.teams.map((t) => t.team.id);
  const [others, protection] = await Promise.all([
    db().team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM", id: { notIn: rolledIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    groupProtection(ctx),
  ]);
  const rolledHidden = selectionHiddenBecause(protection, rolledIds);
  const othersHidden =
    others.length > 0
      ? selectionHiddenBecause(
          protection,
          others.map((t) => t.id),
        )
      : null;
  const windows = beforeAfterWindows(fromDateOnly(i.startDate), dayOf(now, ctx.timeZone));
  const figures = async (teamId: { in: string[] } | { notIn: string[] }, w: NonNullable<typeof windows>) => {
    const [before, after] = await Promise.all([
      adoptionIn(ctx.orgId, behaviourIds, teamId, w.before),
      adoptionIn(ctx.orgId, behaviourIds, teamId, w.after),
    ]);
    return beforeAfter(before, after);
  };
  const [rolled, comparison] = windows
    ? await Promise.all([
        rolledHidden ? null : figures({ in: rolledIds }, windows),
        others.length === 0 || othersHidden ? null : figures({ notIn: rolledIds }, windows),
      ])
    : [null, null];
  return {
    id: i.id,
    title: i.title,
    function: i.function,
    description: i.description,
    ownerName: i.owner.user.name,
    startDate: fromDateOnly(i.startDate),
    apease: i.apease as unknown as Apease,
    techniques: i.techniques,
    barrier: { id: i.barrier.id, title: i.barrier.title, comB: i.barrier.comB },
    behaviourTitles: i.barrier.behaviours.map((b) => b.behaviour.title).sort(),
    rolledOut: { teamNames: i.teams.map((t) => t.team.name), result: rolled, suppressed: rolledHidden },
    comparison: { teamNames: others.map((t) => t.name), result: comparison, suppressed: othersHidden },
    windows,
    differenceInDifferences: rolled && comparison ? differenceInDifferences(rolled, comparison) : null,
  };
}

/** What the intervention form needs: the barrier, its suggested functions, teams and owners. */
export async function interventionFormContext(ctx: MemberContext, barrierId: string) {
  await authorize(ctx, "barriers.manage");
  const barrier = await db().barrier.findFirst({
    where: { id: barrierId, organizationId: ctx.orgId, deletedAt: null },
    select: { id: true, title: true, comB: true, teams: { select: { teamId: true } } },
  });
  if (!barrier) throw new NotFoundError();
  const [teams, owners] = await Promise.all([
    db().team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().membership.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE" },
      orderBy: { user: { name: "asc" } },
      select: { id: true, user: { select: { name: true } } },
    }),
  ]);
  return {
    barrier: { id: barrier.id, title: barrier.title, comB: barrier.comB, teamIds: barrier.teams.map((t) => t.teamId) },
    suggested: [...suggestedFunctions(barrier.comB as ComB)],
    teams,
    owners: owners.map((o) => ({ id: o.id, name: o.user.name })),
    selfId: ctx.membershipId,
  };
}
