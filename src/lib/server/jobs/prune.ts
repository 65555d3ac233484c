import "server-only";
import { database } from "../db";

/** How long the outbox, the webhook delivery log and the send ledger keep their rows. */
export const RETENTION = {
  mailDays: 90,
  deliveryDays: 90,
  /** The ledger only has to outlive the periods it guards (a week, plus the grace window). */
  ledgerDays: 60,
} as const;
const BATCH = 2_000;
const DAY = 86_400_000;

/**
 * The "records.prune" job (nightly): deletes finished e-mails, webhook deliveries and ledger rows
 * past their retention, a batch at a time so the embedded database's one connection is never held
 * for long. Messages still QUEUED and deliveries still PENDING are kept, however old.
 */
export async function pruneOldRecords(now = new Date()): Promise<{ mail: number; deliveries: number; ledger: number }> {
  const sql = database().sql;
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const drain = async (table: string, where: string, cutoff: Date) => {
    let total = 0;
    for (;;) {
      const rows = await sql.query<{ id: string }>(
        `DELETE FROM "${table}" WHERE id IN (SELECT id FROM "${table}" WHERE ${where} AND "createdAt" < $1 LIMIT ${BATCH}) RETURNING id`,
        [cutoff],
      );
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  };
  return {
    mail: await drain("MailMessage", `status <> 'QUEUED'`, before(RETENTION.mailDays)),
    deliveries: await drain("WebhookDelivery", `status <> 'PENDING'`, before(RETENTION.deliveryDays)),
    ledger: await drain("NotificationSend", "true", before(RETENTION.ledgerDays)),
  };
}
