import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { adoption } from "@/lib/domain/adoption";
import { behaviourSentence } from "@/lib/domain/behaviour";
import { priorityOf } from "@/lib/domain/barriers";
import { weeklyAdoption, type WeekPoint } from "@/lib/domain/observations";
import { dateOnly, dayOf, fromDateOnly, lastDays, lastWeeks, currentDay } from "@/lib/domain/dates";
import type { BehaviourDto, CatalogueFacetsDto, CatalogueFilter, ValueGroupDto } from "@/lib/schemas/catalogue";
import type { Prisma } from "@/generated/prisma/client";

const SEARCHED = [
  "title",
  "actor",
  "action",
  "trigger",
  "frequency",
  "completionCriterion",
  "customerOutcome",
  "example",
] as const;

/** Every word must appear in some field (case-insensitive): "ticket 24" finds the root-cause behaviour. */
function behaviourWhere(orgId: string, filter: Partial<CatalogueFilter>): Prisma.BehaviourWhereInput {
  const words = (filter.q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  return {
    deletedAt: null,
    parentId: null,
    ...(filter.owner ? { ownerId: filter.owner } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    // A team's behaviours: those it has adapted, and those it has been observed doing. "Observed"
    // asks the daily summary, which keeps a row only while it counts something (its trigger deletes
    // 0/0 rows), so a summary row for the team is an observation by it. Both lookups name the
    // organisation: an EXISTS by team alone walks every organisation's rows (issue 19: 2.5 s at 2M
    // observations on PostgreSQL 15).
    ...(filter.team
      ? {
          OR: [
            { variants: { some: { organizationId: orgId, teamId: filter.team, deletedAt: null } } },
            { daily: { some: { organizationId: orgId, teamId: filter.team } } },
          ],
        }
      : {}),
    AND: words.map((w) => ({
      OR: [...SEARCHED.map((f) => ({ [f]: { contains: w, mode: "insensitive" as const } })), { anchors: { has: w } }],
    })),
  };
}
import type { MemberContext } from "./accounts";

/**
 * The catalogue grouped by value, in the organisation's order, filtered. One query. When a filter
 * is active, values without a matching behaviour are left out.
 */
export async function listCatalogue(
  ctx: MemberContext,
  filter: Partial<CatalogueFilter> = {},
): Promise<ValueGroupDto[]> {
  const filtered = Boolean(filter.q || filter.owner || filter.status || filter.value || filter.team);
  const values = await db().value.findMany({
    where: { organizationId: ctx.orgId, ...(filter.value ? { id: filter.value } : {}) },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      behaviours: {
        where: behaviourWhere(ctx.orgId, filter),
        orderBy: { title: "asc" },
        select: {
          id: true,
          title: true,
          status: true,
          actor: true,
          action: true,
          trigger: true,
          frequency: true,
          owner: { select: { user: { select: { name: true } } } },
        },
      },
    },
  });
  return values
    .filter((v) => !filtered || v.behaviours.length > 0)
    .map((v) => ({
      id: v.id,
      name: v.name,
      description: v.description,
      behaviours: v.behaviours.map((b) => ({
        id: b.id,
        title: b.title,
        status: b.status,
        sentence: behaviourSentence(b),
        ownerName: b.owner.user.name,
      })),
    }));
}

/** What the filters can offer: the organisation's values and the people who own behaviours. */
export async function catalogueFacets(ctx: MemberContext): Promise<CatalogueFacetsDto> {
  const [values, teams, owners] = await Promise.all([
    db().value.findMany({
      where: { organizationId: ctx.orgId },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
    db().team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().membership.findMany({
      // The behaviours' organisation too: Behaviour has no index by owner, so an EXISTS by owner
      // alone reads every organisation's behaviours (issue 19, page-plans.test.ts).
      where: {
        organizationId: ctx.orgId,
        ownedBehaviours: { some: { organizationId: ctx.orgId, deletedAt: null } },
      },
      orderBy: { user: { name: "asc" } },
      select: { id: true, user: { select: { name: true } } },
    }),
  ]);
  return { values, teams, owners: owners.map((o) => ({ id: o.id, name: o.user.name })) };
}

/** One behaviour of the caller's organisation; another organisation's id is simply not found. */
export async function getBehaviour(ctx: MemberContext, id: string): Promise<BehaviourDto> {
  const b = await db().behaviour.findFirst({
    where: { id, organizationId: ctx.orgId, deletedAt: null },
    select: {
      id: true,
      title: true,
      actor: true,
      action: true,
      trigger: true,
      frequency: true,
      completionCriterion: true,
      customerOutcome: true,
      example: true,
      anchors: true,
      status: true,
      version: true,
      updatedAt: true,
      value: { select: { name: true } },
      owner: { select: { user: { select: { name: true } } } },
      author: { select: { id: true, user: { select: { name: true } } } },
    },
  });
  if (!b) throw new NotFoundError();
  // From the daily summary, never a scan of the raw observations.
  const since = lastDays(currentDay(ctx.timeZone), 28).from;
  const sums = await db().observationDaily.aggregate({
    where: { organizationId: ctx.orgId, behaviourId: b.id, day: { gte: dateOnly(since) } },
    _sum: { performed: true, missed: true },
  });
  return {
    id: b.id,
    title: b.title,
    valueName: b.value.name,
    actor: b.actor,
    action: b.action,
    trigger: b.trigger,
    frequency: b.frequency,
    completionCriterion: b.completionCriterion,
    customerOutcome: b.customerOutcome,
    example: b.example,
    anchors: b.anchors,
    ownerName: b.owner.user.name,
    status: b.status,
    version: b.version,
    sentence: behaviourSentence(b),
    updatedAt: b.updatedAt.toISOString(),
    authorName: b.author.user.name,
    youAreAuthor: b.author.id === ctx.membershipId,
    adoption28d: adoption({ performed: sums._sum.performed ?? 0, missed: sums._sum.missed ?? 0 }),
  };
}

export interface BehaviourLinksDto {
  barriers: { id: string; title: string; priority: number | null; status: string }[];
  metrics: { id: string; name: string; kind: "CUSTOMER_OUTCOME" | "INTERNAL_PROCESS" }[];
}

/** The barriers that stand in the behaviour's way and the metrics it is meant to move. */
export async function behaviourLinks(ctx: MemberContext, id: string): Promise<BehaviourLinksDto> {
  const [barriers, metrics] = await Promise.all([
    db().barrierBehaviour.findMany({
      where: { organizationId: ctx.orgId, behaviourId: id, barrier: { deletedAt: null } },
      select: { barrier: { select: { id: true, title: true, impact: true, reach: true, ease: true, status: true } } },
    }),
    db().behaviourMetric.findMany({
      where: { organizationId: ctx.orgId, behaviourId: id, metric: { deletedAt: null } },
      select: { metric: { select: { id: true, name: true, kind: true } } },
      orderBy: { metric: { name: "asc" } },
    }),
  ]);
  return {
    barriers: barriers
      .map(({ barrier: b }) => ({ id: b.id, title: b.title, priority: priorityOf(b), status: b.status }))
      .sort((a, b) => (b.priority ?? -1) - (a.priority ?? -1)),
    metrics: metrics.map((m) => m.metric),
  };
}

/** Weekly adoption of a behaviour over the last 26 weeks (optionally one team), from the summary. */
export async function behaviourWeeks(
  ctx: MemberContext,
  behaviourId: string,
  teamId?: string,
  now = new Date(),
): Promise<WeekPoint[]> {
  const { from } = lastWeeks(dayOf(now, ctx.timeZone), 26, ctx.weekStartsOn);
  const rows = await db().observationDaily.groupBy({
    by: ["day"],
    where: { organizationId: ctx.orgId, behaviourId, ...(teamId ? { teamId } : {}), day: { gte: dateOnly(from) } },
    _sum: { performed: true, missed: true },
  });
  return weeklyAdoption(
    rows.map((r) => ({ day: fromDateOnly(r.day), performed: r._sum.performed ?? 0, missed: r._sum.missed ?? 0 })),
    now,
    26,
    ctx,
  );
}
