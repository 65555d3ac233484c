import "server-only";
import { db } from "../db";
import { priorityScore } from "@/lib/domain/barriers";
import type { BarrierRowDto } from "@/lib/schemas/overview";
import type { MemberContext } from "./accounts";

/** Open and closed barriers of the organisation, highest priority first. */
export async function listBarriers(ctx: MemberContext): Promise<BarrierRowDto[]> {
  const rows = await db().barrier.findMany({
    where: { organizationId: ctx.orgId, deletedAt: null },
    select: {
      id: true, title: true, description: true, comB: true, determinant: true, status: true, impact: true, reach: true, ease: true,
      behaviours: { select: { behaviour: { select: { title: true } } } },
      teams: { select: { team: { select: { name: true } } } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id, title: r.title, description: r.description, comB: r.comB, determinant: r.determinant, status: r.status,
      impact: r.impact, reach: r.reach, ease: r.ease, priority: priorityScore(r),
      behaviourTitles: r.behaviours.map((b) => b.behaviour.title),
      teamNames: r.teams.map((t) => t.team.name),
    }))
    .sort((a, b) => b.priority - a.priority || a.title.localeCompare(b.title));
}
