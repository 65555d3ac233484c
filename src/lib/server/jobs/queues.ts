// The queues of Conduct's job queue and how each retries (docs/decisions/018). Plain data, so the
// settings page, the worker and the tests read one list.

export const JOB_NAMES = [
  "mail.send",
  "webhook.deliver",
  "notifications.tick",
  "observations.rezone",
  "outbox.sweep",
  "database.analyze",
  "records.prune",
  "account.reset-mail",
  "privacy.retention",
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface QueueSpec {
  /** What an admin reads on /settings/jobs. */
  label: string;
  /** Attempts after the first; each waits retryDelay · 2^n seconds (pg-boss's exponential backoff). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job still running after this long is taken as lost (its process died) and retried. */
  expireInSeconds: number;
  /** Cron (in UTC) for the jobs the worker schedules itself; each slot is queued once, by one process. */
  cron?: string;
}

export const QUEUES: Readonly<Record<JobName, QueueSpec>> = {
  "mail.send": { label: "Send an e-mail", retryLimit: 6, retryDelaySeconds: 30, expireInSeconds: 120 },
  "webhook.deliver": { label: "Deliver a webhook", retryLimit: 6, retryDelaySeconds: 30, expireInSeconds: 120 },
  "notifications.tick": {
    label: "Send due cues, digests and reminders",
    retryLimit: 2,
    retryDelaySeconds: 60,
    expireInSeconds: 600,
    cron: "*/5 * * * *",
  },
  "observations.rezone": {
    label: "Move days to a new time zone",
    retryLimit: 3,
    retryDelaySeconds: 30,
    expireInSeconds: 1800,
  },
  "outbox.sweep": {
    label: "Retry messages left waiting",
    retryLimit: 1,
    retryDelaySeconds: 60,
    expireInSeconds: 300,
    cron: "*/10 * * * *",
  },
  "database.analyze": {
    label: "Refresh the database's statistics",
    retryLimit: 1,
    retryDelaySeconds: 300,
    expireInSeconds: 1800,
    cron: "17 3 * * *",
  },
  "records.prune": {
    label: "Delete old e-mails, deliveries and send records",
    retryLimit: 2,
    retryDelaySeconds: 300,
    expireInSeconds: 1800,
    cron: "37 3 * * *",
  },
  // "Forgot your password?" answers before looking the address up: the lookup and the mail happen here, so the
  // request takes the same time whether or not the address has an account.
  "account.reset-mail": {
    label: "Send a requested password reset link",
    retryLimit: 3,
    retryDelaySeconds: 30,
    expireInSeconds: 120,
  },
  // Each organisation's retention policy (docs/decisions/035): observers, notes and audit events past their days.
  "privacy.retention": {
    label: "Apply each organisation's retention policy",
    retryLimit: 2,
    retryDelaySeconds: 300,
    expireInSeconds: 3600,
    cron: "47 3 * * *",
  },
};

/** Seconds before attempt `retry` (1-based) of a queue starts: pg-boss's backoff, for the page to explain. */
export function backoffSeconds(spec: QueueSpec, retry: number): number {
  return spec.retryDelaySeconds * 2 ** Math.max(0, retry - 1);
}

export const isJobName = (name: string): name is JobName => (JOB_NAMES as readonly string[]).includes(name);
