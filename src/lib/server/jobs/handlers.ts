import "server-only";
import type { JobHandlers } from "./worker";
import { analyzeEmbeddedDatabase } from "./maintenance";
import { deliverMail } from "../mail/outbox";

/** What each queue does. A queue without a handler here is not worked (nor its cron queued). */
export const HANDLERS: JobHandlers = {
  "database.analyze": () => analyzeEmbeddedDatabase(),
  "mail.send": (data) => deliverMail(String(data.messageId)),
};
