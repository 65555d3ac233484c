import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { ForbiddenError } from "../errors";
import { can } from "@/lib/domain/roles";
import { coverageGaps, COVERAGE_DAYS } from "@/lib/domain/coverage";
import type { MemberContext } from "./accounts";

export interface CoverageGapDto {
  teamName: string;
  behaviourId: string;
  behaviourTitle: string;
  lastDay: string | null;
}

/** Team × active behaviour pairs with no observation in the last 14 days, from the daily summary. */
export async function listCoverageGaps(ctx: MemberContext, now = new Date()): Promise<CoverageGapDto[]> {
  await authorize(ctx, "dashboards.view");
  const [teams, behaviours, seen] = await Promise.all([
    db().team.findMany({ where: { organizationId: ctx.orgId, kind: "TEAM" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().behaviour.findMany({ where: { organizationId: ctx.orgId, status: "ACTIVE", deletedAt: null, parentId: null }, orderBy: { title: "asc" }, select: { id: true, title: true } }),
    db().observationDaily.groupBy({ by: ["teamId", "behaviourId"], where: { organizationId: ctx.orgId }, _max: { day: true } }),
  ]);
  const gaps = coverageGaps(
    teams.map((t) => t.id),
    behaviours.map((b) => b.id),
    seen.map((s) => ({ teamId: s.teamId, behaviourId: s.behaviourId, lastDay: s._max.day?.toISOString().slice(0, 10) ?? null })),
    now.toISOString().slice(0, 10),
    COVERAGE_DAYS,
  );
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const title = new Map(behaviours.map((b) => [b.id, b.title]));
  return gaps.map((g) => ({ teamName: teamName.get(g.teamId)!, behaviourId: g.behaviourId, behaviourTitle: title.get(g.behaviourId)!, lastDay: g.lastDay }));
}
