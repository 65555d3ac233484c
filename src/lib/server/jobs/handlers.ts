import "server-only";
import type { JobHandlers } from "./worker";
import { analyzeEmbeddedDatabase } from "./maintenance";
import { deliverMail } from "../mail/outbox";
import { deliverWebhookJob } from "../webhooks/deliver";
import { sweepOutboxes } from "./sweep";
import { pruneOldRecords } from "./prune";
import { runNotificationsTick } from "../notify/tick";
import { mailRequestedReset } from "../data/password-resets";
import { applyCalendarChange } from "../data/calendar-change";
import { applyRetentionEverywhere } from "../data/retention";

/** What each queue does. A queue without a handler here is not worked (nor its cron queued). */
export const HANDLERS: JobHandlers = {
  "database.analyze": () => analyzeEmbeddedDatabase(),
  "mail.send": (data) => deliverMail(String(data.messageId)),
  "webhook.deliver": (data) => deliverWebhookJob({ deliveryId: String(data.deliveryId) }),
  "outbox.sweep": async () => void (await sweepOutboxes()),
  "records.prune": async () => void (await pruneOldRecords()),
  "notifications.tick": async () => void (await runNotificationsTick()),
  "account.reset-mail": (data) => mailRequestedReset(String(data.email), String(data.attemptId)),
  "observations.rezone": async (data) => void (await applyCalendarChange(String(data.changeId))),
  "privacy.retention": async () => void (await applyRetentionEverywhere()),
};
