// The durable job queue (issue 17, docs/decisions/018): pg-boss on the app's own database. Jobs run
// exactly once with two workers (two processes on PostgreSQL; two instances sharing the one
// connection on the embedded database, which one process owns), survive a restart, and retry with
// exponential backoff.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type PgBoss from "pg-boss";
import { database, db } from "@/lib/server/db";
import { runWorker } from "@/lib/server/jobs/worker";
import { boss, stopBoss } from "@/lib/server/jobs/boss";
import { enqueue, enqueueMany } from "@/lib/server/jobs/queue";
import { QUEUES } from "@/lib/server/jobs/queues";
import { notifyEveryMinutes } from "@/lib/server/env";
import { JOBS_PAGE_SIZE, jobCounts, listJobs, retryJob } from "@/lib/server/data/jobs";
import { NotFoundError, RuleError } from "@/lib/server/errors";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

const embedded = process.env.CONDUCT_TEST_DB !== "postgres";
const JOBS = 200;

afterAll(async () => {
  await stopBoss();
});

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const states = async (name: string) =>
  database().sql.query<{ state: string; n: number }>(
    `SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state ORDER BY state`,
    [name],
  );

function spawnWorker(name: string): Promise<{ child: ChildProcess; done: Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/integration/support/queue-worker.ts", name],
    { env: process.env, stdio: ["ignore", "pipe", "pipe"] },
  );
  // What the worker printed on stderr, for the failure message (a crash names its cause).
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-4000)));
  const lines = createInterface({ input: child.stdout! });
  let resolveDone!: () => void;
  let rejectDone!: (err: Error) => void;
  const done = new Promise<void>((resolve, reject) => ((resolveDone = resolve), (rejectDone = reject)));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) return resolveDone();
      const err = new Error(`worker ${name} exited with ${code}: ${stderr}`);
      reject(err);
      rejectDone(err);
    });
    lines.on("line", (line) => {
      if (line === "READY") resolve({ child, done });
      if (line === "DONE") resolveDone();
    });
  });
}

describe("the job queue", () => {
  it(`runs each of ${JOBS} jobs exactly once with two workers taking from one queue`, async () => {
    const sql = database().sql;
    await sql.exec(`CREATE TABLE queue_test_effect (job_id text NOT NULL, worker text NOT NULL)`);
    const record = (worker: string) => async (_d: unknown, job: { id: string }) => {
      await sql.query(`INSERT INTO queue_test_effect (job_id, worker) VALUES ($1, $2)`, [job.id, worker]);
      await new Promise((r) => setTimeout(r, 2));
    };
    let stopAll: () => Promise<void>;
    if (embedded) {
      // One process owns the embedded database: two workers in it share its one connection.
      const workers: PgBoss[] = [];
      for (const w of ["a", "b"])
        workers.push(
          await runWorker(
            database().jobs,
            { "outbox.sweep": record(w) },
            { pollingIntervalSeconds: 0.5, schedule: false },
          ),
        );
      stopAll = async () => {
        for (const w of workers) await w.stop({ graceful: true, wait: true, timeout: 10_000 });
      };
    } else {
      const workers = await Promise.all([spawnWorker("a"), spawnWorker("b")]);
      stopAll = async () => {
        for (const w of workers) w.child.kill("SIGTERM");
        await Promise.all(workers.map((w) => w.done));
      };
    }
    const ids = await Promise.all(
      Array.from({ length: JOBS }, (_, i) => enqueue("outbox.sweep", { organizationId: null, i })),
    );
    expect(new Set(ids).size).toBe(JOBS);
    await waitFor(
      () => states("outbox.sweep"),
      (s) => s.length === 1 && s[0]!.state === "completed" && s[0]!.n === JOBS,
    );
    await stopAll();
    const effects = await sql.query<{ job_id: string; worker: string }>(`SELECT job_id, worker FROM queue_test_effect`);
    expect(effects).toHaveLength(JOBS);
    expect(new Set(effects.map((e) => e.job_id))).toEqual(new Set(ids));
    const byWorker = new Map<string, number>();
    for (const e of effects) byWorker.set(e.worker, (byWorker.get(e.worker) ?? 0) + 1);
    // Both took a share: the test would not show exactly-once if one worker did everything.
    expect([...byWorker.keys()].sort()).toEqual(["a", "b"]);
  }, 180_000);

  it("queues many jobs in batches, each once, with its queue's retry settings", async () => {
    await boss();
    const n = 1_234;
    await enqueueMany(
      "records.prune",
      Array.from({ length: n }, (_, i) => ({ data: { organizationId: null, batch: i }, singletonKey: `batch:${i}` })),
    );
    const rows = await database().sql.query<{
      n: number;
      keys: number;
      limit: number;
      delay: number;
      backoff: boolean;
    }>(
      `SELECT count(*)::int AS n, count(DISTINCT singleton_key)::int AS keys, min(retry_limit)::int AS limit,
              min(retry_delay)::int AS delay, bool_and(retry_backoff) AS backoff
         FROM pgboss.job WHERE name = 'records.prune' AND data ? 'batch'`,
    );
    expect(rows[0]).toEqual({
      n,
      keys: n,
      limit: QUEUES["records.prune"].retryLimit,
      delay: QUEUES["records.prune"].retryDelaySeconds,
      backoff: true,
    });
    await database().sql.query(`DELETE FROM pgboss.job WHERE name = 'records.prune' AND data ? 'batch'`);
  });

  it("keeps queued jobs across a restart: a worker started later runs them", async () => {
    const id = await enqueue("database.analyze", { organizationId: null, restart: true });
    await stopBoss(); // the process that queued it goes away
    const ran: string[] = [];
    const worker = await runWorker(
      database().jobs,
      { "database.analyze": async (_d, job) => void ran.push(job.id) },
      { pollingIntervalSeconds: 0.5, schedule: false },
    );
    try {
      await waitFor(
        async () => ran,
        (r) => r.length === 1,
      );
      expect(ran).toEqual([id]);
    } finally {
      await worker.stop({ graceful: true, wait: true, timeout: 10_000 });
    }
  }, 60_000);

  it("retries a failing job with exponential backoff, then fails it keeping the error", async () => {
    const attempts: number[] = [];
    const worker = await runWorker(
      database().jobs,
      {
        "observations.rezone": async (data) => {
          attempts.push(Date.now());
          if (data.succeedOn !== attempts.length) throw new Error(`attempt ${attempts.length} failed`);
        },
      },
      { pollingIntervalSeconds: 0.5, schedule: false },
    );
    try {
      const instance = await boss();
      // Succeeds on the third attempt: waits of 1 s, then 2 s.
      const good = await instance.send(
        "observations.rezone",
        { organizationId: null, succeedOn: 3 },
        { retryLimit: 3, retryDelay: 1, retryBackoff: true },
      );
      await waitFor(
        async () => (await instance.getJobById("observations.rezone", good!))?.state,
        (s) => s === "completed",
      );
      expect(attempts).toHaveLength(3);
      const waits = [attempts[1]! - attempts[0]!, attempts[2]! - attempts[1]!];
      expect(waits[0]).toBeGreaterThanOrEqual(900);
      expect(waits[1]).toBeGreaterThan(waits[0]!); // backoff grows
      // Never succeeds: failed after its one retry, with the error kept for /settings/jobs.
      attempts.length = 0;
      const bad = await instance.send(
        "observations.rezone",
        { organizationId: null, succeedOn: 99 },
        { retryLimit: 1, retryDelay: 1, retryBackoff: true },
      );
      const failed = await waitFor(
        () => instance.getJobById<{ organizationId: null }>("observations.rezone", bad!),
        (j) => j?.state === "failed",
      );
      expect(attempts).toHaveLength(2);
      expect(JSON.stringify(failed!.output)).toContain("attempt 2 failed");
    } finally {
      await worker.stop({ graceful: true, wait: true, timeout: 10_000 });
    }
  }, 60_000);
});

describe("/settings/jobs", () => {
  it("lists only the organisation's own jobs, with the error of a failed one, and retries it once", async () => {
    const mine = await buildOrgScenario(db());
    const theirs = await buildOrgScenario(db());
    const admin = await contextFor(mine.admin.user.id, mine.org.id);
    const other = await contextFor(theirs.admin.user.id, theirs.org.id);
    const instance = await boss();
    const ok = await instance.send("database.analyze", { organizationId: mine.org.id, n: 1 });
    const bad = await instance.send("database.analyze", { organizationId: mine.org.id, n: 2 }, { retryLimit: 0 });
    await instance.fail("database.analyze", bad!, new Error("SMTP said 451: try again later"));
    const foreign = await instance.send("database.analyze", { organizationId: theirs.org.id }, { retryLimit: 0 });
    await instance.fail("database.analyze", foreign!, new Error("theirs"));

    const all = await listJobs(admin, "all");
    expect(all.rows.map((r) => r.id).sort()).toEqual([ok, bad].sort());
    const failed = await listJobs(admin, "failed");
    expect(failed.rows).toHaveLength(1);
    expect(failed.rows[0]).toMatchObject({ id: bad, state: "failed", retryable: true, attempts: "1 of 1" });
    expect(failed.rows[0]!.error).toBe("SMTP said 451: try again later");
    expect(await jobCounts(admin)).toMatchObject({ created: 1, failed: 1 });

    // Another organisation's job is missing, not forbidden; a job that is not failed is refused.
    await expect(retryJob(admin, foreign!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(retryJob(admin, ok!)).rejects.toBeInstanceOf(RuleError);
    await retryJob(admin, bad!);
    expect((await instance.getJobById("database.analyze", bad!))?.state).toBe("retry");
    await expect(retryJob(admin, bad!)).rejects.toBeInstanceOf(RuleError);
    expect((await listJobs(other, "failed")).rows.map((r) => r.id)).toEqual([foreign]);
  });

  it("pages newest first without skipping or repeating a job", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const instance = await boss();
    await instance.insert(
      Array.from({ length: JOBS_PAGE_SIZE + 7 }, (_, i) => ({
        name: "database.analyze",
        data: { organizationId: s.org.id, i },
      })),
    );
    const first = await listJobs(admin, "queued");
    expect(first.rows).toHaveLength(JOBS_PAGE_SIZE);
    const second = await listJobs(admin, "queued", first.nextCursor!);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(JOBS_PAGE_SIZE + 7);
  });

  it("schedules the notification tick every CONDUCT_NOTIFY_EVERY_MINUTES minutes (5 by default) and refuses other values", async () => {
    const before = process.env.CONDUCT_NOTIFY_EVERY_MINUTES;
    const tickCron = async () => {
      const worker = await runWorker(database().jobs, { "notifications.tick": async () => undefined });
      try {
        return (await worker.getSchedules()).find((s) => s.name === "notifications.tick")?.cron;
      } finally {
        await worker.stop({ graceful: true, wait: true, timeout: 10_000 });
      }
    };
    try {
      delete process.env.CONDUCT_NOTIFY_EVERY_MINUTES;
      expect(await tickCron()).toBe("*/5 * * * *");
      process.env.CONDUCT_NOTIFY_EVERY_MINUTES = "1";
      expect(await tickCron()).toBe("*/1 * * * *");
      for (const bad of ["7", "0", "1.5", "often"]) {
        process.env.CONDUCT_NOTIFY_EVERY_MINUTES = bad;
        expect(() => notifyEveryMinutes()).toThrow(/must be one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30/);
      }
    } finally {
      if (before === undefined) delete process.env.CONDUCT_NOTIFY_EVERY_MINUTES;
      else process.env.CONDUCT_NOTIFY_EVERY_MINUTES = before;
      await (await boss()).unschedule("notifications.tick");
    }
  }, 60_000);
});
