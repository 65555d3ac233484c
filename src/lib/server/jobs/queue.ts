import "server-only";
import { boss } from "./boss";
import { localWorkers } from "./worker";
import type { JobName } from "./queues";

export type { JobName } from "./queues";

export type JobData = { organizationId: string | null } & Record<string, unknown>;

export interface EnqueueOptions {
  /** At most one queued job of this queue per key: a second enqueue returns null. */
  singletonKey?: string;
  startAfter?: Date;
  retryLimit?: number;
}

/**
 * Queues a job; returns its id, or null when a job with the same singletonKey is already waiting.
 * Never inside a Prisma transaction: on the embedded database the queue shares its one connection,
 * so the insert would wait for the transaction that waits for it. Write the row that matters first
 * (the outbox pattern: the job only says "look at it"), commit, then enqueue.
 */
export async function enqueue(name: JobName, data: JobData, options: EnqueueOptions = {}): Promise<string | null> {
  const instance = await boss();
  const id = await instance.send(name, data, {
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
  });
  // This process's own worker need not wait for its next poll (others find it when they poll).
  const workerId = localWorkers(instance).get(name);
  if (id && workerId && !options.startAfter) instance.notifyWorker(workerId);
  return id;
}
