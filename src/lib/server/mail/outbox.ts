import "server-only";
import { db } from "../db";
import { authSecret } from "../auth-secret";
import { appUrl } from "../app-url";
import { serverEnv } from "../env";
import {
  MAIL_MAX_ATTEMPTS,
  MAIL_SEND_LEASE_MS,
  transientMailError,
  unsubscribeHeaders,
  withUnsubscribe,
} from "@/lib/domain/mail";
import { NOTIFICATION_LABELS, type NotificationKind } from "@/lib/domain/mail-notifications";
import { signUnsubscribeToken } from "@/lib/domain/mail-tokens";
import type { Prisma } from "@/generated/prisma/client";
import { enqueueMany } from "./enqueue";
import { mailFromDomain, mailTransport, smtpConfigured } from "./transport";

// The outbox (docs/decisions/019): every message is a MailMessage row first, committed, and the
// "mail.send" job only nudges deliverMail to hand it to the SMTP server. The row is the truth: a
// lost job leaves it QUEUED for the periodic tick to nudge again.

export interface MailInput {
  /** Null for account mail that no organisation may read (a self-service password reset). */
  organizationId: string | null;
  userId?: string;
  toAddress: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  /** Non-essential mail: carries List-Unsubscribe (RFC 8058) and a visible unsubscribe link. */
  unsubscribe?: { membershipId: string; kind: NotificationKind };
}

type Client = Prisma.TransactionClient;

/** The path of a one-click unsubscribe link. */
export function unsubscribePath(membershipId: string, kind: NotificationKind): string {
  return `/unsubscribe/${signUnsubscribeToken(authSecret(), membershipId, kind)}`;
}

/**
 * Writes a message and, without `tx`, nudges the mail job. With `tx` the row is part of the caller's
 * transaction, and the caller calls nudgeMail(ids) after it commits (never enqueue inside one).
 * A message that will not be sent (no SMTP here, or the organisation keeps mail in the outbox) is
 * stored as OUTBOX.
 */
export async function queueMail(input: MailInput, options: { tx?: Client } = {}): Promise<string> {
  const [id] = await queueMails([input], options);
  return id!;
}

/** Many messages at once (a bulk invitation): one look at each organisation's mail setting, one insert. */
export async function queueMails(inputs: MailInput[], options: { tx?: Client } = {}): Promise<string[]> {
  if (inputs.length === 0) return [];
  const client = options.tx ?? db();
  const orgIds = [...new Set(inputs.map((i) => i.organizationId).filter((o): o is string => o !== null))];
  const sending = await sendingOrgs(client, orgIds);
  const rows = inputs.map((input) => {
    let parts = { text: input.text, html: input.html };
    let headers: Record<string, string> = {};
    if (input.unsubscribe) {
      // The visible link opens a page with a button (a GET changes nothing); the header names the
      // one-click endpoint a mail client POSTs to (RFC 8058).
      const url = appUrl(unsubscribePath(input.unsubscribe.membershipId, input.unsubscribe.kind));
      parts = withUnsubscribe(parts, url, NOTIFICATION_LABELS[input.unsubscribe.kind].plural);
      headers = unsubscribeHeaders(`${url}/one-click`);
    }
    const send = input.organizationId === null ? smtpConfigured() : sending.has(input.organizationId);
    return {
      organizationId: input.organizationId,
      userId: input.userId ?? null,
      kind: input.kind,
      toAddress: input.toAddress,
      subject: input.subject,
      text: parts.text,
      html: parts.html,
      headers,
      status: send ? ("QUEUED" as const) : ("OUTBOX" as const),
    };
  });
  const created = await client.mailMessage.createManyAndReturn({ data: rows, select: { id: true, status: true } });
  const ids = created.map((r) => r.id);
  if (!options.tx) await nudgeMail(created.filter((r) => r.status === "QUEUED").map((r) => r.id));
  return ids;
}

/** Of these organisations, those whose mail leaves (SMTP here, and the organisation did not choose the outbox). */
async function sendingOrgs(client: Client, orgIds: string[]): Promise<Set<string>> {
  if (!smtpConfigured() || orgIds.length === 0) return new Set();
  const orgs = await client.organization.findMany({
    where: { id: { in: orgIds }, mailMode: "SEND" },
    select: { id: true },
  });
  return new Set(orgs.map((o) => o.id));
}

/** Queues the mail job for messages still waiting (after the transaction that wrote them committed). */
export async function nudgeMail(messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return;
  const rows = await db().mailMessage.findMany({
    where: { id: { in: messageIds }, status: "QUEUED" },
    select: { id: true, organizationId: true },
  });
  await enqueueMany(
    "mail.send",
    rows.map((r) => ({ data: { organizationId: r.organizationId, messageId: r.id }, singletonKey: `mail:${r.id}` })),
  );
}

/** A transient SMTP failure: thrown so that the queue tries the message again later. */
export class MailDeliveryError extends Error {}

/**
 * The "mail.send" job: hands one QUEUED message to the SMTP server, once. The claim is one
 * conditional update (status QUEUED and no live lease; the lease is `sentAt` while QUEUED), so two
 * workers never both send it; SENT, FAILED and OUTBOX messages, and one another worker holds, are
 * left alone. A transient failure is recorded and thrown (the queue retries with backoff); a
 * permanent one (5xx), or the last attempt, marks the message FAILED.
 */
export async function deliverMail(messageId: string, now = new Date()): Promise<void> {
  const claim = await db().mailMessage.updateMany({
    where: {
      id: messageId,
      status: "QUEUED",
      OR: [{ sentAt: null }, { sentAt: { lt: new Date(now.getTime() - MAIL_SEND_LEASE_MS) } }],
    },
    data: { sentAt: now, attempts: { increment: 1 } },
  });
  if (claim.count === 0) return;
  const held = { id: messageId, status: "QUEUED" as const, sentAt: now };
  const msg = await db().mailMessage.findUniqueOrThrow({
    where: { id: messageId },
    select: {
      toAddress: true,
      subject: true,
      text: true,
      html: true,
      headers: true,
      attempts: true,
      organization: { select: { mailMode: true } },
    },
  });
  const transport = mailTransport();
  // SMTP removed, or the organisation switched to the outbox, since the message was queued.
  if (!transport || msg.organization?.mailMode === "OUTBOX") {
    await db().mailMessage.updateMany({ where: held, data: { status: "OUTBOX", sentAt: null } });
    return;
  }
  let smtpMessageId: string;
  try {
    const info = await transport.sendMail({
      from: serverEnv().mailFrom,
      to: msg.toAddress,
      subject: msg.subject,
      text: msg.text,
      html: msg.html,
      headers: (msg.headers ?? {}) as Record<string, string>,
      // The same Message-ID on every attempt, so a receiver can drop a repeat after a lost reply.
      messageId: `<${messageId}@${mailFromDomain()}>`,
    });
    smtpMessageId = info.messageId;
  } catch (err) {
    const e = err as { message?: string; responseCode?: number; code?: string };
    const last = msg.attempts >= MAIL_MAX_ATTEMPTS || !transientMailError(e);
    await db().mailMessage.updateMany({
      where: held,
      data: { status: last ? "FAILED" : "QUEUED", sentAt: null, lastError: String(e.message ?? err).slice(0, 1000) },
    });
    if (last) return;
    throw new MailDeliveryError(`Mail ${messageId} attempt ${msg.attempts} failed: ${e.message ?? String(err)}`);
  }
  await db().mailMessage.updateMany({
    where: held,
    data: { status: "SENT", sentAt: new Date(), smtpMessageId, lastError: null },
  });
}
