import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError } from "../errors";
import { dateOnly, fromDateOnly, type Period } from "@/lib/domain/dates";
import { sentimentCounts, type FeedbackSource, type Sentiment } from "@/lib/domain/feedback";
import type { BarrierInput } from "@/lib/schemas/barriers";
import type { BarrierFeedbackDto, PainPointGroupDto } from "@/lib/schemas/feedback";
import type { Prisma } from "@/generated/prisma/client";
import { insertBarrier } from "./barriers";
import { checkOccurrence } from "./feedback";
import type { MemberContext } from "./accounts";

/**
 * A clinic turns a pain point into a barrier: the barrier is created and the customer feedback it
 * comes from is linked to it as evidence, in one transaction (both or neither).
 */
export async function createBarrierFromFeedback(
  ctx: MemberContext,
  feedbackIds: string[],
  input: BarrierInput,
  options: { occurrenceId?: string } = {},
): Promise<string> {
  await authorize(ctx, "barriers.manage");
  const ids = [...new Set(feedbackIds)];
  return db().$transaction(async (tx) => {
    await checkOccurrence(tx, ctx.orgId, options.occurrenceId);
    const found = await tx.customerFeedback.count({ where: { id: { in: ids }, organizationId: ctx.orgId } });
    if (ids.length === 0 || found !== ids.length) throw new NotFoundError();
    const barrierId = await insertBarrier(tx, ctx, input);
    await tx.feedbackBarrier.createMany({
      data: ids.map((feedbackId) => ({ organizationId: ctx.orgId, feedbackId, barrierId })),
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "feedback.barrier",
        targetType: "Barrier",
        targetId: barrierId,
        outcome: "ok",
        details: { feedback: ids.length, ...(options.occurrenceId ? { occurrenceId: options.occurrenceId } : {}) },
      },
      tx,
    );
    return barrierId;
  });
}

export const BARRIER_FEEDBACK_SHOWN = 20;

/** What customers said about a barrier: counts by sentiment, and the newest quotes. */
export async function barrierFeedback(ctx: MemberContext, barrierId: string): Promise<BarrierFeedbackDto> {
  const where = { organizationId: ctx.orgId, barriers: { some: { barrierId, organizationId: ctx.orgId } } };
  const [groups, items] = await Promise.all([
    db().customerFeedback.groupBy({ by: ["sentiment"], where, _count: { _all: true } }),
    db().customerFeedback.findMany({
      where,
      orderBy: [{ receivedOn: "desc" }, { id: "desc" }],
      take: BARRIER_FEEDBACK_SHOWN,
      select: { id: true, quote: true, customer: true, receivedOn: true, sentiment: true, source: true },
    }),
  ]);
  const counts = sentimentCounts(groups.map((g) => ({ sentiment: g.sentiment as Sentiment, count: g._count._all })));
  return {
    counts,
    total: counts.NEGATIVE + counts.MIXED + counts.POSITIVE,
    items: items.map((i) => ({
      id: i.id,
      quote: i.quote,
      customer: i.customer,
      receivedOn: fromDateOnly(i.receivedOn),
      sentiment: i.sentiment as Sentiment,
      source: i.source as FeedbackSource,
    })),
  };
}

export const PAIN_POINT_QUOTES = 3;
export const PAIN_POINT_GROUPS = 12;

/**
 * The clinic agenda's pain points: NEGATIVE feedback received in the period (optionally of one
 * team), grouped by the behaviour or barrier it is linked to, most mentioned first, each with its
 * count and its newest quotes. An item linked to two records counts in both; an item linked to
 * neither is its own group, so nothing said is left out. Counts are SQL GROUP BYs.
 */
export async function painPoints(
  ctx: MemberContext,
  period: Period,
  scope: { teamId?: string } = {},
): Promise<PainPointGroupDto[]> {
  const feedback: Prisma.CustomerFeedbackWhereInput = {
    organizationId: ctx.orgId,
    sentiment: "NEGATIVE",
    receivedOn: { gte: dateOnly(period.from), lte: dateOnly(period.to) },
    ...(scope.teamId ? { teams: { some: { teamId: scope.teamId, organizationId: ctx.orgId } } } : {}),
  };
  const [byBehaviour, byBarrier, unlinked] = await Promise.all([
    db().feedbackBehaviour.groupBy({
      by: ["behaviourId"],
      where: { organizationId: ctx.orgId, feedback, behaviour: { deletedAt: null } },
      _count: { _all: true },
    }),
    db().feedbackBarrier.groupBy({
      by: ["barrierId"],
      where: { organizationId: ctx.orgId, feedback, barrier: { deletedAt: null } },
      _count: { _all: true },
    }),
    db().customerFeedback.count({
      where: {
        ...feedback,
        behaviours: { none: { behaviour: { deletedAt: null } } },
        barriers: { none: { barrier: { deletedAt: null } } },
      },
    }),
  ]);
  const groups = [
    ...byBehaviour.map((g) => ({ kind: "behaviour" as const, id: g.behaviourId, count: g._count._all })),
    ...byBarrier.map((g) => ({ kind: "barrier" as const, id: g.barrierId, count: g._count._all })),
    ...(unlinked ? [{ kind: "none" as const, id: null, count: unlinked }] : []),
  ]
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || (a.id ?? "").localeCompare(b.id ?? ""))
    .slice(0, PAIN_POINT_GROUPS);
  const behaviourIds = groups.filter((g) => g.kind === "behaviour").map((g) => g.id!);
  const barrierIds = groups.filter((g) => g.kind === "barrier").map((g) => g.id!);
  const quoteSelect = { id: true, quote: true, customer: true, receivedOn: true } as const;
  const newest = [
    { receivedOn: "desc" },
    { id: "desc" },
  ] as const satisfies Prisma.CustomerFeedbackOrderByWithRelationInput[];
  const [behaviours, barriers, quotes] = await Promise.all([
    db().behaviour.findMany({
      where: { id: { in: behaviourIds }, organizationId: ctx.orgId },
      select: { id: true, title: true },
    }),
    db().barrier.findMany({
      where: { id: { in: barrierIds }, organizationId: ctx.orgId },
      select: { id: true, title: true },
    }),
    // One query per group, bounded by PAIN_POINT_GROUPS, each taking only the quotes shown.
    Promise.all(
      groups.map((g) =>
        db().customerFeedback.findMany({
          where: {
            ...feedback,
            ...(g.kind === "behaviour"
              ? { behaviours: { some: { behaviourId: g.id! } } }
              : g.kind === "barrier"
                ? { barriers: { some: { barrierId: g.id! } } }
                : {
                    behaviours: { none: { behaviour: { deletedAt: null } } },
                    barriers: { none: { barrier: { deletedAt: null } } },
                  }),
          },
          orderBy: newest,
          take: PAIN_POINT_QUOTES,
          select: quoteSelect,
        }),
      ),
    ),
  ]);
  const title = new Map([...behaviours, ...barriers].map((r) => [r.id, r.title]));
  return groups.map((g, i) => ({
    kind: g.kind,
    id: g.id,
    name: g.id ? (title.get(g.id) ?? "") : "Not linked to a behaviour or barrier",
    count: g.count,
    quotes: quotes[i]!.map((q) => ({ ...q, receivedOn: fromDateOnly(q.receivedOn) })),
  }));
}
