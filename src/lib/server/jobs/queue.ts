import "server-only";
import { boss } from "./boss";
import { localWorkers } from "./worker";
import type { JobName } from "./queues";

export type { JobName } from "./queues";

export type JobData = { organizationId: string | null } & Record<string, unknown>;

export interface EnqueueOptions {
  /** pg-boss's singleton key (it dedupes only on throttled or singleton queues; ours are standard, so
   *  handlers must be idempotent anyway). */
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

/** Statements per batch insert: a digest or an invitation list can nudge thousands of rows at once. */
const INSERT_BATCH = 500;

/**
 * Queues many jobs of one kind in as few statements as possible (pg-boss's batch insert, with the queue's own
 * retry and expiry settings unless an item says otherwise). The same rule as `enqueue`: after commit, never
 * inside a transaction.
 */
export async function enqueueMany(
  name: JobName,
  items: { data: JobData; singletonKey?: string; retryLimit?: number }[],
): Promise<void> {
  if (items.length === 0) return;
  const instance = await boss();
  for (let i = 0; i < items.length; i += INSERT_BATCH)
    await instance.insert(
      items.slice(i, i + INSERT_BATCH).map((item) => ({
        name,
        data: item.data,
        ...(item.singletonKey ? { singletonKey: item.singletonKey } : {}),
        ...(item.retryLimit !== undefined ? { retryLimit: item.retryLimit } : {}),
      })),
    );
  const workerId = localWorkers(instance).get(name);
  if (workerId) instance.notifyWorker(workerId);
}
