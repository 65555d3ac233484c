import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { can } from "@/lib/domain/roles";
import { dateOnly, fromDateOnly } from "@/lib/domain/dates";
import type { FeedbackSource, Sentiment } from "@/lib/domain/feedback";
import {
  decodeFeedbackCursor,
  encodeFeedbackCursor,
  type FeedbackDetailDto,
  type FeedbackFieldsInput,
  type FeedbackFilter,
  type FeedbackFormValues,
  type FeedbackInput,
  type FeedbackOptionsDto,
  type FeedbackPageDto,
  type FeedbackRowDto,
} from "@/lib/schemas/feedback";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

type Tx = Prisma.TransactionClient;

export const FEEDBACK_PAGE_SIZE = 50;

export const FEEDBACK_SELECT = {
  id: true,
  quote: true,
  source: true,
  receivedOn: true,
  customer: true,
  sentiment: true,
  isStory: true,
  behaviours: {
    where: { behaviour: { deletedAt: null } },
    select: { behaviour: { select: { id: true, title: true } } },
    orderBy: { behaviour: { title: "asc" } },
  },
  barriers: {
    where: { barrier: { deletedAt: null } },
    select: { barrier: { select: { id: true, title: true } } },
    orderBy: { barrier: { title: "asc" } },
  },
  metrics: {
    where: { metric: { deletedAt: null } },
    select: { metric: { select: { id: true, name: true } } },
    orderBy: { metric: { name: "asc" } },
  },
  teams: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
} as const satisfies Prisma.CustomerFeedbackSelect;

type Row = Prisma.CustomerFeedbackGetPayload<{ select: typeof FEEDBACK_SELECT }>;

export const toFeedbackRow = (r: Row): FeedbackRowDto => ({
  id: r.id,
  quote: r.quote,
  source: r.source as FeedbackSource,
  receivedOn: fromDateOnly(r.receivedOn),
  customer: r.customer,
  sentiment: r.sentiment as Sentiment,
  isStory: r.isStory,
  behaviours: r.behaviours.map((b) => ({ id: b.behaviour.id, name: b.behaviour.title })),
  barriers: r.barriers.map((b) => ({ id: b.barrier.id, name: b.barrier.title })),
  metrics: r.metrics.map((m) => ({ id: m.metric.id, name: m.metric.name })),
  teams: r.teams.map((t) => ({ id: t.team.id, name: t.team.name })),
});

export interface FeedbackLinks {
  behaviourIds: string[];
  barrierIds: string[];
  metricIds: string[];
  teamIds: string[];
}

/**
 * Every linked record must be the caller's organisation's (and still there): an id proves nothing.
 * Another organisation's id is a NotFound, exactly like one that never existed.
 */
export async function checkFeedbackLinks(tx: Tx, orgId: string, links: FeedbackLinks): Promise<void> {
  const [behaviours, barriers, metrics, teams] = await Promise.all([
    tx.behaviour.count({
      where: { id: { in: links.behaviourIds }, organizationId: orgId, deletedAt: null, parentId: null },
    }),
    tx.barrier.count({ where: { id: { in: links.barrierIds }, organizationId: orgId, deletedAt: null } }),
    tx.metric.count({ where: { id: { in: links.metricIds }, organizationId: orgId, deletedAt: null } }),
    tx.team.count({ where: { id: { in: links.teamIds }, organizationId: orgId, kind: "TEAM" } }),
  ]);
  if (
    behaviours !== links.behaviourIds.length ||
    barriers !== links.barrierIds.length ||
    metrics !== links.metricIds.length ||
    teams !== links.teamIds.length
  )
    throw new NotFoundError();
}

/** Replaces the item's links (the ids already checked). */
export async function writeFeedbackLinks(tx: Tx, orgId: string, feedbackIds: string[], links: FeedbackLinks) {
  const where = { feedbackId: { in: feedbackIds } };
  await Promise.all([
    tx.feedbackBehaviour.deleteMany({ where }),
    tx.feedbackBarrier.deleteMany({ where }),
    tx.feedbackMetric.deleteMany({ where }),
    tx.feedbackTeam.deleteMany({ where }),
  ]);
  const each = <K extends string>(key: K, ids: string[]) =>
    feedbackIds.flatMap((feedbackId) => ids.map((id) => ({ organizationId: orgId, feedbackId, [key]: id })));
  await tx.feedbackBehaviour.createMany({
    data: each("behaviourId", links.behaviourIds) as Prisma.FeedbackBehaviourCreateManyInput[],
  });
  await tx.feedbackBarrier.createMany({
    data: each("barrierId", links.barrierIds) as Prisma.FeedbackBarrierCreateManyInput[],
  });
  await tx.feedbackMetric.createMany({
    data: each("metricId", links.metricIds) as Prisma.FeedbackMetricCreateManyInput[],
  });
  await tx.feedbackTeam.createMany({ data: each("teamId", links.teamIds) as Prisma.FeedbackTeamCreateManyInput[] });
}

/** The ritual occurrence a form was used in must be this organisation's. */
export async function checkOccurrence(tx: Tx, orgId: string, occurrenceId: string | undefined): Promise<void> {
  if (!occurrenceId) return;
  const found = await tx.ritualOccurrence.count({ where: { id: occurrenceId, organizationId: orgId } });
  if (!found) throw new NotFoundError();
}

const audit = (ctx: MemberContext, action: string, id: string, tx: Tx, details?: Prisma.InputJsonObject) =>
  recordAudit(
    {
      organizationId: ctx.orgId,
      actorUserId: ctx.userId,
      action,
      targetType: "Feedback",
      targetId: id,
      outcome: "ok",
      details,
    },
    tx,
  );

const fieldsOf = (input: FeedbackFieldsInput) => ({
  quote: input.quote,
  source: input.source,
  receivedOn: dateOnly(input.receivedOn),
  customer: input.customer,
  sentiment: input.sentiment,
});

/** Records what a customer said. Anyone may: whoever hears a customer writes it down. */
export async function createFeedback(ctx: MemberContext, input: FeedbackInput): Promise<string> {
  await authorize(ctx, "feedback.record");
  return db().$transaction(async (tx) => {
    await checkOccurrence(tx, ctx.orgId, input.occurrenceId);
    await checkFeedbackLinks(tx, ctx.orgId, input);
    const created = await tx.customerFeedback.create({
      data: { ...fieldsOf(input), isStory: input.isStory, organizationId: ctx.orgId, createdById: ctx.membershipId },
      select: { id: true },
    });
    await writeFeedbackLinks(tx, ctx.orgId, [created.id], input);
    await audit(ctx, "feedback.create", created.id, tx, { story: input.isStory });
    return created.id;
  });
}

/** The item, if the caller may change it: their own, or anyone's with feedback.manage. Else NotFound / Forbidden. */
async function editable(tx: Tx, ctx: MemberContext, id: string) {
  const current = await tx.customerFeedback.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: { id: true, createdById: true },
  });
  if (!current) throw new NotFoundError();
  if (current.createdById !== ctx.membershipId) await authorize(ctx, "feedback.manage");
  return current;
}

export class FeedbackConflictError extends RuleError {
  constructor() {
    super(
      "Someone else saved this feedback since you opened it. Your changes are still in the form: reload the page in another tab to compare, then save again.",
    );
  }
}

export async function updateFeedback(
  ctx: MemberContext,
  id: string,
  expectedVersion: number,
  input: FeedbackFieldsInput,
): Promise<void> {
  await authorize(ctx, "feedback.record");
  await db().$transaction(async (tx) => {
    await editable(tx, ctx, id);
    await checkFeedbackLinks(tx, ctx.orgId, input);
    // A conditional write: a save on top of someone else's change matches no row.
    const res = await tx.customerFeedback.updateMany({
      where: { id, organizationId: ctx.orgId, version: expectedVersion },
      data: { ...fieldsOf(input), version: { increment: 1 } },
    });
    if (res.count === 0) throw new FeedbackConflictError();
    await writeFeedbackLinks(tx, ctx.orgId, [id], input);
    await audit(ctx, "feedback.update", id, tx);
  });
}

export async function deleteFeedback(ctx: MemberContext, id: string): Promise<void> {
  await authorize(ctx, "feedback.record");
  await db().$transaction(async (tx) => {
    await editable(tx, ctx, id);
    // A quote is the customer's words, not the app's: deleting removes it for good (and its links).
    const quote = await tx.customerFeedback.findFirstOrThrow({ where: { id }, select: { quote: true } });
    await tx.customerFeedback.deleteMany({ where: { id, organizationId: ctx.orgId } });
    await audit(ctx, "feedback.delete", id, tx, { name: quote.quote.slice(0, 80) });
  });
}

/** Marks (or unmarks) the item as a customer story for check-ins. Not a content edit: no version. */
export async function setFeedbackStory(ctx: MemberContext, id: string, isStory: boolean): Promise<void> {
  await authorize(ctx, "feedback.record");
  await db().$transaction(async (tx) => {
    await editable(tx, ctx, id);
    await tx.customerFeedback.updateMany({ where: { id, organizationId: ctx.orgId }, data: { isStory } });
    await audit(ctx, isStory ? "feedback.story" : "feedback.unstory", id, tx);
  });
}

export async function getFeedback(ctx: MemberContext, id: string): Promise<FeedbackDetailDto> {
  const r = await db().customerFeedback.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: {
      ...FEEDBACK_SELECT,
      version: true,
      createdAt: true,
      createdById: true,
      createdBy: { select: { user: { select: { name: true } } } },
    },
  });
  if (!r) throw new NotFoundError();
  return {
    ...toFeedbackRow(r),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdBy.user.name,
    canEdit: r.createdById === ctx.membershipId || can(ctx.role, "feedback.manage", ctx.policy),
  };
}

export function feedbackFormValues(d: FeedbackRowDto): FeedbackFormValues {
  return {
    quote: d.quote,
    source: d.source,
    receivedOn: d.receivedOn,
    customer: d.customer,
    sentiment: d.sentiment,
    behaviourIds: d.behaviours.map((x) => x.id),
    barrierIds: d.barriers.map((x) => x.id),
    metricIds: d.metrics.map((x) => x.id),
    teamIds: d.teams.map((x) => x.id),
  };
}

/**
 * A word as a LIKE pattern's literal: Prisma's `contains` passes % and _ through as wildcards, so
 * a search for "50%" would match every item (backslash is PostgreSQL's default LIKE escape).
 */
const literal = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The organisation's feedback as a filter selects it. Every id filter is checked against the organisation by the where itself. */
export function feedbackWhere(ctx: MemberContext, f: FeedbackFilter): Prisma.CustomerFeedbackWhereInput {
  const and: Prisma.CustomerFeedbackWhereInput[] = [{ organizationId: ctx.orgId }];
  // Every word must appear in the quote or the customer (ILIKE on both databases).
  for (const w of (f.q ?? "").split(/\s+/).filter(Boolean).slice(0, 8))
    and.push({
      OR: [
        { quote: { contains: literal(w), mode: "insensitive" } },
        { customer: { contains: literal(w), mode: "insensitive" } },
      ],
    });
  if (f.sentiment) and.push({ sentiment: f.sentiment });
  if (f.source) and.push({ source: f.source });
  if (f.team) and.push({ teams: { some: { teamId: f.team } } });
  if (f.behaviour) and.push({ behaviours: { some: { behaviourId: f.behaviour } } });
  if (f.barrier) and.push({ barriers: { some: { barrierId: f.barrier } } });
  if (f.from) and.push({ receivedOn: { gte: dateOnly(f.from) } });
  if (f.to) and.push({ receivedOn: { lte: dateOnly(f.to) } });
  if (f.stories) and.push({ isStory: true });
  return { AND: and };
}

export const FEEDBACK_ORDER = [
  { receivedOn: "desc" },
  { id: "desc" },
] as const satisfies Prisma.CustomerFeedbackOrderByWithRelationInput[];

/** Strictly after the cursor in FEEDBACK_ORDER. */
export function afterCursor(cursor: { receivedOn: string; id: string }): Prisma.CustomerFeedbackWhereInput {
  const day = dateOnly(cursor.receivedOn);
  return { OR: [{ receivedOn: { lt: day } }, { receivedOn: day, id: { lt: cursor.id } }] };
}

/** One page of feedback, newest first; `cursor` comes from the previous page. */
export async function listFeedback(
  ctx: MemberContext,
  filter: FeedbackFilter,
  cursor?: string,
): Promise<FeedbackPageDto> {
  const after = decodeFeedbackCursor(cursor);
  const where = feedbackWhere(ctx, filter);
  const rows = await db().customerFeedback.findMany({
    where: after ? { AND: [where, afterCursor(after)] } : where,
    orderBy: FEEDBACK_ORDER,
    take: FEEDBACK_PAGE_SIZE + 1,
    select: FEEDBACK_SELECT,
  });
  const page = rows.slice(0, FEEDBACK_PAGE_SIZE).map(toFeedbackRow);
  return { rows: page, nextCursor: rows.length > FEEDBACK_PAGE_SIZE ? encodeFeedbackCursor(page.at(-1)!) : null };
}

/** Whether the organisation has any feedback at all (the empty state differs from "no match"). */
export async function hasFeedback(ctx: MemberContext): Promise<boolean> {
  return (await db().customerFeedback.count({ where: { organizationId: ctx.orgId }, take: 1 })) > 0;
}

/** What feedback can be linked to (and filtered by). */
export async function feedbackOptions(ctx: MemberContext): Promise<FeedbackOptionsDto> {
  const [behaviours, barriers, metrics, teams] = await Promise.all([
    db().behaviour.findMany({
      where: { organizationId: ctx.orgId, deletedAt: null, parentId: null, status: { not: "RETIRED" } },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
    db().barrier.findMany({
      where: { organizationId: ctx.orgId, deletedAt: null },
      orderBy: { title: "asc" },
      select: { id: true, title: true },
    }),
    db().metric.findMany({
      where: { organizationId: ctx.orgId, deletedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM", archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    behaviours: behaviours.map((b) => ({ id: b.id, name: b.title })),
    barriers: barriers.map((b) => ({ id: b.id, name: b.title })),
    metrics,
    teams,
  };
}
