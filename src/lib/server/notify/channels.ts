import "server-only";
// The channels the notifications tick sends through, in one place so that the lead swaps this file at merge for
// re-exports of the real ones:
//   export { queueMail, nudgeMail, type MailInput } from "../mail/outbox";
//   export { recipientsFor } from "../mail/recipients";
//   export { queueWebhookEvent, nudgeWebhooks } from "../webhooks/events";
//   export type { WebhookEvent } from "@/lib/domain/webhook-formats";
//   export { appUrl } from "../app-url";
// Until then: a MINIMAL stand-in with exactly the agreed signatures (issue 17's shared brief). It writes the same
// MailMessage / WebhookDelivery rows (the outbox pattern: the row is the truth) and nudges nobody; the real modules
// render, sign, send and retry. One extension the webhooks engineer is asked for: `webhookIds`, so that a cue can
// go to the one webhook its author chose.
import type { NotificationKind, Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { serverEnv } from "../env";

export type MailInput = {
  organizationId: string | null;
  userId?: string;
  toAddress: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  unsubscribe?: { membershipId: string; kind: NotificationKind };
};

export type WebhookEvent =
  | { type: "cue"; behaviourId: string; behaviourTitle: string; message: string; logUrl: string }
  | { type: "reminder"; title: string; body: string; url: string }
  | { type: "digest"; organisationName: string; period: string; lines: string[]; url: string }
  | {
      type: "recognition.given";
      recipientName: string;
      giverName: string;
      behaviourTitle: string;
      message: string;
      url: string;
    }
  | { type: "test" };

/** The subscription name of an event on Webhook.events. */
const SUBSCRIPTION: Record<WebhookEvent["type"], string> = {
  cue: "cue",
  reminder: "reminder",
  digest: "digest",
  "recognition.given": "recognition",
  test: "test",
};

export function appUrl(path: string): string {
  return new URL(path, serverEnv().appUrl ?? "http://localhost:3000").toString();
}

export async function queueMail(input: MailInput, options: { tx?: Prisma.TransactionClient } = {}): Promise<string> {
  const client = options.tx ?? db();
  const row = await client.mailMessage.create({
    data: {
      organizationId: input.organizationId,
      userId: input.userId ?? null,
      toAddress: input.toAddress,
      kind: input.kind,
      subject: input.subject,
      text: input.text,
      html: input.html,
    },
    select: { id: true },
  });
  if (!options.tx) await nudgeMail([row.id]);
  return row.id;
}

export async function nudgeMail(messageIds: string[]): Promise<void> {
  void messageIds; // the mail engineer's outbox enqueues "mail.send" for each
}

/** Active members among `membershipIds` whose channel for `kind` is EMAIL (own choice, else the organisation's). */
export async function recipientsFor(
  organizationId: string,
  kind: NotificationKind,
  membershipIds: string[],
): Promise<{ membershipId: string; userId: string; email: string; name: string }[]> {
  if (membershipIds.length === 0) return [];
  const [members, orgDefault] = await Promise.all([
    db().membership.findMany({
      where: { organizationId, id: { in: membershipIds }, status: "ACTIVE", user: { placeholder: false } },
      select: {
        id: true,
        user: { select: { id: true, email: true, name: true } },
        notificationPrefs: { where: { kind }, select: { channel: true } },
      },
      orderBy: { id: "asc" },
    }),
    db().notificationDefault.findUnique({
      where: { organizationId_kind: { organizationId, kind } },
      select: { channel: true },
    }),
  ]);
  return members
    .filter((m) => (m.notificationPrefs[0]?.channel ?? orgDefault?.channel ?? "EMAIL") === "EMAIL")
    .map((m) => ({ membershipId: m.id, userId: m.user.id, email: m.user.email, name: m.user.name }));
}

export async function queueWebhookEvent(
  organizationId: string,
  event: WebhookEvent,
  options: { teamIds?: string[]; webhookIds?: string[]; tx?: Prisma.TransactionClient } = {},
): Promise<string[]> {
  const client = options.tx ?? db();
  const hooks = await client.webhook.findMany({
    where: {
      organizationId,
      enabled: true,
      ...(options.webhookIds
        ? { id: { in: options.webhookIds } }
        : {
            events: { has: SUBSCRIPTION[event.type] },
            ...(options.teamIds ? { OR: [{ teamId: null }, { teamId: { in: options.teamIds } }] } : {}),
          }),
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const ids: string[] = [];
  for (const h of hooks) {
    const row = await client.webhookDelivery.create({
      data: { organizationId, webhookId: h.id, event: event.type, body: JSON.stringify(event) },
      select: { id: true },
    });
    ids.push(row.id);
  }
  if (!options.tx) await nudgeWebhooks(ids);
  return ids;
}

export async function nudgeWebhooks(deliveryIds: string[]): Promise<void> {
  void deliveryIds; // the webhooks engineer's events module enqueues "webhook.deliver" for each
}
