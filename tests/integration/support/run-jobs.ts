// Works one queue's waiting jobs in the test's own process, as a worker would: fetched from the
// queue, run by the app's handler, marked complete. For tests of what a job does, without a
// polling worker (tests/integration/jobs-queue.test.ts tests the worker itself).
import { boss } from "@/lib/server/jobs/boss";
import { HANDLERS } from "@/lib/server/jobs/handlers";
import type { JobName } from "@/lib/server/jobs/queues";

/** Runs every job waiting in the queue `name`; returns how many ran. */
export async function runQueuedJobs(name: JobName): Promise<number> {
  const instance = await boss();
  const handler = HANDLERS[name];
  if (!handler) throw new Error(`no handler for ${name}`);
  let ran = 0;
  for (;;) {
    const jobs = await instance.fetch<Record<string, unknown>>(name, { batchSize: 100, includeMetadata: true });
    if (jobs.length === 0) return ran;
    for (const job of jobs) {
      await handler(job.data, job);
      await instance.complete(name, job.id);
      ran++;
    }
  }
}
