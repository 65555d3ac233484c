import "server-only";
import type PgBoss from "pg-boss";
import type { JobsDb } from "../database";
import { database } from "../db";
import { notifyEveryMinutes } from "../env";
import { installBoss, newBoss } from "./boss";
import { QUEUES, type JobName } from "./queues";

export type JobHandler = (data: Record<string, unknown>, job: { id: string; retryCount: number }) => Promise<void>;
export type JobHandlers = Partial<Record<JobName, JobHandler>>;

export interface WorkerOptions {
  /** Seconds between polls of a queue (default 2; at least 0.5). A job queued by this process wakes its worker at once. */
  pollingIntervalSeconds?: number;
  /** Jobs taken per poll (default 20), run one after another. */
  batchSize?: number;
  /** Queue the cron jobs of QUEUES (default true). */
  schedule?: boolean;
}

/**
 * Starts a worker on `db` for each queue that has a handler. pg-boss claims jobs with FOR UPDATE
 * SKIP LOCKED, so several workers (processes, or instances in one process on the embedded database)
 * never take the same job. A handler that throws fails only its own job, which pg-boss retries with
 * exponential backoff up to the queue's limit and then keeps as failed, with the error.
 */
export async function runWorker(db: JobsDb, handlers: JobHandlers, options: WorkerOptions = {}): Promise<PgBoss> {
  const instance = await newBoss(db, { worker: true });
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (const [name, handler] of Object.entries(handlers) as [JobName, JobHandler][]) {
    const workerId = await instance.work<Record<string, unknown>>(
      name,
      { batchSize: options.batchSize ?? 20, pollingIntervalSeconds, includeMetadata: true },
      async (jobs) => {
        // pg-boss completes the batch when this returns; a job failed here is no longer active, so
        // it stays failed (or waiting for its retry) rather than completed.
        for (const job of jobs) {
          try {
            await handler(job.data ?? {}, { id: job.id, retryCount: job.retryCount });
          } catch (err) {
            await instance.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) });
          }
        }
      },
    );
    localWorkers(instance).set(name, workerId);
    const cron = name === "notifications.tick" ? `*/${notifyEveryMinutes()} * * * *` : QUEUES[name].cron;
    if (cron && options.schedule !== false)
      await instance.schedule(name, cron, { organizationId: null }, { tz: "UTC" });
  }
  return instance;
}

const WORKERS = Symbol.for("conduct.localWorkers");
/** The worker ids of an instance's queues, so a job queued in this process can wake its worker. */
export function localWorkers(instance: PgBoss): Map<JobName, string> {
  const holder = instance as unknown as Record<symbol, Map<JobName, string> | undefined>;
  return (holder[WORKERS] ??= new Map());
}

/** Starts this process's worker on the app database; enqueue() then goes through it too. */
export async function startWorker(handlers: JobHandlers, options: WorkerOptions = {}): Promise<PgBoss> {
  const started = runWorker(database().jobs, handlers, options);
  installBoss(started);
  return started;
}
