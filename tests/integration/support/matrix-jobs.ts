// Matrix rows for the background jobs page (src/lib/actions/jobs.ts, /settings/jobs, issue 17).
import { boss } from "@/lib/server/jobs/boss";
import { jobCounts, listJobs, retryJob } from "@/lib/server/data/jobs";
import { type Row, at, row, ADMINS, A } from "./matrix-core";
import type { Side } from "./matrix-scenario";

/** A job of the side's organisation that has used its attempts. */
async function failedJob(s: Side): Promise<string> {
  const instance = await boss();
  const id = await instance.send("database.analyze", { organizationId: s.org.id }, { retryLimit: 0 });
  await instance.fail("database.analyze", id!, { message: "the matrix failed it" });
  return id!;
}

export const JOB_ACTION_ROWS: Row<unknown>[] = [
  row({
    action: "retryJobAction",
    surface: A("jobs"),
    requires: "jobs.manage",
    data: "jobs.retryJob",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => ({ jobId: await failedJob(s) }),
    call: (ctx, i) => retryJob(ctx, i.jobId),
    ids: [at("jobId", "not-found")],
  }),
  row({
    action: null,
    surface: "page /settings/jobs",
    requires: "jobs.manage",
    data: "jobs.listJobs",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => listJobs(ctx, "all"),
  }),
  row({
    action: null,
    surface: "page /settings/jobs",
    requires: "jobs.manage",
    data: "jobs.jobCounts",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => jobCounts(ctx),
  }),
];
