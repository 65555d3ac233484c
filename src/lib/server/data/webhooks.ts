import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit, type AuditEntry } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { resolveTarget } from "../webhooks/address";
import { urlPolicy } from "../webhooks/policy";
import { nudgeWebhooks, writeDeliveries } from "../webhooks/events";
import { deliverWebhook, DeliveryRetry } from "../webhooks/deliver";
import type { Prisma } from "@/generated/prisma/client";
import type {
  DeliveryDto,
  DeliveryPageDto,
  TestEventDto,
  WebhookDto,
  WebhookInput,
  WebhookListDto,
  WebhookSecretDto,
  WebhookUpdateInput,
} from "@/lib/schemas/webhooks";
import type { MemberContext } from "./accounts";

// Outgoing webhooks (issue 17, docs/decisions/020): admins (webhooks.manage) add, change, switch
// off and delete them, read their delivery log and send a test event. Sending lives in
// src/lib/server/webhooks/.

/** A Standard Webhooks secret: "whsec_" and 32 random bytes in base64 (the spec asks 24 to 64). */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

const SELECT = {
  id: true,
  name: true,
  url: true,
  format: true,
  events: true,
  teamId: true,
  team: { select: { name: true } },
  enabled: true,
  disabledReason: true,
  disabledAt: true,
  consecutiveFailures: true,
  version: true,
  deliveries: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
    select: { status: true, createdAt: true, event: true },
  },
} as const satisfies Prisma.WebhookSelect;

function toDto(w: Prisma.WebhookGetPayload<{ select: typeof SELECT }>): WebhookDto {
  const last = w.deliveries[0];
  return {
    id: w.id,
    name: w.name,
    url: w.url,
    format: w.format,
    events: w.events,
    teamId: w.teamId,
    teamName: w.team?.name ?? null,
    enabled: w.enabled,
    disabledReason: w.disabledReason,
    disabledAt: w.disabledAt?.toISOString() ?? null,
    consecutiveFailures: w.consecutiveFailures,
    version: w.version,
    lastDelivery: last ? { status: last.status, at: last.createdAt.toISOString(), event: last.event } : null,
  };
}

export async function listWebhooks(ctx: MemberContext): Promise<WebhookListDto> {
  await authorize(ctx, "webhooks.manage");
  const [rows, org, teams] = await Promise.all([
    db().webhook.findMany({
      where: { organizationId: ctx.orgId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: SELECT,
    }),
    db().organization.findUniqueOrThrow({
      where: { id: ctx.orgId },
      select: { allowPrivateWebhooks: true, timeZone: true },
    }),
    db().team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM", archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { webhooks: rows.map(toDto), allowPrivateWebhooks: org.allowPrivateWebhooks, teams, timeZone: org.timeZone };
}

export async function getWebhook(ctx: MemberContext, id: string): Promise<WebhookDto> {
  await authorize(ctx, "webhooks.manage");
  const row = await db().webhook.findFirst({ where: { id, organizationId: ctx.orgId }, select: SELECT });
  if (!row) throw new NotFoundError();
  return toDto(row);
}

export const DELIVERY_PAGE = 25;

/** The delivery log, newest first, keyset paged on (createdAt, id). */
export async function listDeliveries(
  ctx: MemberContext,
  webhookId: string,
  before?: string | null,
): Promise<DeliveryPageDto> {
  await authorize(ctx, "webhooks.manage");
  const hook = await db().webhook.findFirst({
    where: { id: webhookId, organizationId: ctx.orgId },
    select: { id: true },
  });
  if (!hook) throw new NotFoundError();
  const cursor = parseCursor(before);
  const rows = await db().webhookDelivery.findMany({
    where: {
      webhookId,
      organizationId: ctx.orgId,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_PAGE + 1,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      createdAt: true,
      lastAttemptAt: true,
      deliveredAt: true,
    },
  });
  const page = rows.slice(0, DELIVERY_PAGE);
  const last = page.at(-1);
  return {
    items: page.map((r): DeliveryDto => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > DELIVERY_PAGE && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}

function parseCursor(raw: string | null | undefined): { at: Date; id: string } | null {
  if (!raw) return null;
  const [iso, id] = raw.split("_");
  const at = new Date(iso ?? "");
  return id && /^[A-Za-z0-9]{1,40}$/.test(id) && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

/** The URL's shape and every address of its host, with the organisation's setting: refused beside the field. */
async function checkUrl(ctx: MemberContext, url: string): Promise<string> {
  const org = await db().organization.findUniqueOrThrow({
    where: { id: ctx.orgId },
    select: { allowPrivateWebhooks: true },
  });
  const checked = await resolveTarget(url, urlPolicy(org.allowPrivateWebhooks));
  if (!checked.ok) throw new RuleError(checked.message, "url");
  return checked.target.url.toString();
}

async function checkTeam(ctx: MemberContext, teamId: string | null): Promise<void> {
  if (!teamId) return;
  const team = await db().team.findFirst({
    where: { id: teamId, organizationId: ctx.orgId, kind: "TEAM", archivedAt: null },
    select: { id: true },
  });
  if (!team) throw new RuleError("Choose a team that is not archived, or all teams.", "teamId");
}

const audit = (ctx: MemberContext, action: string, targetId: string, details?: Prisma.InputJsonValue): AuditEntry => ({
  organizationId: ctx.orgId,
  actorUserId: ctx.userId,
  action,
  targetType: "Webhook",
  targetId,
  outcome: "ok",
  details,
});

/** Creates it and returns its signing secret, shown this once. */
export async function createWebhook(ctx: MemberContext, input: WebhookInput): Promise<WebhookSecretDto> {
  await authorize(ctx, "webhooks.manage");
  const [url] = await Promise.all([checkUrl(ctx, input.url), checkTeam(ctx, input.teamId)]);
  const secret = newSecret();
  return db().$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: {
        organizationId: ctx.orgId,
        name: input.name,
        url,
        format: input.format,
        events: input.events,
        teamId: input.teamId,
        secret,
        createdById: ctx.membershipId,
      },
      select: { id: true },
    });
    await recordAudit(audit(ctx, "webhook.create", created.id, { format: input.format, events: input.events }), tx);
    return { id: created.id, secret };
  });
}

/** Changes name, address, format, events and team; refused when someone else saved it meanwhile. */
export async function updateWebhook(ctx: MemberContext, input: WebhookUpdateInput): Promise<void> {
  await authorize(ctx, "webhooks.manage");
  const exists = await db().webhook.findFirst({
    where: { id: input.id, organizationId: ctx.orgId },
    select: { id: true },
  });
  if (!exists) throw new NotFoundError();
  const [url] = await Promise.all([checkUrl(ctx, input.url), checkTeam(ctx, input.teamId)]);
  await db().$transaction(async (tx) => {
    const res = await tx.webhook.updateMany({
      where: { id: input.id, organizationId: ctx.orgId, version: input.version },
      data: {
        name: input.name,
        url,
        format: input.format,
        events: input.events,
        teamId: input.teamId,
        version: { increment: 1 },
      },
    });
    if (res.count === 0)
      throw new RuleError("Someone else changed this webhook meanwhile. Reload the page and try again.");
    await recordAudit(audit(ctx, "webhook.update", input.id, { format: input.format, events: input.events }), tx);
  });
}

export async function deleteWebhook(ctx: MemberContext, id: string): Promise<void> {
  await authorize(ctx, "webhooks.manage");
  await db().$transaction(async (tx) => {
    const res = await tx.webhook.deleteMany({ where: { id, organizationId: ctx.orgId } });
    if (res.count === 0) throw new NotFoundError();
    await recordAudit(audit(ctx, "webhook.delete", id), tx);
  });
}

/** On again (the run of failures starts from zero) or off by hand. */
export async function setWebhookEnabled(ctx: MemberContext, id: string, enabled: boolean): Promise<void> {
  await authorize(ctx, "webhooks.manage");
  await db().$transaction(async (tx) => {
    const res = await tx.webhook.updateMany({
      where: { id, organizationId: ctx.orgId },
      data: enabled
        ? { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 }
        : { enabled: false, disabledAt: new Date(), disabledReason: `Switched off by ${ctx.userName}.` },
    });
    if (res.count === 0) throw new NotFoundError();
    await recordAudit(audit(ctx, enabled ? "webhook.enable" : "webhook.disable", id), tx);
  });
}

/** A new signing secret, shown this once; the old one stops working at once. */
export async function rotateWebhookSecret(ctx: MemberContext, id: string): Promise<WebhookSecretDto> {
  await authorize(ctx, "webhooks.manage");
  const secret = newSecret();
  await db().$transaction(async (tx) => {
    const res = await tx.webhook.updateMany({ where: { id, organizationId: ctx.orgId }, data: { secret } });
    if (res.count === 0) throw new NotFoundError();
    await recordAudit(audit(ctx, "webhook.rotate-secret", id), tx);
  });
  return { id, secret };
}

/**
 * A "test" event to this one webhook, tried at once so the admin sees the outcome; a failed try is
 * left to the queue's retries like any other delivery.
 */
export async function sendTestEvent(ctx: MemberContext, id: string): Promise<TestEventDto> {
  await authorize(ctx, "webhooks.manage");
  const hook = await db().webhook.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: { id: true, format: true },
  });
  if (!hook) throw new NotFoundError();
  const [deliveryId] = await writeDeliveries(db(), ctx.orgId, [hook], { type: "test" });
  await recordAudit(audit(ctx, "webhook.test", id));
  try {
    await deliverWebhook(deliveryId!);
  } catch (err) {
    if (!(err instanceof DeliveryRetry)) throw err;
    await nudgeWebhooks([deliveryId!], ctx.orgId);
  }
  const row = await db().webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId! },
    select: { status: true, lastStatusCode: true, lastError: true },
  });
  const message =
    row.status === "DELIVERED"
      ? `delivered (the receiver answered HTTP ${row.lastStatusCode}).`
      : `not delivered: ${row.lastError ?? "no answer yet"}${row.status === "PENDING" ? " It will be retried." : ""}`;
  return { deliveryId: deliveryId!, status: row.status, message };
}

/** A FAILED delivery goes out again (the same body and webhook-id), with a fresh set of tries. */
export async function redeliver(ctx: MemberContext, deliveryId: string): Promise<void> {
  await authorize(ctx, "webhooks.manage");
  const res = await db().webhookDelivery.updateMany({
    where: { id: deliveryId, organizationId: ctx.orgId, status: "FAILED" },
    data: { status: "PENDING", attempts: 0 },
  });
  if (res.count === 0) {
    const exists = await db().webhookDelivery.findFirst({
      where: { id: deliveryId, organizationId: ctx.orgId },
      select: { id: true },
    });
    if (!exists) throw new NotFoundError();
    throw new RuleError("Only a failed delivery can be sent again.");
  }
  await recordAudit({ ...audit(ctx, "webhook.redeliver", deliveryId), targetType: "WebhookDelivery" });
  await nudgeWebhooks([deliveryId], ctx.orgId);
}

/** The on-premises setting: receivers on loopback and private networks. */
export async function setAllowPrivateWebhooks(ctx: MemberContext, allowed: boolean): Promise<void> {
  await authorize(ctx, "webhooks.manage");
  await db().$transaction(async (tx) => {
    await tx.organization.update({ where: { id: ctx.orgId }, data: { allowPrivateWebhooks: allowed } });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "organization.settings",
        targetType: "Organization",
        targetId: ctx.orgId,
        outcome: "ok",
        details: { allowPrivateWebhooks: allowed },
      },
      tx,
    );
  });
}
