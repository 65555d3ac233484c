import "server-only";
import { database } from "../db";
import { nudgeMail } from "../mail/outbox";
import { nudgeWebhooks } from "../webhooks/events";
import { nudgeCalendarChanges } from "../data/calendar-change";
import { BOSS_SCHEMA } from "./boss";

/** A row waiting longer than this with no live job lost its nudge (a crash between commit and enqueue). */
export const SWEEP_AFTER_MS = 10 * 60_000;
const BATCH = 500;

/**
 * The "outbox.sweep" job (every 10 minutes): e-mails still QUEUED, webhook deliveries still
 * PENDING and time-zone changes still waiting (docs/decisions/027) whose job is gone get a new one.
 * A change whose job failed for good is tried again this way too: it must not wait forever. A row whose job is waiting for its retry is left alone,
 * so the sweep never shortens a backoff; the handlers' claims make a second job harmless anyway.
 */
export async function sweepOutboxes(
  now = new Date(),
): Promise<{ mail: number; webhooks: number; calendarChanges: number }> {
  const before = new Date(now.getTime() - SWEEP_AFTER_MS);
  const sql = database().sql;
  const live = (queue: string, key: string, column: string) =>
    `NOT EXISTS (SELECT 1 FROM ${BOSS_SCHEMA}.job j WHERE j.name = '${queue}' AND j.data->>'${key}' = ${column} AND j.state < 'completed')`;
  const mail = await sql.query<{ id: string }>(
    `SELECT m.id FROM "MailMessage" m WHERE m.status = 'QUEUED' AND m."createdAt" < $1 AND ${live("mail.send", "messageId", "m.id")} ORDER BY m."createdAt" LIMIT ${BATCH}`,
    [before],
  );
  const deliveries = await sql.query<{ id: string }>(
    `SELECT d.id FROM "WebhookDelivery" d WHERE d.status = 'PENDING' AND d."createdAt" < $1 AND ${live("webhook.deliver", "deliveryId", "d.id")} ORDER BY d."createdAt" LIMIT ${BATCH}`,
    [before],
  );
  const changes = await sql.query<{ id: string }>(
    `SELECT c.id FROM "CalendarChange" c WHERE c."requestedAt" < $1 AND ${live("observations.rezone", "changeId", "c.id")} ORDER BY c."requestedAt" LIMIT ${BATCH}`,
    [before],
  );
  await nudgeMail(mail.map((m) => m.id));
  await nudgeWebhooks(deliveries.map((d) => d.id));
  await nudgeCalendarChanges(changes.map((c) => c.id));
  return { mail: mail.length, webhooks: deliveries.length, calendarChanges: changes.length };
}
