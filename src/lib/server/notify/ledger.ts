import "server-only";
// The send ledger (docs/decisions/022). A scheduled send claims its NotificationSend row (organisation, kind,
// subject, recipient, period) with ON CONFLICT DO NOTHING in the same transaction as the MailMessage or
// WebhookDelivery row it writes, so a send is written once or not at all: a second process, or the same tick run
// again after a restart, finds the row taken and writes nothing. The nudges go after commit (a job enqueued
// inside the transaction would deadlock PGlite, and could run before the row is visible).
import { db } from "../db";
import {
  nudgeMail,
  nudgeWebhooks,
  queueMail,
  queueWebhookEvent,
  queueWebhookEventTo,
  type MailInput,
  type WebhookEvent,
} from "./channels";

export type Sent = { mails: number; deliveries: number };
export const add = (a: Sent, b: Sent): Sent => ({ mails: a.mails + b.mails, deliveries: a.deliveries + b.deliveries });

export interface Send {
  /** A membership id, or "webhook:<id>" / "webhooks" for a chat channel. */
  recipient: string;
  mail?: MailInput;
  webhook?: { event: WebhookEvent; teamIds?: string[]; webhookIds?: string[] };
}

export interface Claim {
  organizationId: string;
  kind: string;
  subjectId: string;
  period: string;
}

/** The marker of a job run through to its end for one period: later ticks skip it without recomputing. */
const DONE = "*";

export async function isDone(claim: Claim): Promise<boolean> {
  const row = await db().notificationSend.findUnique({
    where: { organizationId_kind_subjectId_recipient_period: { ...claim, recipient: DONE } },
    select: { id: true },
  });
  return row !== null;
}

export async function markDone(claim: Claim, now: Date): Promise<void> {
  await db().notificationSend.createMany({
    data: [{ ...claim, recipient: DONE, createdAt: now }],
    skipDuplicates: true,
  });
}

/** Writes the sends whose ledger row this call claimed; returns how many mails and deliveries it wrote. */
export async function sendOnce(claim: Claim, sends: Send[], now: Date): Promise<Sent> {
  if (sends.length === 0) return { mails: 0, deliveries: 0 };
  // One order for every process, so two transactions claiming overlapping rows never deadlock.
  const ordered = [...sends].sort((a, b) => (a.recipient < b.recipient ? -1 : a.recipient > b.recipient ? 1 : 0));
  const { mailIds, deliveryIds } = await db().$transaction(async (tx) => {
    const claimed = await tx.notificationSend.createManyAndReturn({
      data: ordered.map((s) => ({ ...claim, recipient: s.recipient, createdAt: now })),
      skipDuplicates: true,
      select: { recipient: true },
    });
    const won = new Set(claimed.map((c) => c.recipient));
    const mailIds: string[] = [];
    const deliveryIds: string[] = [];
    for (const s of ordered) {
      if (!won.has(s.recipient)) continue;
      if (s.mail) mailIds.push(await queueMail(s.mail, { tx }));
      if (s.webhook) {
        const { event, teamIds, webhookIds } = s.webhook;
        deliveryIds.push(
          ...(webhookIds
            ? await queueWebhookEventTo(claim.organizationId, webhookIds, event, { tx })
            : await queueWebhookEvent(claim.organizationId, event, { ...(teamIds ? { teamIds } : {}), tx })),
        );
      }
    }
    return { mailIds, deliveryIds };
  });
  if (mailIds.length > 0) await nudgeMail(mailIds);
  if (deliveryIds.length > 0) await nudgeWebhooks(deliveryIds);
  return { mails: mailIds.length, deliveries: deliveryIds.length };
}
