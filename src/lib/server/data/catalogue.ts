import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { adoption } from "@/lib/domain/adoption";
import { behaviourSentence } from "@/lib/domain/behaviour";
import type { BehaviourDto, CatalogueFacetsDto, CatalogueFilter, ValueGroupDto } from "@/lib/schemas/catalogue";
import type { Prisma } from "@/generated/prisma/client";

const SEARCHED = ["title", "actor", "action", "trigger", "frequency", "completionCriterion", "customerOutcome", "example"] as const;

/** Every word must appear in some field (case-insensitive): "ticket 24" finds the root-cause behaviour. */
function behaviourWhere(filter: Partial<CatalogueFilter>): Prisma.BehaviourWhereInput {
  const words = (filter.q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  return {
    deletedAt: null,
    parentId: null,
    ...(filter.owner ? { ownerId: filter.owner } : {}),
    ...(filter.status ? { status: filter.status } : {}),
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
export async function listCatalogue(ctx: MemberContext, filter: Partial<CatalogueFilter> = {}): Promise<ValueGroupDto[]> {
  const filtered = Boolean(filter.q || filter.owner || filter.status || filter.value);
  const values = await db().value.findMany({
    where: { organizationId: ctx.orgId, ...(filter.value ? { id: filter.value } : {}) },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      behaviours: {
        where: behaviourWhere(filter),
        orderBy: { title: "asc" },
        select: { id: true, title: true, status: true, actor: true, action: true, trigger: true, frequency: true, owner: { select: { user: { select: { name: true } } } } },
      },
    },
  });
  return values
    .filter((v) => !filtered || v.behaviours.length > 0)
    .map((v) => ({
      id: v.id,
      name: v.name,
      description: v.description,
      behaviours: v.behaviours.map((b) => ({ id: b.id, title: b.title, status: b.status, sentence: behaviourSentence(b), ownerName: b.owner.user.name })),
    }));
}

/** What the filters can offer: the organisation's values and the people who own behaviours. */
export async function catalogueFacets(ctx: MemberContext): Promise<CatalogueFacetsDto> {
  const [values, owners] = await Promise.all([
    db().value.findMany({ where: { organizationId: ctx.orgId }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db().membership.findMany({
      where: { organizationId: ctx.orgId, ownedBehaviours: { some: { deletedAt: null } } },
      orderBy: { user: { name: "asc" } },
      select: { id: true, user: { select: { name: true } } },
    }),
  ]);
  return { values, owners: owners.map((o) => ({ id: o.id, name: o.user.name })) };
}

/** One behaviour of the caller's organisation; another organisation's id is simply not found. */
export async function getBehaviour(ctx: MemberContext, id: string): Promise<BehaviourDto> {
  const b = await db().behaviour.findFirst({
    where: { id, organizationId: ctx.orgId, deletedAt: null },
    select: {
      id: true, title: true, actor: true, action: true, trigger: true, frequency: true, completionCriterion: true,
      customerOutcome: true, example: true, anchors: true, status: true, version: true, updatedAt: true,
      value: { select: { name: true } },
      owner: { select: { user: { select: { name: true } } } },
      author: { select: { id: true, user: { select: { name: true } } } },
    },
  });
  if (!b) throw new NotFoundError();
  const since = new Date(Date.now() - 28 * 86_400_000);
  const sums = await db().observation.aggregate({
    where: { organizationId: ctx.orgId, behaviourId: b.id, occurredAt: { gte: since } },
    _sum: { performed: true, missed: true },
  });
  return {
    id: b.id, title: b.title, valueName: b.value.name, actor: b.actor, action: b.action, trigger: b.trigger,
    frequency: b.frequency, completionCriterion: b.completionCriterion, customerOutcome: b.customerOutcome,
    example: b.example, anchors: b.anchors, ownerName: b.owner.user.name, status: b.status, version: b.version,
    sentence: behaviourSentence(b), updatedAt: b.updatedAt.toISOString(),
    authorName: b.author.user.name, youAreAuthor: b.author.id === ctx.membershipId,
    adoption28d: adoption({ performed: sums._sum.performed ?? 0, missed: sums._sum.missed ?? 0 }),
  };
}
