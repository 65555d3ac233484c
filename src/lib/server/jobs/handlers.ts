import "server-only";
import type { JobHandlers } from "./worker";
import { analyzeEmbeddedDatabase } from "./maintenance";

/** What each queue does. A queue without a handler here is not worked (nor its cron queued). */
export const HANDLERS: JobHandlers = {
  "database.analyze": () => analyzeEmbeddedDatabase(),
};
