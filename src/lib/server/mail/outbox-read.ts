import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { NotFoundError } from "../errors";
import { afterRow, orderByOf, type KeyOrder } from "../data/keyset";
import type { MemberContext } from "../data/accounts";
import { serverEnv } from "../env";
import type { OutboxMessageDto, OutboxPageDto } from "@/lib/schemas/mail";

export const OUTBOX_PAGE_SIZE = 50;
const ORDER: KeyOrder = [
  ["createdAt", "desc"],
  ["id", "desc"],
];

const ROW = { id: true, status: true, kind: true, toAddress: true, subject: true, createdAt: true } as const;

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [ms, id] = cursor.split("_");
  if (!ms || !id || !/^\d{1,15}$/.test(ms) || !/^[A-Za-z0-9-]{1,40}$/.test(id)) return undefined;
  return { createdAt: new Date(Number(ms)), id };
}

async function zoneOf(organizationId: string): Promise<string> {
  const org = await db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timeZone: true } });
  return org.timeZone;
}

/**
 * This organisation's messages, newest first, a page at a time (keyset: each page starts after the
 * last row of the one before). Account mail (organizationId null) is never in any organisation's list.
 */
export async function listOutbox(ctx: MemberContext, cursor?: string): Promise<OutboxPageDto> {
  await authorize(ctx, "notifications.manage");
  const after = decodeCursor(cursor);
  const [rows, timeZone] = await Promise.all([
    db().mailMessage.findMany({
      where: { organizationId: ctx.orgId, ...(after ? afterRow(ORDER, after) : {}) },
      select: ROW,
      orderBy: orderByOf(ORDER),
      take: OUTBOX_PAGE_SIZE + 1,
    }),
    zoneOf(ctx.orgId),
  ]);
  const page = rows.slice(0, OUTBOX_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    next: rows.length > OUTBOX_PAGE_SIZE && last ? `${last.createdAt.getTime()}_${last.id}` : null,
    timeZone,
  };
}

/** One message of this organisation, with its parts and the headers it is (or would be) sent with. */
export async function outboxMessage(ctx: MemberContext, id: string): Promise<OutboxMessageDto> {
  await authorize(ctx, "notifications.manage");
  const [m, timeZone] = await Promise.all([
    db().mailMessage.findFirst({
      where: { id, organizationId: ctx.orgId },
      select: { ...ROW, text: true, html: true, headers: true, attempts: true, lastError: true, sentAt: true },
    }),
    zoneOf(ctx.orgId),
  ]);
  if (!m) throw new NotFoundError();
  const extra = Object.entries((m.headers ?? {}) as Record<string, string>).map(([name, value]) => ({
    name,
    value: String(value),
  }));
  return {
    id: m.id,
    status: m.status,
    kind: m.kind,
    toAddress: m.toAddress,
    subject: m.subject,
    createdAt: m.createdAt.toISOString(),
    text: m.text,
    html: m.html,
    timeZone,
    attempts: m.attempts,
    lastError: m.lastError,
    sentAt: m.status === "SENT" && m.sentAt ? m.sentAt.toISOString() : null,
    headers: [
      { name: "From", value: serverEnv().mailFrom },
      { name: "To", value: m.toAddress },
      { name: "Subject", value: m.subject },
      ...extra,
    ],
  };
}
