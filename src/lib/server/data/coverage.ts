import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { coverageGaps, COVERAGE_DAYS } from "@/lib/domain/coverage";
import { dateOnly, dayOf, fromDateOnly, lastDays, type TimeZone } from "@/lib/domain/dates";
import type { MemberContext } from "./accounts";

export interface CoverageGapDto {
  teamId: string;
  teamName: string;
  behaviourId: string;
  behaviourTitle: string;
  lastDay: string | null;
}

/**
 * Team × active behaviour pairs with no observation in the last 14 days, from the daily summary
 * (optionally for one team). Two bounded reads instead of one over the organisation's whole history
 * (which grew with every day, issue 8): the pairs seen inside the window, then, only for the pairs
 * that were not, their last day before it (an index probe per pair: the summary's key starts with
 * organisation, behaviour, team, day).
 */
export async function listCoverageGaps(
  ctx: MemberContext,
  now = new Date(),
  opts: { teamId?: string } = {},
): Promise<CoverageGapDto[]> {
  await authorize(ctx, "dashboards.view");
  return coverageGapsIn({ id: ctx.orgId, timeZone: ctx.timeZone }, now, opts);
}

/**
 * The same for one organisation, read by the system (the weekly digest's managers' part) rather than by a member:
 * the caller has established that the organisation's figures may be read.
 */
export async function coverageGapsIn(
  org: { id: string; timeZone: TimeZone },
  now: Date,
  opts: { teamId?: string } = {},
): Promise<CoverageGapDto[]> {
  const today = dayOf(now, org.timeZone);
  const cutoff = lastDays(today, COVERAGE_DAYS).from;
  const scope = { organizationId: org.id, ...(opts.teamId ? { teamId: opts.teamId } : {}) };
  const [teams, behaviours, recent] = await Promise.all([
    db().team.findMany({
      where: { organizationId: org.id, kind: "TEAM", ...(opts.teamId ? { id: opts.teamId } : {}) },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().behaviour.findMany({
      where: { organizationId: org.id, status: "ACTIVE", deletedAt: null, parentId: null },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
    db().observationDaily.groupBy({
      by: ["teamId", "behaviourId"],
      where: { ...scope, day: { gte: dateOnly(cutoff) } },
      _max: { day: true },
    }),
  ]);
  const seenRecently = new Set(recent.map((r) => `${r.teamId}/${r.behaviourId}`));
  const unseen = teams.flatMap((t) =>
    behaviours.filter((b) => !seenRecently.has(`${t.id}/${b.id}`)).map((b) => ({ teamId: t.id, behaviourId: b.id })),
  );
  const earlier = unseen.length
    ? await db().observationDaily.groupBy({
        by: ["teamId", "behaviourId"],
        where: { organizationId: org.id, day: { lt: dateOnly(cutoff) }, OR: unseen },
        _max: { day: true },
      })
    : [];
  const gaps = coverageGaps(
    teams.map((t) => t.id),
    behaviours.map((b) => b.id),
    [...recent, ...earlier].map((s) => ({
      teamId: s.teamId,
      behaviourId: s.behaviourId,
      lastDay: s._max.day ? fromDateOnly(s._max.day) : null,
    })),
    today,
    COVERAGE_DAYS,
  );
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const title = new Map(behaviours.map((b) => [b.id, b.title]));
  return gaps.map((g) => ({
    teamId: g.teamId,
    teamName: teamName.get(g.teamId)!,
    behaviourId: g.behaviourId,
    behaviourTitle: title.get(g.behaviourId)!,
    lastDay: g.lastDay,
  }));
}
