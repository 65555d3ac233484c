import "server-only";
import { Webhook as Signer } from "standardwebhooks";
import { db } from "../db";
import { deliver as notify } from "../data/inbox";
import { recordAudit } from "../audit";
import {
  attemptError,
  CLAIM_STALE_MS,
  DISABLE_AFTER_FAILURES,
  disabledReason,
  isSuccess,
  MAX_ATTEMPTS,
  webhookDisabled,
} from "@/lib/domain/webhooks";
import { resolveTarget } from "./address";
import { urlPolicy } from "./policy";
import { post, type SendResult } from "./send";

/** Thrown for an attempt that failed but has tries left: the queue retries with exponential backoff. */
export class DeliveryRetry extends Error {}

export type DeliveryOutcome = "delivered" | "failed" | "skipped";

/**
 * The "webhook.deliver" job: one attempt at one delivery. Idempotent (a DELIVERED or FAILED row is
 * left alone) and never concurrent: the attempt is claimed with one conditional update on the
 * attempt number and "no attempt in flight", so of two callers only one sends. A failed attempt with
 * tries left throws DeliveryRetry; the last one marks the row FAILED, and enough FAILED deliveries in
 * a row switch the webhook off and tell the organisation's admins.
 */
export async function deliverWebhook(deliveryId: string, now = () => new Date()): Promise<DeliveryOutcome> {
  const d = await db().webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      organizationId: true,
      status: true,
      attempts: true,
      event: true,
      body: true,
      webhook: { select: { id: true, name: true, url: true, format: true, secret: true, enabled: true } },
      organization: { select: { allowPrivateWebhooks: true } },
    },
  });
  if (!d || d.status !== "PENDING") return "skipped";
  // A test event may go to a switched-off webhook (to check a fixed receiver); nothing else does.
  if (!d.webhook.enabled && d.event !== "test") {
    await db().webhookDelivery.updateMany({
      where: { id: d.id, status: "PENDING" },
      data: { status: "FAILED", lastError: "The webhook is switched off." },
    });
    return "failed";
  }

  const started = now();
  const claim = await db().webhookDelivery.updateMany({
    where: {
      id: d.id,
      status: "PENDING",
      attempts: d.attempts,
      // No attempt in flight: none yet, or the last one recorded its outcome, or it was abandoned.
      OR: [
        { lastAttemptAt: null },
        { lastError: { not: null } },
        { lastStatusCode: { not: null } },
        { lastAttemptAt: { lt: new Date(started.getTime() - CLAIM_STALE_MS) } },
      ],
    },
    data: { attempts: { increment: 1 }, lastAttemptAt: started, lastError: null, lastStatusCode: null },
  });
  if (claim.count === 0) {
    const current = await db().webhookDelivery.findUnique({ where: { id: d.id }, select: { status: true } });
    if (current?.status === "PENDING") throw new DeliveryRetry("Another worker is sending this delivery.");
    return "skipped";
  }
  const attempt = d.attempts + 1;

  const checked = await resolveTarget(d.webhook.url, urlPolicy(d.organization.allowPrivateWebhooks));
  const result: SendResult = checked.ok
    ? await post(checked.target, signatureHeaders(d.webhook, d.id, started, d.body), d.body)
    : { error: `Refused: ${checked.message}` };

  if ("status" in result && isSuccess(result.status)) {
    await db().$transaction([
      db().webhookDelivery.updateMany({
        where: { id: d.id, status: "PENDING", attempts: attempt },
        data: { status: "DELIVERED", lastStatusCode: result.status, deliveredAt: now() },
      }),
      db().webhook.updateMany({ where: { id: d.webhook.id }, data: { consecutiveFailures: 0 } }),
    ]);
    return "delivered";
  }

  const outcome = {
    lastStatusCode: "status" in result ? result.status : null,
    lastError: attemptError(result),
  };
  if (attempt < MAX_ATTEMPTS) {
    await db().webhookDelivery.updateMany({ where: { id: d.id, status: "PENDING", attempts: attempt }, data: outcome });
    throw new DeliveryRetry(`Attempt ${attempt} of ${MAX_ATTEMPTS} failed: ${outcome.lastError}`);
  }
  await markFailed(d, attempt, outcome);
  return "failed";
}

/** Standard Webhooks headers (Slack and Teams authenticate by their secret URL instead). */
function signatureHeaders(
  hook: { format: string; secret: string },
  id: string,
  at: Date,
  body: string,
): Record<string, string> {
  if (hook.format !== "STANDARD") return {};
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Signer(hook.secret).sign(id, at, body),
  };
}

/**
 * The last attempt failed: the row becomes FAILED and the webhook's run of failed deliveries grows
 * by one, in one transaction and with atomic updates (concurrent deliveries each count once); the
 * update that reaches the limit switches it off, and only that one tells the admins.
 */
async function markFailed(
  d: { id: string; organizationId: string; webhook: { id: string; name: string } },
  attempt: number,
  outcome: { lastStatusCode: number | null; lastError: string },
): Promise<void> {
  await db().$transaction(async (tx) => {
    const done = await tx.webhookDelivery.updateMany({
      where: { id: d.id, status: "PENDING", attempts: attempt },
      data: { ...outcome, status: "FAILED" },
    });
    if (done.count === 0) return;
    const hook = await tx.webhook.update({
      where: { id: d.webhook.id },
      data: { consecutiveFailures: { increment: 1 } },
      select: { consecutiveFailures: true },
    });
    if (hook.consecutiveFailures < DISABLE_AFTER_FAILURES) return;
    const off = await tx.webhook.updateMany({
      where: { id: d.webhook.id, enabled: true },
      data: { enabled: false, disabledAt: new Date(), disabledReason: disabledReason(hook.consecutiveFailures) },
    });
    if (off.count === 0) return;
    const admins = await tx.membership.findMany({
      where: { organizationId: d.organizationId, role: "ADMIN", status: "ACTIVE" },
      select: { id: true },
    });
    await notify(
      tx,
      admins.map((a) => a.id),
      {
        organizationId: d.organizationId,
        kind: "webhook.disabled",
        subjectId: d.webhook.id,
        text: webhookDisabled(d.webhook, hook.consecutiveFailures),
      },
    );
    await recordAudit(
      {
        organizationId: d.organizationId,
        action: "webhook.disabled",
        targetType: "Webhook",
        targetId: d.webhook.id,
        outcome: "ok",
        details: { consecutiveFailures: hook.consecutiveFailures },
      },
      tx,
    );
  });
}

/** For the queue's HANDLERS: `"webhook.deliver": deliverWebhookJob`. */
export async function deliverWebhookJob(data: { deliveryId: string }): Promise<void> {
  await deliverWebhook(data.deliveryId);
}
