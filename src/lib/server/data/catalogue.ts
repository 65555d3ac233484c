import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { adoption } from "@/lib/domain/adoption";
import { behaviourSentence } from "@/lib/domain/behaviour";
import type { BehaviourDto, ValueGroupDto } from "@/lib/schemas/catalogue";
import type { MemberContext } from "./accounts";

/** The catalogue grouped by value, in the organisation's order. One query. */
export async function listCatalogue(ctx: MemberContext): Promise<ValueGroupDto[]> {
  const values = await db().value.findMany({
    where: { organizationId: ctx.orgId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      behaviours: {
        where: { deletedAt: null, parentId: null },
        orderBy: { title: "asc" },
        select: { id: true, title: true, status: true, actor: true, action: true, trigger: true, frequency: true, owner: { select: { user: { select: { name: true } } } } },
      },
    },
  });
  return values.map((v) => ({
    id: v.id,
    name: v.name,
    description: v.description,
    behaviours: v.behaviours.map((b) => ({ id: b.id, title: b.title, status: b.status, sentence: behaviourSentence(b), ownerName: b.owner.user.name })),
  }));
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
