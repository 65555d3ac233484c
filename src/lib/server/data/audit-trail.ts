import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { auditEventsToCsv, detailsText } from "@/lib/domain/audit-csv";
import {
  AUDIT_PAGE_SIZE,
  decodeAuditCursor,
  encodeAuditCursor,
  type AuditActorOptionDto,
  type AuditEventDto,
  type AuditFilter,
  type AuditPageDto,
} from "@/lib/schemas/audit-trail";
import { instantRange } from "@/lib/domain/dates";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";
import { auditTargetNames } from "./audit-targets";
import { EXPORT_PAGE_SIZE, keysetPages, orderByOf, type KeyOrder } from "./keyset";
import { auditedExport } from "./audited-export";
import { freshStatistics } from "./statistics";
import { targetKey, targetKind, targetKindLabel, targetName } from "@/lib/domain/audit-targets";

// Reading the audit trail. Deliberately read-only: no function here (or anywhere in the app)
// updates or deletes an AuditEvent, so the trail cannot be tidied up by the people it records.

const DETAILS_MAX = 300;

/**
 * Always this organisation's events: events without one (a failed sign-in for an unknown e-mail)
 * belong to nobody's trail. Dates are whole days in the organisation's zone, both ends included.
 */
function auditWhere(ctx: MemberContext, f: AuditFilter): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = instantRange(f, ctx.timeZone);
  return {
    organizationId: ctx.orgId,
    ...(f.action && { action: { startsWith: f.action } }),
    ...(f.outcome && { outcome: f.outcome }),
    ...(f.actor && { actorUserId: f.actor }),
    ...((f.from || f.to) && { at }),
  };
}

const SELECT = {
  id: true,
  at: true,
  actorUserId: true,
  action: true,
  targetType: true,
  targetId: true,
  outcome: true,
  ip: true,
  details: true,
} as const;
const EXPORT_ORDER: KeyOrder = [
  ["at", "desc"],
  ["id", "desc"],
];
const ORDER = orderByOf(EXPORT_ORDER) as Prisma.AuditEventOrderByWithRelationInput[];

type Row = Prisma.AuditEventGetPayload<{ select: typeof SELECT }>;

/** Names of the actors who are (or were) members of this organisation, in one query. */
async function actorNames(ctx: MemberContext, rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const members = await db().membership.findMany({
    where: { organizationId: ctx.orgId, userId: { in: ids } },
    select: { userId: true, user: { select: { name: true } } },
  });
  return new Map(members.map((m) => [m.userId, m.user.name]));
}

interface Names {
  actors: Map<string, string>;
  targets: Map<string, string>;
}

/** Actor and target names for these events: a handful of batched queries, whatever the number of rows. */
async function namesFor(ctx: MemberContext, rows: Row[]): Promise<Names> {
  const [actors, targets] = await Promise.all([actorNames(ctx, rows), auditTargetNames(ctx, rows)]);
  return { actors, targets };
}

function nameOfTarget(r: Row, targets: Map<string, string>): string | null {
  if (!r.targetType) return null;
  const kind = targetKind(r.targetType);
  // A kind the trail does not know how to look up keeps its id (better than claiming it was deleted).
  if (!kind) return r.targetId;
  return targetName(r.targetId ? targets.get(targetKey(kind, r.targetId)) : undefined, r.details);
}

function toDto(r: Row, { actors: names, targets }: Names, detailsMax: number): AuditEventDto {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorName: (r.actorUserId && names.get(r.actorUserId)) || "—",
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetLabel: r.targetType ? targetKindLabel(r.targetType) : null,
    targetName: nameOfTarget(r, targets),
    outcome: r.outcome,
    ip: r.ip,
    details: detailsText(r.details, detailsMax),
  };
}

/** One page of the organisation's events, newest first; `cursor` comes from the previous page. */
export async function listAuditEvents(ctx: MemberContext, filter: AuditFilter, cursor?: string): Promise<AuditPageDto> {
  await authorize(ctx, "members.manage");
  const after = cursor ? decodeAuditCursor(cursor) : null;
  const where = auditWhere(ctx, filter);
  const rows = await db().auditEvent.findMany({
    where: after ? { AND: [where, { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }] } : where,
    orderBy: ORDER,
    take: AUDIT_PAGE_SIZE + 1,
    select: SELECT,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const names = await namesFor(ctx, page);
  const dtos = page.map((r) => toDto(r, names, DETAILS_MAX));
  return { rows: dtos, nextCursor: rows.length > AUDIT_PAGE_SIZE ? encodeAuditCursor(dtos[dtos.length - 1]!) : null };
}

/** The members an admin can filter by: everyone with a membership here, disabled ones included. */
export async function auditActorOptions(ctx: MemberContext): Promise<AuditActorOptionDto[]> {
  await authorize(ctx, "members.manage");
  const rows = await db().membership.findMany({
    where: { organizationId: ctx.orgId },
    select: { userId: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name }));
}

/**
 * The filtered events as CSV, newest first, every one of them (streamed in keyset pages: issue 15,
 * item 13), details in full, each event's day and time also on the organisation's clock. The export
 * itself is audited: the trail holds IP addresses, and who took a copy is part of the record; a
 * download that breaks off is recorded as failed, with the rows sent. Events written while it runs
 * are newer than its first page and are not in it.
 */
export async function exportAuditCsv(
  ctx: MemberContext,
  filter: AuditFilter,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  await authorize(ctx, "members.manage");
  const where = auditWhere(ctx, filter);
  const details = { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) };
  return auditedExport(ctx, { action: "audit.export", details }, async (write, sent) => {
    await freshStatistics(["AuditEvent"]);
    await write(auditEventsToCsv([], ctx.timeZone));
    const pages = keysetPages(
      EXPORT_ORDER,
      (after, take) =>
        db().auditEvent.findMany({
          where: after ? { AND: [where, after as Prisma.AuditEventWhereInput] } : where,
          orderBy: ORDER,
          take,
          select: SELECT,
        }),
      pageSize,
    );
    for await (const page of pages) {
      const names = await namesFor(ctx, page);
      await write(
        auditEventsToCsv(
          page.map((r) => toDto(r, names, Infinity)),
          ctx.timeZone,
          false,
        ),
      );
      sent(page.length);
    }
  });
}
