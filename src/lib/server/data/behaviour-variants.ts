import "server-only";
import { recordRefusal } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { ForbiddenError, NotFoundError, RuleError } from "../errors";
import { can } from "@/lib/domain/roles";
import { behaviourSentence } from "@/lib/domain/behaviour";
import { videoTest } from "@/lib/domain/video-test";
import { videoTestTerms } from "./video-test-terms";
import type { VariantDto, VariantInput } from "@/lib/schemas/variants";
import type { MemberContext } from "./accounts";

// A local variant adapts an organisation behaviour for one team: a different trigger or frequency,
// the same intent. It is observed and reported as part of its parent (observations carry the
// parent's id and the team), so it needs no video test of its own beyond the automatic one: the
// parent's human video test covered the intent (docs/decisions/004).

/** Leaders and admins, or a manager who belongs to the team. */
async function mayAdapt(ctx: MemberContext, teamId: string): Promise<boolean> {
  if (can(ctx.role, "catalogue.edit", ctx.policy)) return true;
  if (ctx.role !== "MANAGER") return false;
  return (
    (await db().teamMember.count({ where: { organizationId: ctx.orgId, teamId, membershipId: ctx.membershipId } })) > 0
  );
}

export async function createVariant(ctx: MemberContext, parentId: string, input: VariantInput): Promise<string> {
  const [parent, team] = await Promise.all([
    db().behaviour.findFirst({
      where: { id: parentId, organizationId: ctx.orgId, deletedAt: null, parentId: null },
      select: {
        id: true,
        title: true,
        status: true,
        valueId: true,
        ownerId: true,
        actor: true,
        action: true,
        trigger: true,
        frequency: true,
        completionCriterion: true,
        customerOutcome: true,
        example: true,
        anchors: true,
      },
    }),
    db().team.findFirst({
      where: { id: input.teamId, organizationId: ctx.orgId, kind: "TEAM" },
      select: { id: true, name: true },
    }),
  ]);
  if (!parent) throw new NotFoundError();
  if (!team) throw new RuleError("Choose a team of your organisation.", "teamId");
  if (!(await mayAdapt(ctx, team.id))) {
    await recordRefusal({
      organizationId: ctx.orgId,
      actorUserId: ctx.userId,
      permission: "catalogue.edit",
      reason: "role",
    });
    throw new ForbiddenError("Only leaders, admins and the team's managers can adapt a behaviour for a team.");
  }
  if (parent.status !== "ACTIVE") throw new RuleError("Only an active behaviour can be adapted for a team.");
  if (input.trigger === parent.trigger && input.frequency === parent.frequency) {
    throw new RuleError(
      "A variant changes the trigger or the frequency; this one is the same as the behaviour.",
      "trigger",
    );
  }
  const check = videoTest(
    { ...parent, trigger: input.trigger, frequency: input.frequency },
    await videoTestTerms(ctx.orgId),
  );
  const problem = check.findings.find((f) => f.field === "trigger" || f.field === "frequency");
  if (problem)
    throw new RuleError(
      `${problem.words.length ? `“${problem.words.join("”, “")}”: ` : ""}${problem.message} ${problem.suggestion}`,
      problem.field,
    );
  if (
    await db().behaviour.count({
      where: { organizationId: ctx.orgId, parentId: parent.id, teamId: team.id, deletedAt: null },
    })
  ) {
    throw new RuleError(`${team.name} already has a variant of this behaviour.`, "teamId");
  }
  const { id: _id, status: _s, title, trigger: _t, frequency: _f, ...fields } = parent;
  const variant = await db().behaviour.create({
    data: {
      ...fields,
      title: `${title} (${team.name})`,
      trigger: input.trigger,
      frequency: input.frequency,
      organizationId: ctx.orgId,
      parentId: parent.id,
      teamId: team.id,
      authorId: ctx.membershipId,
      status: "ACTIVE",
    },
    select: { id: true },
  });
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "behaviour.variant",
    targetType: "Behaviour",
    targetId: variant.id,
    outcome: "ok",
    details: { parentId: parent.id, teamId: team.id },
  });
  return variant.id;
}

export async function listVariants(ctx: MemberContext, parentId: string): Promise<VariantDto[]> {
  const rows = await db().behaviour.findMany({
    where: { organizationId: ctx.orgId, parentId, deletedAt: null },
    orderBy: { team: { name: "asc" } },
    select: { id: true, actor: true, action: true, trigger: true, frequency: true, team: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    teamName: r.team?.name ?? "",
    trigger: r.trigger,
    frequency: r.frequency,
    sentence: behaviourSentence(r),
  }));
}

/** Teams the caller may create a variant for (for the form). */
export async function adaptableTeams(ctx: MemberContext): Promise<{ id: string; name: string }[]> {
  if (!can(ctx.role, "catalogue.edit", ctx.policy) && ctx.role !== "MANAGER") return [];
  return db().team.findMany({
    where: {
      organizationId: ctx.orgId,
      kind: "TEAM",
      ...(can(ctx.role, "catalogue.edit", ctx.policy) ? {} : { members: { some: { membershipId: ctx.membershipId } } }),
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
