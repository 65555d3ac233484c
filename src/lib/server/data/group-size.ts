import "server-only";
import { cache } from "react";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import { NotFoundError } from "../errors";
import { DEFAULT_MIN_GROUP_SIZE, protectGroups, type GroupProtection, type GroupTeam } from "@/lib/domain/group-size";
import type { MemberContext } from "./accounts";

// The organisation's teams, value streams and active members in one statement, and which teams' figures are
// hidden under its minimum group size (docs/decisions/039). Every breakdown by team reads it.

interface Row {
  threshold: number;
  id: string | null;
  kind: "TEAM" | "VALUE_STREAM" | null;
  parentId: string | null;
  membershipId: string | null;
}

/**
 * The organisation's threshold, read with its teams (so a change applies from the very next request). Once per
 * request: a page whose parts each read it (the team view and its participation) shares one read.
 */
export function groupProtection(ctx: Pick<MemberContext, "orgId">): Promise<GroupProtection> {
  return protectionOf(ctx.orgId);
}

const protectionOf = cache(async (orgId: string): Promise<GroupProtection> => {
  const rows = await db().$queryRaw<Row[]>`
    SELECT o."minGroupSize" AS "threshold", t."id", t."kind"::text AS "kind", t."parentId", m."id" AS "membershipId"
      FROM "Organization" o
      LEFT JOIN "Team" t ON t."organizationId" = o."id"
      LEFT JOIN "TeamMember" tm ON tm."teamId" = t."id"
      LEFT JOIN "Membership" m ON m."id" = tm."membershipId" AND m."status" = 'ACTIVE'
     WHERE o."id" = ${orgId}`;
  const teams = new Map<string, GroupTeam & { members: string[] }>();
  for (const r of rows) {
    if (!r.id || !r.kind) continue;
    const t = teams.get(r.id) ?? { id: r.id, kind: r.kind, parentId: r.parentId, members: [] };
    if (r.membershipId) t.members.push(r.membershipId);
    teams.set(r.id, t);
  }
  return protectGroups([...teams.values()], Number(rows[0]?.threshold ?? DEFAULT_MIN_GROUP_SIZE));
});

/**
 * An admin sets the organisation's minimum group size: every page reads it from the next request on. The change
 * and the value it replaced are a security audit event ("privacy." is kept whatever the audit retention), so a
 * works council can always see who lowered it and when.
 */
export async function setMinGroupSize(ctx: MemberContext, minGroupSize: number): Promise<void> {
  await authorize(ctx, "members.manage");
  await db().$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ minGroupSize: number }[]>`
      SELECT "minGroupSize" FROM "Organization" WHERE "id" = ${ctx.orgId} FOR UPDATE`;
    if (!before) throw new NotFoundError();
    await tx.organization.update({ where: { id: ctx.orgId }, data: { minGroupSize } });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "privacy.group-size",
        targetType: "Organization",
        targetId: ctx.orgId,
        outcome: "ok",
        details: { from: Number(before.minGroupSize), to: minGroupSize },
      },
      tx,
    );
  });
}

/** The organisation's minimum group size, for the pages that state it. */
export async function minGroupSizeOf(ctx: Pick<MemberContext, "orgId">): Promise<number> {
  const org = await db().organization.findUnique({ where: { id: ctx.orgId }, select: { minGroupSize: true } });
  return org?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
}
