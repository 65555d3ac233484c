import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { adoption, type Adoption } from "@/lib/domain/adoption";
import { weeklyAdoption, type WeekPoint } from "@/lib/domain/observations";
import { dateOnly, dayOf, fromDateOnly, lastDays, lastWeeks } from "@/lib/domain/dates";
import type { SuppressionReason } from "@/lib/domain/group-size";
import { groupProtection } from "./group-size";
import type { MemberContext } from "./accounts";

export interface TeamSummaryDto {
  id: string;
  name: string;
  valueStream: string | null;
  archived: boolean;
  /** Null when the team's figures are hidden under the minimum group size (docs/decisions/039). */
  adoption28d: Adoption | null;
  suppressed: SuppressionReason | null;
  minGroupSize: number;
}

export interface TeamDetailDto extends TeamSummaryDto {
  valueStreamId: string | null;
  /** Empty when hidden. */
  weeks: WeekPoint[];
  behaviours: { id: string; title: string; adoption28d: Adoption | null }[];
}

const since28 = (now: Date, ctx: MemberContext) => dateOnly(lastDays(dayOf(now, ctx.timeZone), 28).from);

/** Every team with its adoption over the last 28 days, from the daily summary. */
export async function listTeams(ctx: MemberContext, now = new Date()): Promise<TeamSummaryDto[]> {
  const [teams, sums, groups] = await Promise.all([
    db().team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM" },
      orderBy: { name: "asc" },
      select: { id: true, name: true, archivedAt: true, parent: { select: { name: true } } },
    }),
    db().observationDaily.groupBy({
      by: ["teamId"],
      where: { organizationId: ctx.orgId, day: { gte: since28(now, ctx) } },
      _sum: { performed: true, missed: true },
    }),
    groupProtection(ctx),
  ]);
  const byTeam = new Map(sums.map((s) => [s.teamId, s._sum]));
  return teams.map((t) => {
    const s = byTeam.get(t.id);
    const suppressed = groups.suppressed.get(t.id) ?? null;
    return {
      id: t.id,
      name: t.name,
      valueStream: t.parent?.name ?? null,
      archived: t.archivedAt !== null,
      adoption28d: suppressed ? null : adoption({ performed: s?.performed ?? 0, missed: s?.missed ?? 0 }),
      suppressed,
      minGroupSize: groups.threshold,
    };
  });
}

/** One team: weekly adoption over 26 weeks and each active behaviour's last 28 days. */
export async function getTeam(ctx: MemberContext, id: string, now = new Date()): Promise<TeamDetailDto> {
  const team = await db().team.findFirst({
    where: { id, organizationId: ctx.orgId, kind: "TEAM" },
    select: { id: true, name: true, archivedAt: true, parent: { select: { id: true, name: true } } },
  });
  if (!team) throw new NotFoundError();
  const groups = await groupProtection(ctx);
  const suppressed = groups.suppressed.get(team.id) ?? null;
  const from = dateOnly(lastWeeks(dayOf(now, ctx.timeZone), 26, ctx.weekStartsOn).from);
  const [days, perBehaviour, behaviours] = await Promise.all([
    db().observationDaily.groupBy({
      by: ["day"],
      where: { organizationId: ctx.orgId, teamId: id, day: { gte: from } },
      _sum: { performed: true, missed: true },
    }),
    db().observationDaily.groupBy({
      by: ["behaviourId"],
      where: { organizationId: ctx.orgId, teamId: id, day: { gte: since28(now, ctx) } },
      _sum: { performed: true, missed: true },
    }),
    db().behaviour.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE", deletedAt: null, parentId: null },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
  ]);
  const weeks = weeklyAdoption(
    days.map((d) => ({ day: fromDateOnly(d.day), performed: d._sum.performed ?? 0, missed: d._sum.missed ?? 0 })),
    now,
    26,
    ctx,
  );
  const sums = new Map(perBehaviour.map((p) => [p.behaviourId, p._sum]));
  const total = perBehaviour.reduce(
    (acc, p) => ({ performed: acc.performed + (p._sum.performed ?? 0), missed: acc.missed + (p._sum.missed ?? 0) }),
    { performed: 0, missed: 0 },
  );
  const base = {
    id: team.id,
    name: team.name,
    valueStream: team.parent?.name ?? null,
    valueStreamId: team.parent?.id ?? null,
    archived: team.archivedAt !== null,
    suppressed,
    minGroupSize: groups.threshold,
  };
  if (suppressed)
    return { ...base, adoption28d: null, weeks: [], behaviours: behaviours.map((b) => ({ ...b, adoption28d: null })) };
  return {
    ...base,
    adoption28d: adoption(total),
    weeks,
    behaviours: behaviours.map((b) => ({
      id: b.id,
      title: b.title,
      adoption28d: adoption({ performed: sums.get(b.id)?.performed ?? 0, missed: sums.get(b.id)?.missed ?? 0 }),
    })),
  };
}
