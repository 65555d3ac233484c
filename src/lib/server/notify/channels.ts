import "server-only";
// The channels the notifications tick sends through, in one place so that the lead swaps this file at merge for
// re-exports of the real ones:
//   export { queueMail, nudgeMail, type MailInput } from "../mail/outbox";
//   export { recipientsFor } from "../mail/recipients";
//   export { queueWebhookEvent, nudgeWebhooks } from "../webhooks/events";
//   export type { WebhookEvent } from "@/lib/domain/webhook-formats";
//   export { appUrl } from "../app-url";
// and, for a cue's chosen webhook, queueWebhookEventTo over the webhooks module's writeDeliveries:
//   const hooks = await (tx ?? db()).webhook.findMany({ where: { organizationId, id: { in: webhookIds }, enabled: true },
//     select: { id: true, format: true } });
//   return writeDeliveries(tx ?? db(), organizationId, hooks, event);
// Until then: a MINIMAL stand-in with exactly the agreed signatures (issue 17's shared brief). It writes the same
// MailMessage / WebhookDelivery rows (the outbox pattern: the row is the truth) and nudges nobody; the real modules
// render, sign, send and retry.
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

/** Deliveries of `event` to the enabled webhooks subscribed to it (org-wide ones, or those of `teamIds`). */
export async function queueWebhookEvent(
  organizationId: string,
  event: WebhookEvent,
  options: { teamIds?: string[]; tx?: Prisma.TransactionClient } = {},
): Promise<string[]> {
  const client = options.tx ?? db();
  const teamIds = options.teamIds ?? [];
  const hooks = await client.webhook.findMany({
    where: {
      organizationId,
      enabled: true,
      events: { has: event.type },
      OR: [{ teamId: null }, ...(teamIds.length > 0 ? [{ teamId: { in: teamIds } }] : [])],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const ids = await writeDeliveries(client, organizationId, hooks, event);
  if (!options.tx) await nudgeWebhooks(ids);
  return ids;
}

/** Deliveries of `event` to the webhooks named (a cue's chosen channel), if they are the organisation's and on. */
export async function queueWebhookEventTo(
  organizationId: string,
  webhookIds: string[],
  event: WebhookEvent,
  options: { tx?: Prisma.TransactionClient } = {},
): Promise<string[]> {
  const client = options.tx ?? db();
  const hooks = await client.webhook.findMany({
    where: { organizationId, id: { in: webhookIds }, enabled: true },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const ids = await writeDeliveries(client, organizationId, hooks, event);
  if (!options.tx) await nudgeWebhooks(ids);
  return ids;
}

async function writeDeliveries(
  client: Prisma.TransactionClient,
  organizationId: string,
  hooks: { id: string }[],
  event: WebhookEvent,
): Promise<string[]> {
  if (hooks.length === 0) return [];
  const rows = await client.webhookDelivery.createManyAndReturn({
    data: hooks.map((h) => ({ organizationId, webhookId: h.id, event: event.type, body: JSON.stringify(event) })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function nudgeWebhooks(deliveryIds: string[]): Promise<void> {
  void deliveryIds; // the webhooks engineer's events module enqueues "webhook.deliver" for each
}
