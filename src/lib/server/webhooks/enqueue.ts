import "server-only";

// The one place the webhook code reaches the job queue (src/lib/server/jobs/queue.ts, the lead's).
// Until the queue is on this branch this nudge does nothing: the WebhookDelivery row is the truth
// (outbox pattern) and the queue's periodic tick re-nudges rows left PENDING. Switch to:
//   export { enqueue } from "../jobs/queue";
type JobName = "webhook.deliver";

export async function enqueue(
  _name: JobName,
  _data: { organizationId: string | null } & Record<string, unknown>,
  _options?: { singletonKey?: string; startAfter?: Date; retryLimit?: number },
): Promise<string | null> {
  return null;
}
