import "server-only";
import PgBoss from "pg-boss";
import { database } from "../db";
import type { JobsDb } from "../database";
import { JOB_NAMES, QUEUES } from "./queues";

// pg-boss on the app's own database connection (docs/decisions/018). The process's instance is kept
// on globalThis: Next bundles this module into several chunks (instrumentation, each route), and all
// of them must share one instance, as they share one database handle.
const holder = globalThis as unknown as {
  __conductBoss?: Promise<PgBoss>;
  __conductBossStopped?: boolean;
};

export const BOSS_SCHEMA = "pgboss";

/**
 * A new pg-boss on `db`. A worker's instance also does pg-boss's upkeep (jobs whose process died
 * are retried once they expire; finished jobs are archived) and queues the cron jobs; an instance
 * that only sends does neither.
 */
export async function newBoss(db: JobsDb, options: { worker: boolean }): Promise<PgBoss> {
  const instance = new PgBoss({
    db: db as PgBoss.Db,
    schema: BOSS_SCHEMA,
    supervise: options.worker,
    schedule: options.worker,
    migrate: true,
    // Finished jobs stay on /settings/jobs for a day, then in the archive for a week.
    archiveCompletedAfterSeconds: 24 * 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 7,
  });
  instance.on("error", (err) => console.error(`[jobs] ${err instanceof Error ? err.message : String(err)}`));
  await instance.start();
  await ensureQueues(instance);
  return instance;
}

/**
 * Creates the queues this build knows. Processes starting together on a new database race here:
 * pg-boss's create_queue can deadlock with another's (seen with two workers on PostgreSQL), or
 * find the queue made meanwhile, so a failed round waits a little and looks again.
 */
export async function ensureQueues(instance: PgBoss): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const existing = new Set((await instance.getQueues()).map((q) => q.name));
      for (const name of JOB_NAMES) {
        if (existing.has(name)) continue;
        const spec = QUEUES[name];
        await instance.createQueue(name, {
          name,
          retryLimit: spec.retryLimit,
          retryDelay: spec.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: spec.expireInSeconds,
        });
      }
      return;
    } catch (err) {
      if (attempt >= 6) throw err;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt + Math.random() * 100));
    }
  }
}

/** This process's pg-boss: the worker's once one runs, else one that only sends. */
export function boss(): Promise<PgBoss> {
  if (holder.__conductBossStopped) return Promise.reject(new Error("The server is stopping: the job queue is closed."));
  if (!holder.__conductBoss) installBoss(newBoss(database().jobs, { worker: false }));
  return holder.__conductBoss!;
}

/** Makes `next` the process's instance (the worker's), stopping a send-only one started earlier. */
export function installBoss(next: Promise<PgBoss>): void {
  const previous = holder.__conductBoss;
  const guarded = next.catch((err) => {
    if (holder.__conductBoss === guarded) holder.__conductBoss = undefined;
    throw err;
  });
  holder.__conductBoss = guarded;
  if (previous) void previous.then((p) => p.stop({ graceful: true, wait: false })).catch(() => undefined);
}

/** Stops this process's pg-boss, waiting up to 10 s for running jobs; `final` refuses to start again. */
export async function stopBoss(options: { final?: boolean } = {}): Promise<void> {
  const current = holder.__conductBoss;
  holder.__conductBoss = undefined;
  if (options.final) holder.__conductBossStopped = true;
  const instance = await current?.catch(() => undefined);
  await instance?.stop({ graceful: true, wait: true, timeout: 10_000 });
}

(globalThis as unknown as Record<symbol, () => Promise<void>>)[Symbol.for("conduct.stopJobs")] = () => stopBoss();
