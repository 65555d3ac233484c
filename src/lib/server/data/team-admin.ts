import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { isUniqueViolation } from "../db-errors";
import { NotFoundError, RuleError } from "../errors";
import { can } from "@/lib/domain/roles";
import { teamHoldings } from "@/lib/domain/teams";
import type { TeamInput, TeamPeopleDto, TeamRowDto, TeamStructureDto } from "@/lib/schemas/teams";
import type { MemberContext } from "./accounts";

const NAME_TAKEN = "Another team or value stream in your organisation already has this name.";

const audit = (ctx: MemberContext, action: string, targetId: string, details?: Record<string, string>) =>
  recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action,
    targetType: "Team",
    targetId,
    outcome: "ok",
    details,
  });

function nameClash(err: unknown): unknown {
  return isUniqueViolation(err) ? new RuleError(NAME_TAKEN, "name") : err;
}

/** A value stream of the caller's organisation, or a RuleError beside the value-stream field. */
async function checkStream(ctx: MemberContext, parentId: string | null): Promise<void> {
  if (!parentId) return;
  const stream = await db().team.findFirst({
    where: { id: parentId, organizationId: ctx.orgId, kind: "VALUE_STREAM" },
    select: { id: true },
  });
  if (!stream) throw new RuleError("Choose one of your organisation's value streams.", "parentId");
}

async function findTeam(ctx: MemberContext, id: string) {
  const team = await db().team.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: { id: true, name: true, kind: true, archivedAt: true },
  });
  if (!team) throw new NotFoundError();
  return team;
}

/**
 * How many people each team has, by the teams' own keys. Prisma's relation `_count` counts in a
 * subquery grouped over the whole TeamMember table, every organisation's rows (issue 19,
 * page-plans.test.ts); a groupBy by team id reads only these teams' entries of the primary key.
 */
async function memberCounts(ctx: MemberContext, teamIds: string[]): Promise<Map<string, number>> {
  if (teamIds.length === 0) return new Map();
  const rows = await db().teamMember.groupBy({
    by: ["teamId"],
    where: { organizationId: ctx.orgId, teamId: { in: teamIds } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.teamId, r._count._all]));
}

/** Value streams with their teams, and the teams in none; archived ones are marked, not hidden. */
export async function teamStructure(ctx: MemberContext): Promise<TeamStructureDto> {
  const rows = await db().team.findMany({
    where: { organizationId: ctx.orgId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, parentId: true, archivedAt: true },
  });
  const members = await memberCounts(
    ctx,
    rows.map((r) => r.id),
  );
  const row = (r: (typeof rows)[number]): TeamRowDto => ({
    id: r.id,
    name: r.name,
    archived: r.archivedAt !== null,
    memberCount: members.get(r.id) ?? 0,
  });
  const teams = rows.filter((r) => r.kind === "TEAM");
  return {
    streams: rows
      .filter((r) => r.kind === "VALUE_STREAM")
      .map((s) => ({ ...row(s), teams: teams.filter((t) => t.parentId === s.id).map(row) })),
    unassigned: teams.filter((t) => t.parentId === null).map(row),
  };
}

export async function createTeam(ctx: MemberContext, input: TeamInput): Promise<string> {
  await authorize(ctx, "teams.manage");
  if (input.kind === "VALUE_STREAM" && input.parentId)
    throw new RuleError("A value stream holds teams; it cannot sit inside another one.", "parentId");
  await checkStream(ctx, input.parentId);
  try {
    const team = await db().team.create({
      data: { organizationId: ctx.orgId, name: input.name, kind: input.kind, parentId: input.parentId },
      select: { id: true },
    });
    await audit(ctx, input.kind === "TEAM" ? "team.create" : "value-stream.create", team.id, { name: input.name });
    return team.id;
  } catch (err) {
    throw nameClash(err);
  }
}

export async function renameTeam(ctx: MemberContext, id: string, name: string): Promise<void> {
  await authorize(ctx, "teams.manage");
  const team = await findTeam(ctx, id);
  try {
    await db().team.update({ where: { id: team.id }, data: { name } });
  } catch (err) {
    throw nameClash(err);
  }
  await audit(ctx, "team.rename", id, { from: team.name, to: name });
}

/** Puts a team into a value stream, or into none. */
export async function moveTeam(ctx: MemberContext, id: string, parentId: string | null): Promise<void> {
  await authorize(ctx, "teams.manage");
  const team = await findTeam(ctx, id);
  if (team.kind !== "TEAM") throw new RuleError("Only teams move between value streams.", "parentId");
  await checkStream(ctx, parentId);
  await db().team.update({ where: { id: team.id }, data: { parentId } });
  await audit(ctx, "team.move", id, { valueStream: parentId ?? "none" });
}

/** Archived: its history stays on every page, but nobody can log for it any more. */
export async function setTeamArchived(ctx: MemberContext, id: string, archived: boolean): Promise<void> {
  await authorize(ctx, "teams.manage");
  await findTeam(ctx, id);
  await db().team.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
  await audit(ctx, archived ? "team.archive" : "team.unarchive", id);
}

/** A team's weekly observation target (issue 18 §3), or none. */
export async function setObservationTarget(ctx: MemberContext, id: string, target: number | null): Promise<void> {
  await authorize(ctx, "teams.manage");
  const team = await findTeam(ctx, id);
  if (team.kind !== "TEAM") throw new NotFoundError();
  await db().team.update({ where: { id }, data: { observationTarget: target } });
  await audit(ctx, "team.target", id, { target: target === null ? "none" : String(target) });
}

/**
 * Deletes a team or value stream that holds nothing: deleting one with history would take its
 * observations with it, so those are archived instead. The row is locked first, so an observation
 * logged meanwhile either is counted or waits and then fails its reference: it is never deleted.
 */
export async function deleteTeam(ctx: MemberContext, id: string): Promise<void> {
  await authorize(ctx, "teams.manage");
  const team = await findTeam(ctx, id);
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Team" WHERE "id" = ${id} FOR UPDATE`;
    const counts = await tx.team.findUniqueOrThrow({
      where: { id },
      select: {
        _count: {
          select: {
            observations: true,
            members: true,
            children: true,
            variants: true,
            barriers: true,
            interventions: true,
            metrics: true,
            readings: true,
          },
        },
      },
    });
    const held = teamHoldings(counts._count);
    if (held) throw new RuleError(`“${team.name}” still holds ${held}. Archive it instead: its history stays.`);
    await tx.team.delete({ where: { id } });
  });
  await audit(ctx, team.kind === "TEAM" ? "team.delete" : "value-stream.delete", id, { name: team.name });
}

/** Admins manage every team's people; a manager manages the people of a team they belong to. */
async function mayManageMembers(ctx: MemberContext, teamId: string): Promise<boolean> {
  if (can(ctx.role, "teams.manage", ctx.policy)) return true;
  if (ctx.role !== "MANAGER") return false;
  const own = await db().teamMember.findFirst({
    where: { organizationId: ctx.orgId, teamId, membershipId: ctx.membershipId },
    select: { teamId: true },
  });
  return own !== null;
}

async function requireMemberManager(ctx: MemberContext, teamId: string): Promise<void> {
  const team = await findTeam(ctx, teamId);
  if (team.kind !== "TEAM") throw new NotFoundError();
  if (!(await mayManageMembers(ctx, teamId)))
    await authorize(ctx, "teams.manage", "Only an admin or one of this team's managers can change its people.");
}

/** A team's people: names and roles for everyone in the organisation, and what the caller may change. */
export async function teamPeople(ctx: MemberContext, teamId: string): Promise<TeamPeopleDto> {
  const team = await findTeam(ctx, teamId);
  if (team.kind !== "TEAM") throw new NotFoundError();
  const canManageMembers = await mayManageMembers(ctx, teamId);
  const [members, candidates] = await Promise.all([
    db().teamMember.findMany({
      where: { organizationId: ctx.orgId, teamId },
      orderBy: { membership: { user: { name: "asc" } } },
      select: { membership: { select: { id: true, role: true, user: { select: { name: true } } } } },
    }),
    canManageMembers
      ? db().membership.findMany({
          where: { organizationId: ctx.orgId, status: "ACTIVE", teams: { none: { teamId } } },
          orderBy: { user: { name: "asc" } },
          select: { id: true, user: { select: { name: true } } },
        })
      : [],
  ]);
  return {
    members: members.map((m) => ({
      membershipId: m.membership.id,
      name: m.membership.user.name,
      role: m.membership.role,
    })),
    candidates: candidates.map((c) => ({ id: c.id, name: c.user.name })),
    canManageMembers,
    canManageTeam: can(ctx.role, "teams.manage", ctx.policy),
  };
}

/** Adds an active member of the organisation to the team; adding someone already in it changes nothing. */
export async function addTeamMember(ctx: MemberContext, teamId: string, membershipId: string): Promise<void> {
  await requireMemberManager(ctx, teamId);
  const person = await db().membership.findFirst({
    where: { id: membershipId, organizationId: ctx.orgId, status: "ACTIVE" },
    select: { id: true },
  });
  if (!person) throw new RuleError("Choose an active member of your organisation.", "membershipId");
  const { count } = await db().teamMember.createMany({
    data: [{ organizationId: ctx.orgId, teamId, membershipId }],
    skipDuplicates: true,
  });
  if (count > 0) await audit(ctx, "team.member.add", teamId, { membershipId });
}

export async function removeTeamMember(ctx: MemberContext, teamId: string, membershipId: string): Promise<void> {
  await requireMemberManager(ctx, teamId);
  const { count } = await db().teamMember.deleteMany({ where: { organizationId: ctx.orgId, teamId, membershipId } });
  if (count === 0) throw new NotFoundError();
  await audit(ctx, "team.member.remove", teamId, { membershipId });
}

/** Whether an id names a team or a value stream of the caller's organisation (a foreign id is not found). */
export async function teamKind(ctx: MemberContext, id: string): Promise<"TEAM" | "VALUE_STREAM"> {
  return (await findTeam(ctx, id)).kind;
}

/** A value stream and its teams. */
export async function getValueStream(
  ctx: MemberContext,
  id: string,
): Promise<{ id: string; name: string; archived: boolean; teams: TeamRowDto[] }> {
  const stream = await db().team.findFirst({
    where: { id, organizationId: ctx.orgId, kind: "VALUE_STREAM" },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      children: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, archivedAt: true },
      },
    },
  });
  if (!stream) throw new NotFoundError();
  const members = await memberCounts(
    ctx,
    stream.children.map((t) => t.id),
  );
  return {
    id: stream.id,
    name: stream.name,
    archived: stream.archivedAt !== null,
    teams: stream.children.map((t) => ({
      id: t.id,
      name: t.name,
      archived: t.archivedAt !== null,
      memberCount: members.get(t.id) ?? 0,
    })),
  };
}
