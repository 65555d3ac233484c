import "server-only";
// The weekly digest's figures for one organisation, gathered once per send: a handful of grouped reads for every
// member together (no query per person), and the organisation-wide figures from the data layer the dashboards use
// (metricRows, listCoverageGaps, overdueActions), so a digest never disagrees with the page it links to.
import { db } from "../db";
import { addDays, dateOnly, fromDateOnly, instantRange, type IsoDate, type TimeZone } from "@/lib/domain/dates";
import { priorityOf } from "@/lib/domain/barriers";
import type { ManagerFigures, MemberFigures } from "@/lib/domain/digest";
import { localWeekStart } from "@/lib/domain/schedules";
import type { Role } from "@/lib/domain/roles";
import { metricRows } from "../data/metrics";
import { coverageGapsIn } from "../data/coverage";
import { overdueActionsIn } from "../data/action-lists";
import { groupProtection } from "../data/group-size";
import type { NotifyOrg } from "./org";

export interface DigestRecipient {
  membershipId: string;
  name: string;
  role: Role;
  member: MemberFigures;
}

export interface DigestFigures {
  week: { from: IsoDate; to: IsoDate };
  recipients: DigestRecipient[];
  manager: ManagerFigures;
}

/** The figures of the digest sent on local day `day` (the week start): it looks back on the week before it. */
export async function digestFigures(org: NotifyOrg, day: IsoDate, now: Date): Promise<DigestFigures> {
  const start = localWeekStart(day, org.weekStartsOn);
  const week = { from: addDays(start, -7), to: addDays(start, -1) };
  const before = { from: addDays(start, -14), to: addDays(start, -8) };
  const orgId = org.id;
  const [members, lastWeek, weekBefore, recognitions, actions, barriers, metrics, gaps, overdue, groups] =
    await Promise.all([
      db().membership.findMany({
        where: { organizationId: orgId, status: "ACTIVE", user: { placeholder: false } },
        select: { id: true, role: true, user: { select: { name: true } }, teams: { select: { teamId: true } } },
        orderBy: { id: "asc" },
      }),
      db().observationDaily.groupBy({
        by: ["teamId", "behaviourId"],
        where: { organizationId: orgId, day: { gte: dateOnly(week.from), lte: dateOnly(week.to) } },
        _sum: { performed: true, missed: true },
      }),
      db().observationDaily.groupBy({
        by: ["behaviourId"],
        where: { organizationId: orgId, day: { gte: dateOnly(before.from), lte: dateOnly(before.to) } },
        _sum: { performed: true, missed: true },
      }),
      db().recognition.findMany({
        where: { organizationId: orgId, createdAt: instantRange(week, org.timeZone) },
        select: {
          recipientMembershipId: true,
          recipientTeamId: true,
          act: true,
          giverId: true,
          giver: { select: { user: { select: { name: true } } } },
          behaviour: { select: { title: true } },
          team: { select: { name: true } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
      db().actionItem.findMany({
        where: { organizationId: orgId, status: "OPEN" },
        select: { ownerId: true, title: true, dueOn: true },
        orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      }),
      db().barrier.findMany({
        where: { organizationId: orgId, status: "IDENTIFIED", deletedAt: null },
        select: { title: true, impact: true, reach: true, ease: true },
      }),
      metricRows(orgId, day),
      coverageGapsIn({ id: orgId, timeZone: org.timeZone as TimeZone }, now),
      overdueActionsIn(orgId, {}, day, 5),
      groupProtection({ orgId }),
    ]);

  const behaviourIds = [...new Set([...lastWeek, ...weekBefore].map((r) => r.behaviourId))];
  const titles = new Map(
    (
      await db().behaviour.findMany({
        where: { organizationId: orgId, id: { in: behaviourIds } },
        select: { id: true, title: true },
      })
    ).map((b) => [b.id, b.title]),
  );
  const title = (id: string) => titles.get(id) ?? "A removed behaviour";

  const byTeam = new Map<string, { behaviourId: string; performed: number; missed: number }[]>();
  // A team the minimum group size hides gives no figures to its own people either (docs/decisions/039).
  for (const r of lastWeek) {
    if (groups.suppressed.has(r.teamId)) continue;
    const list = byTeam.get(r.teamId) ?? [];
    list.push({ behaviourId: r.behaviourId, performed: r._sum.performed ?? 0, missed: r._sum.missed ?? 0 });
    byTeam.set(r.teamId, list);
  }

  const recipients = members.map((m): DigestRecipient => {
    const teamIds = new Set(m.teams.map((t) => t.teamId));
    const counts = new Map<string, { performed: number; missed: number }>();
    for (const teamId of teamIds)
      for (const r of byTeam.get(teamId) ?? []) {
        const c = counts.get(r.behaviourId) ?? { performed: 0, missed: 0 };
        c.performed += r.performed;
        c.missed += r.missed;
        counts.set(r.behaviourId, c);
      }
    return {
      membershipId: m.id,
      name: m.user.name,
      role: m.role,
      member: {
        behaviours: [...counts].map(([id, c]) => ({ title: title(id), ...c })),
        hiddenTeams: [...teamIds].filter((id) => groups.suppressed.has(id)).length,
        recognitions: recognitions
          .filter(
            (r) =>
              r.giverId !== m.id &&
              (r.recipientMembershipId === m.id || (r.recipientTeamId !== null && teamIds.has(r.recipientTeamId))),
          )
          .map((r) => ({
            giverName: r.giver.user.name,
            behaviourTitle: r.behaviour.title,
            act: r.act,
            toTeam: r.recipientMembershipId === m.id ? null : (r.team?.name ?? null),
          })),
        openActions: actions
          .filter((a) => a.ownerId === m.id)
          .map((a) => {
            const dueOn = a.dueOn ? fromDateOnly(a.dueOn) : null;
            return { title: a.title, dueOn, overdue: dueOn !== null && dueOn < day };
          }),
      },
    };
  });

  const rate = (p: number, m: number) => (p + m === 0 ? null : p / (p + m));
  const after = new Map<string, { performed: number; missed: number }>();
  for (const r of lastWeek) {
    const c = after.get(r.behaviourId) ?? { performed: 0, missed: 0 };
    c.performed += r._sum.performed ?? 0;
    c.missed += r._sum.missed ?? 0;
    after.set(r.behaviourId, c);
  }
  const beforeRates = new Map(weekBefore.map((r) => [r.behaviourId, rate(r._sum.performed ?? 0, r._sum.missed ?? 0)]));
  const manager: ManagerFigures = {
    adoption: behaviourIds.map((id) => {
      const a = after.get(id);
      return { title: title(id), before: beforeRates.get(id) ?? null, after: a ? rate(a.performed, a.missed) : null };
    }),
    barriersNeedingDecision: barriers
      .map((b) => ({ title: b.title, priority: priorityOf(b) }))
      .sort((a, b) => (b.priority ?? -1) - (a.priority ?? -1) || a.title.localeCompare(b.title, "en")),
    metricsOffTrack: metrics
      .filter((m) => m.verdict.status === "OFF_TRACK")
      .map((m) => ({ name: m.name, reason: m.verdict.reason })),
    coverageGaps: gaps
      .filter((g) => !groups.suppressed.has(g.teamId))
      .map((g) => ({ teamName: g.teamName, behaviourTitle: g.behaviourTitle, lastDay: g.lastDay })),
    overdueActions: {
      count: overdue.count,
      first: overdue.first.map((a) => ({ title: a.title, ownerName: a.ownerName, dueOn: a.dueOn ?? day })),
    },
  };
  return { week, recipients, manager };
}
