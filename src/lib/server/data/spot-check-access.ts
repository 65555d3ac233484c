import "server-only";
import { db } from "../db";
import { dateOnly, dayOf } from "@/lib/domain/dates";
import type { MemberContext } from "./accounts";

/**
 * A running spot check lets its second observer log its behaviour for its team on the Log pad,
 * even when they are not in the team (issue 18 §3). These two reads are the only place that widens
 * who may log for a team: the pad's options and the check on every write.
 */
const running = (ctx: MemberContext, now: Date) => {
  const today = dateOnly(dayOf(now, ctx.timeZone));
  return {
    organizationId: ctx.orgId,
    observerId: ctx.membershipId,
    cancelledAt: null,
    startsOn: { lte: today },
    endsOn: { gte: today },
    team: { archivedAt: null, kind: "TEAM" as const },
  };
};

/** Teams the caller may log for today only because of a running spot check, marked as such. */
export async function spotCheckTeams(ctx: MemberContext, now = new Date()): Promise<{ id: string; name: string }[]> {
  const rows = await db().spotCheck.findMany({
    where: running(ctx, now),
    orderBy: { team: { name: "asc" } },
    select: { team: { select: { id: true, name: true } } },
  });
  const seen = new Map(rows.map((r) => [r.team.id, r.team.name]));
  return [...seen].map(([id, name]) => ({ id, name: `${name} (spot check)` }));
}

/** The caller's teams plus the spot-check ones they are not in, by name. */
export function withSpotCheckTeams<T extends { id: string; name: string }>(mine: T[], checks: T[]): T[] {
  const ids = new Set(mine.map((t) => t.id));
  return [...mine, ...checks.filter((t) => !ids.has(t.id))].sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether a running spot check of the caller covers this behaviour (the parent, not a variant) in this team. */
export async function spotCheckAllows(
  ctx: MemberContext,
  teamId: string,
  behaviourId: string,
  now = new Date(),
): Promise<boolean> {
  const check = await db().spotCheck.findFirst({
    where: { ...running(ctx, now), teamId, behaviourId },
    select: { id: true },
  });
  return check !== null;
}

/** Whether a running spot check of the caller covers this team at all (to say which behaviour it allows). */
export async function spotCheckCovers(ctx: MemberContext, teamId: string, now = new Date()): Promise<boolean> {
  const check = await db().spotCheck.findFirst({ where: { ...running(ctx, now), teamId }, select: { id: true } });
  return check !== null;
}
