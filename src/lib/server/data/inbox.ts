import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { ROLES, can } from "@/lib/domain/roles";
import { barrierEvidence, type NotificationKind, type NotificationText } from "@/lib/domain/inbox";
import type { Prisma } from "@/generated/prisma/client";
import type { AwaitingReviewDto, InboxPageDto, NotificationDto } from "@/lib/schemas/inbox";
import type { MemberContext } from "./accounts";

type Client = Prisma.TransactionClient;

// ---- Writing: called by the data layer, inside the transaction of the event it reports ----------

interface Delivery {
  organizationId: string;
  kind: NotificationKind;
  subjectId: string;
  text: NotificationText;
}

/** One item for each recipient (memberships of the same organisation). */
export async function deliver(tx: Client, recipientIds: string[], d: Delivery): Promise<void> {
  if (recipientIds.length === 0) return;
  await tx.notification.createMany({
    data: [...new Set(recipientIds)].map((recipientId) => ({
      organizationId: d.organizationId,
      recipientId,
      kind: d.kind,
      subjectId: d.subjectId,
      ...d.text,
    })),
  });
}

/** Active members who may run a video test, other than the people named (author, submitter). */
export async function reviewersOf(tx: Client, organizationId: string, except: string[]): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: {
      organizationId,
      status: "ACTIVE",
      role: { in: ROLES.filter((r) => can(r, "catalogue.review")) },
      id: { notIn: except },
    },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The behaviour left review (activated, or back to draft): the other reviewers' requests are done. */
export async function closeReviewRequests(tx: Client, organizationId: string, behaviourId: string): Promise<void> {
  await tx.notification.updateMany({
    where: { organizationId, kind: "review.requested", subjectId: behaviourId, readAt: null },
    data: { readAt: new Date() },
  });
}

/**
 * A missed observation with a note on a behaviour: the owners of the open barriers linked to it
 * (for that team, or for every team) hear of it. One unread item per owner and barrier gathers the
 * notes (an atomic upsert on the open key), so a busy day does not flood the inbox.
 */
export async function gatherBarrierEvidence(
  ctx: MemberContext,
  observation: { behaviourId: string; teamId: string },
): Promise<void> {
  const barriers = await db().barrier.findMany({
    where: {
      organizationId: ctx.orgId,
      deletedAt: null,
      status: { notIn: ["REMOVED", "ACCEPTED"] },
      behaviours: { some: { behaviourId: observation.behaviourId } },
      OR: [{ teams: { none: {} } }, { teams: { some: { teamId: observation.teamId } } }],
      createdById: { not: ctx.membershipId },
      createdBy: { status: "ACTIVE" },
    },
    select: { id: true, title: true, createdById: true },
  });
  for (const b of barriers) {
    const openKey = `barrier.evidence:${b.createdById}:${b.id}`;
    const text = barrierEvidence(b, 1);
    await db().notification.upsert({
      where: { openKey },
      create: {
        organizationId: ctx.orgId,
        recipientId: b.createdById,
        kind: "barrier.evidence",
        subjectId: b.id,
        openKey,
        ...text,
      },
      update: { count: { increment: 1 }, updatedAt: new Date() },
    });
  }
}

// ---- Reading: only ever the caller's own items in the current organisation ---------------------

const mine = (ctx: MemberContext) => ({ organizationId: ctx.orgId, recipientId: ctx.membershipId });

export async function unreadCount(ctx: MemberContext): Promise<number> {
  return db().notification.count({ where: { ...mine(ctx), readAt: null } });
}

export const INBOX_PAGE = 25;

/** Newest first, a page at a time (keyset on the latest event time and id). */
export async function listInbox(
  ctx: MemberContext,
  opts: { unreadOnly?: boolean; before?: string | null } = {},
): Promise<InboxPageDto> {
  const cursor = parseCursor(opts.before);
  const where: Prisma.NotificationWhereInput = {
    ...mine(ctx),
    ...(opts.unreadOnly ? { readAt: null } : {}),
    ...(cursor ? { OR: [{ updatedAt: { lt: cursor.at } }, { updatedAt: cursor.at, id: { lt: cursor.id } }] } : {}),
  };
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: INBOX_PAGE + 1,
      select: {
        id: true,
        kind: true,
        subjectId: true,
        title: true,
        body: true,
        href: true,
        count: true,
        readAt: true,
        updatedAt: true,
      },
    }),
    unreadCount(ctx),
  ]);
  const page = rows.slice(0, INBOX_PAGE);
  const last = page.at(-1);
  return {
    items: page.map(toDto),
    unread,
    nextCursor: rows.length > INBOX_PAGE && last ? `${last.updatedAt.toISOString()}_${last.id}` : null,
  };
}

function toDto(r: {
  id: string;
  kind: string;
  subjectId: string;
  title: string;
  body: string;
  href: string;
  count: number;
  readAt: Date | null;
  updatedAt: Date;
}): NotificationDto {
  // An item that gathers says how many events it holds now, not when it was first written.
  const body = r.kind === "barrier.evidence" ? barrierEvidence({ id: r.subjectId, title: "" }, r.count).body : r.body;
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body,
    href: r.href,
    read: r.readAt !== null,
    at: r.updatedAt.toISOString(),
  };
}

function parseCursor(raw: string | null | undefined): { at: Date; id: string } | null {
  if (!raw) return null;
  const [iso, id] = raw.split("_");
  const at = new Date(iso ?? "");
  return id && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

/** Read or unread again. Someone else's item, or another organisation's, is not found. */
export async function markRead(ctx: MemberContext, id: string, read: boolean): Promise<void> {
  const res = await db().notification.updateMany({
    where: { id, ...mine(ctx) },
    // Read closes a gathering item: the next event starts a new one.
    data: read ? { readAt: new Date(), openKey: null } : { readAt: null },
  });
  if (res.count === 0) throw new NotFoundError();
}

export async function markAllRead(ctx: MemberContext): Promise<number> {
  const res = await db().notification.updateMany({
    where: { ...mine(ctx), readAt: null },
    data: { readAt: new Date(), openKey: null },
  });
  return res.count;
}

/** Marks it read and returns where it points (always a path this app wrote). */
export async function openNotification(ctx: MemberContext, id: string): Promise<string> {
  const n = await db().notification.findFirst({ where: { id, ...mine(ctx) }, select: { href: true } });
  if (!n) throw new NotFoundError();
  await markRead(ctx, id, true);
  return n.href;
}

/** What the caller could video-test now: behaviours in review they did not write (live, not stored). */
export async function awaitingMyReview(ctx: MemberContext): Promise<AwaitingReviewDto> {
  if (!can(ctx.role, "catalogue.review", ctx.policy)) return { items: [], total: 0 };
  const where: Prisma.BehaviourWhereInput = {
    organizationId: ctx.orgId,
    deletedAt: null,
    status: "IN_REVIEW",
    authorId: { not: ctx.membershipId },
  };
  const [rows, total] = await Promise.all([
    db().behaviour.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 10,
      select: { id: true, title: true, updatedAt: true },
    }),
    db().behaviour.count({ where }),
  ]);
  return { items: rows.map((r) => ({ id: r.id, title: r.title, submittedAt: r.updatedAt.toISOString() })), total };
}
