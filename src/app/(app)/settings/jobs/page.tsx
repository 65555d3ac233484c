import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { jobCounts, listJobs } from "@/lib/server/data/jobs";
import { parseJobParams } from "@/lib/schemas/jobs";
import { JOB_FILTERS, JOB_STATE_LABELS, type JobFilter } from "@/lib/domain/jobs";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { LocalTime, ViewerTimeZone } from "@/components/ui/local-time";
import { RetryJobButton } from "@/components/jobs/retry-job-button";

export const metadata = { title: "Background jobs" };

const th = "p-3 font-medium";
const td = "p-3 align-top";
const FILTER_LABELS: Record<JobFilter, string> = {
  all: "All",
  queued: "Queued",
  running: "Running",
  failed: "Failed",
  done: "Done",
};

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("jobs.manage");
  const { filter, cursor } = parseJobParams(await searchParams);
  const [page, counts] = await Promise.all([listJobs(ctx, filter, cursor), jobCounts(ctx)]);
  const count = (f: JobFilter) => JOB_FILTERS[f].reduce((n, s) => n + counts[s], 0);
  const href = (f: JobFilter, extra = "") =>
    `/settings/jobs${f === "all" ? (extra ? `?${extra}` : "") : `?state=${f}${extra ? `&${extra}` : ""}`}`;
  return (
    <>
      <PageHeader
        title="Background jobs"
        description={`What Conduct does for ${ctx.orgName} in the background: e-mails, webhook deliveries, time-zone moves. A job that fails is retried with growing waits; once it has used every attempt it stays here as failed until you retry it.`}
      >
        <Link href="/settings" className={buttonClass("ghost")}>
          Back to settings
        </Link>
      </PageHeader>
      <nav aria-label="Job states" className="mb-4 flex flex-wrap gap-2">
        {(Object.keys(FILTER_LABELS) as JobFilter[]).map((f) => (
          <Link
            key={f}
            href={href(f)}
            aria-current={f === filter ? "page" : undefined}
            className={buttonClass(f === filter ? "primary" : "secondary")}
          >
            {FILTER_LABELS[f]} ({count(f)})
          </Link>
        ))}
      </nav>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Finished jobs are kept for a week. Times are in your time zone, <ViewerTimeZone />.
      </p>
      {page.rows.length === 0 ? (
        <EmptyState>
          {filter === "all" && !cursor
            ? "No background jobs yet. Invitations, e-mails and webhook deliveries appear here as soon as Conduct sends them."
            : `No ${FILTER_LABELS[filter].toLowerCase()} jobs.`}{" "}
          {filter !== "all" && (
            <Link href="/settings/jobs" className="underline">
              Show all jobs
            </Link>
          )}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm">
            <caption className="sr-only">Background jobs</caption>
            <thead className="text-left text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className={th}>
                  Job
                </th>
                <th scope="col" className={th}>
                  State
                </th>
                <th scope="col" className={th}>
                  Attempt
                </th>
                <th scope="col" className={th}>
                  Queued
                </th>
                <th scope="col" className={th}>
                  Finished
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {page.rows.map((j) => (
                <tr key={j.id}>
                  <td className={td}>
                    <span className="block font-medium">{j.label}</span>
                    {j.subject && (
                      <span className="block break-all font-mono text-xs text-slate-500 dark:text-slate-400">
                        {j.subject}
                      </span>
                    )}
                  </td>
                  <td className={td}>
                    <span className="block">{JOB_STATE_LABELS[j.state]}</span>
                    {j.state === "retry" && (
                      <span className="block text-xs text-slate-500 dark:text-slate-400">
                        next attempt <LocalTime iso={j.startAfter} />
                      </span>
                    )}
                    {j.error && (
                      <span className="mt-1 block max-w-md break-words text-xs text-red-700 dark:text-red-400">
                        {j.error}
                      </span>
                    )}
                  </td>
                  <td className={`${td} whitespace-nowrap`}>{j.attempts}</td>
                  <td className={`${td} whitespace-nowrap`}>
                    <LocalTime iso={j.createdAt} />
                  </td>
                  <td className={`${td} whitespace-nowrap`}>{j.finishedAt ? <LocalTime iso={j.finishedAt} /> : "—"}</td>
                  <td className={td}>{j.retryable && <RetryJobButton jobId={j.id} label={j.label} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Job pages" className="mt-4 flex gap-2">
        {cursor && (
          <Link href={href(filter)} className={buttonClass("secondary")}>
            Newest jobs
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={href(filter, `cursor=${encodeURIComponent(page.nextCursor)}`)}
            className={buttonClass("secondary")}
          >
            Older jobs
          </Link>
        )}
      </nav>
    </>
  );
}
