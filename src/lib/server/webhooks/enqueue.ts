import "server-only";

// The one place the webhook code reaches the job queue (docs/decisions/018): a nudge after commit;
// the WebhookDelivery row is the truth (outbox pattern).
export { enqueueMany } from "../jobs/queue";
