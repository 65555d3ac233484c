import "server-only";
import { db } from "../db";
import { webhookBody, type WebhookEvent } from "@/lib/domain/webhook-formats";
import { RETRY_LIMIT } from "@/lib/domain/webhooks";
import type { Prisma } from "@/generated/prisma/client";
import { enqueueMany } from "./enqueue";

/**
 * Queues an event for every enabled webhook of the organisation subscribed to its type: one
 * WebhookDelivery per webhook, holding the exact body that will be sent. A webhook with a team
 * receives only events for that team (`teamIds`); one without receives all. Without `tx` the rows
 * are committed here and the queue is nudged; with `tx` the rows join the caller's transaction and
 * the caller calls nudgeWebhooks(ids) after its commit (enqueue inside a transaction deadlocks PGlite).
 */
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
    select: { id: true, format: true },
  });
  const ids = await writeDeliveries(client, organizationId, hooks, event);
  if (!options.tx) await nudgeWebhooks(ids, organizationId);
  return ids;
}

/**
 * Queues an event for the named webhooks only (a cue's chosen channel: the author picked it, so it
 * need not subscribe to the event type), if they are the organisation's and enabled.
 */
export async function queueWebhookEventTo(
  organizationId: string,
  webhookIds: string[],
  event: WebhookEvent,
  options: { tx?: Prisma.TransactionClient } = {},
): Promise<string[]> {
  if (webhookIds.length === 0) return [];
  const client = options.tx ?? db();
  const hooks = await client.webhook.findMany({
    where: { organizationId, id: { in: webhookIds }, enabled: true },
    select: { id: true, format: true },
    orderBy: { id: "asc" },
  });
  const ids = await writeDeliveries(client, organizationId, hooks, event);
  if (!options.tx) await nudgeWebhooks(ids, organizationId);
  return ids;
}

/** The delivery rows, one per webhook, the body rendered in each webhook's format. */
export async function writeDeliveries(
  client: Prisma.TransactionClient,
  organizationId: string,
  hooks: { id: string; format: "STANDARD" | "SLACK" | "TEAMS" }[],
  event: WebhookEvent,
  at = new Date(),
): Promise<string[]> {
  if (hooks.length === 0) return [];
  const rows = await client.webhookDelivery.createManyAndReturn({
    data: hooks.map((h) => ({
      organizationId,
      webhookId: h.id,
      event: event.type,
      body: webhookBody(h.format, event, at),
      createdAt: at,
    })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** After commit: one job per delivery (a job already queued for it is enough). */
export async function nudgeWebhooks(deliveryIds: string[], organizationId?: string): Promise<void> {
  if (deliveryIds.length === 0) return;
  const orgOf =
    organizationId === undefined
      ? new Map(
          (
            await db().webhookDelivery.findMany({
              where: { id: { in: deliveryIds } },
              select: { id: true, organizationId: true },
            })
          ).map((d) => [d.id, d.organizationId]),
        )
      : null;
  await enqueueMany(
    "webhook.deliver",
    deliveryIds.flatMap((deliveryId) => {
      const org = organizationId ?? orgOf?.get(deliveryId);
      return org
        ? [
            {
              data: { organizationId: org, deliveryId },
              singletonKey: `webhook.deliver:${deliveryId}`,
              retryLimit: RETRY_LIMIT,
            },
          ]
        : [];
    }),
  );
}
