import "server-only";
import { authorize } from "../authorize";
import { database } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { BOSS_SCHEMA, boss } from "../jobs/boss";
import { QUEUES, isJobName } from "../jobs/queues";
import {
  JOB_FILTERS,
  attemptLabel,
  decodeJobCursor,
  encodeJobCursor,
  jobError,
  type JobFilter,
  type JobState,
} from "@/lib/domain/jobs";
import type { MemberContext } from "./accounts";

export const JOBS_PAGE_SIZE = 50;

export interface JobRowDto {
  id: string;
  queue: string;
  label: string;
  state: JobState;
  attempts: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When a queued or retrying job may start. */
  startAfter: string;
  error: string | null;
  /** What the job is about (an e-mail, a delivery), as ids only. */
  subject: string;
  retryable: boolean;
}

interface JobRow {
  id: string;
  name: string;
  state: JobState;
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  start_after: Date;
  output: unknown;
  data: Record<string, unknown> | null;
  created_us: string;
}

// The live table and the archive (finished jobs move there after a day, and leave it after a week).
const COLUMNS = `id, name, state::text AS state, retry_count, retry_limit, created_on, started_on, completed_on, start_after, output, data,
  (extract(epoch FROM created_on) * 1000000)::bigint::text AS created_us`;
const JOBS = `(SELECT ${COLUMNS} FROM ${BOSS_SCHEMA}.job UNION ALL SELECT ${COLUMNS} FROM ${BOSS_SCHEMA}.archive) j`;

const toDto = (r: JobRow): JobRowDto => {
  const { organizationId: _org, ...rest } = r.data ?? {};
  return {
    id: r.id,
    queue: r.name,
    label: isJobName(r.name) ? QUEUES[r.name].label : r.name,
    state: r.state,
    attempts: attemptLabel(r.retry_count, r.retry_limit, r.state),
    createdAt: new Date(r.created_on).toISOString(),
    startedAt: r.started_on ? new Date(r.started_on).toISOString() : null,
    finishedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null,
    startAfter: new Date(r.start_after).toISOString(),
    error: r.state === "failed" || r.state === "retry" ? jobError(r.output) : null,
    subject: Object.entries(rest)
      .filter(([, v]) => typeof v === "string" || typeof v === "number")
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(", "),
    retryable: r.state === "failed",
  };
};

/** Whether the queue's tables exist yet (the first worker or enqueue creates them). */
async function queueReady(): Promise<boolean> {
  const rows = await database().sql.query<{ ok: boolean }>(
    `SELECT to_regclass('${BOSS_SCHEMA}.job') IS NOT NULL AND to_regclass('${BOSS_SCHEMA}.archive') IS NOT NULL AS ok`,
  );
  return rows[0]?.ok === true;
}

/** This organisation's jobs, newest first, a page at a time (filtered by state). */
export async function listJobs(
  ctx: MemberContext,
  filter: JobFilter,
  cursor?: string,
): Promise<{ rows: JobRowDto[]; nextCursor: string | null }> {
  await authorize(ctx, "jobs.manage");
  if (!(await queueReady())) return { rows: [], nextCursor: null };
  const after = cursor ? decodeJobCursor(cursor) : null;
  const params: unknown[] = [ctx.orgId, [...JOB_FILTERS[filter]]];
  let where = `j.data->>'organizationId' = $1 AND j.state = ANY($2::text[])`;
  if (after) {
    params.push(after.createdMicros, after.id);
    where += ` AND (j.created_us::bigint, j.id) < ($3::bigint, $4::uuid)`;
  }
  const rows = await database().sql.query<JobRow>(
    `SELECT * FROM ${JOBS} WHERE ${where} ORDER BY j.created_us::bigint DESC, j.id DESC LIMIT ${JOBS_PAGE_SIZE + 1}`,
    params,
  );
  const page = rows.slice(0, JOBS_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map(toDto),
    nextCursor: rows.length > JOBS_PAGE_SIZE && last ? encodeJobCursor(last.created_us, last.id) : null,
  };
}

/** How many of this organisation's jobs are in each state (the page's summary). */
export async function jobCounts(ctx: MemberContext): Promise<Record<JobState, number>> {
  await authorize(ctx, "jobs.manage");
  const counts: Record<JobState, number> = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
  if (!(await queueReady())) return counts;
  const rows = await database().sql.query<{ state: JobState; n: number }>(
    `SELECT j.state, count(*)::int AS n FROM ${JOBS} WHERE j.data->>'organizationId' = $1 GROUP BY j.state`,
    [ctx.orgId],
  );
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Puts a failed job of this organisation back in its queue for one more attempt. Another
 * organisation's job, or one that is not failed, is a 404 / a clear refusal.
 */
export async function retryJob(ctx: MemberContext, jobId: string): Promise<void> {
  await authorize(ctx, "jobs.manage");
  if (!UUID.test(jobId) || !(await queueReady())) throw new NotFoundError();
  const [job] = await database().sql.query<{ name: string; state: string }>(
    `SELECT name, state::text AS state FROM ${BOSS_SCHEMA}.job WHERE id = $1 AND data->>'organizationId' = $2`,
    [jobId, ctx.orgId],
  );
  if (!job) throw new NotFoundError();
  if (job.state !== "failed") throw new RuleError("Only a failed job can be retried; this one is not failed now.");
  // pg-boss's retry moves it from failed to retry only if it is still failed (a conditional update).
  await (await boss()).retry(job.name, jobId);
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "job.retry",
    targetType: "Job",
    targetId: jobId,
    outcome: "ok",
    details: { queue: job.name },
  });
}

/** The jobs of this organisation among `ids`, named by their queue's label (for the audit trail's targets). */
export async function jobNames(ctx: MemberContext, ids: string[]): Promise<{ id: string; name: string }[]> {
  const uuids = ids.filter((id) => UUID.test(id));
  if (!uuids.length || !(await queueReady())) return [];
  const rows = await database().sql.query<{ id: string; name: string }>(
    `SELECT j.id::text AS id, j.name FROM ${JOBS} WHERE j.id = ANY($1::uuid[]) AND j.data->>'organizationId' = $2`,
    [uuids, ctx.orgId],
  );
  return rows.map((r) => ({ id: r.id, name: isJobName(r.name) ? QUEUES[r.name].label : r.name }));
}
