import "server-only";
import { serverEnv } from "../env";

// The one place the mail module reaches the job queue. Until the lead's queue
// (src/lib/server/jobs/queue.ts) is merged, a nudge delivers right away in this process, in the
// background; once it lands this file becomes `export { enqueue } from "../jobs/queue"` and the
// handler is wired in src/lib/server/jobs/handlers.ts ("mail.send": (d) => deliverMail(d.messageId)).
// Integration tests call deliverMail themselves, so nothing runs behind their back.
export async function enqueue(
  name: "mail.send",
  data: { organizationId: string | null; messageId: string },
  _options?: { singletonKey?: string; startAfter?: Date; retryLimit?: number },
): Promise<string | null> {
  if (serverEnv().testing) return null;
  const { deliverMail } = await import("./outbox");
  void retrying(() => deliverMail(data.messageId));
  return data.messageId;
}

async function retrying(run: () => Promise<void>): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await run();
    } catch (err) {
      console.error(`[mail] ${name} attempt ${attempt + 1} failed:`, err);
      await new Promise((r) => setTimeout(r, 2 ** attempt * 1000));
    }
  }
}
const name = "mail.send";
