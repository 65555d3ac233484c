// Background jobs as admins read them on /settings/jobs (issue 17). Pure: the data layer reads
// pg-boss's rows; this turns their states, attempts and errors into what the page says.

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** The page's filters: each is a set of pg-boss states. */
export const JOB_FILTERS = {
  all: [...JOB_STATES],
  queued: ["created", "retry"],
  running: ["active"],
  failed: ["failed"],
  done: ["completed", "cancelled"],
} as const satisfies Record<string, readonly JobState[]>;
export type JobFilter = keyof typeof JOB_FILTERS;
export const isJobFilter = (v: unknown): v is JobFilter => typeof v === "string" && Object.hasOwn(JOB_FILTERS, v);

export const JOB_STATE_LABELS: Record<JobState, string> = {
  created: "Queued",
  retry: "Waiting to retry",
  active: "Running",
  completed: "Done",
  cancelled: "Cancelled",
  failed: "Failed",
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/**
 * The error message pg-boss kept for a failed attempt, without a stack trace: pg-boss stores what
 * the handler threw (serialised) or its own timeout message, in `output` or `output.value`.
 */
export function jobError(output: unknown): string | null {
  if (!isObject(output)) return typeof output === "string" && output ? output.split("\n")[0]!.slice(0, 500) : null;
  const inner = isObject(output.value) ? output.value : output;
  const message = inner.message;
  return typeof message === "string" && message ? message.split("\n")[0]!.slice(0, 500) : null;
}

/** "attempt 2 of 7": pg-boss counts retries; people count attempts. */
export function attemptLabel(retryCount: number, retryLimit: number, state: JobState): string {
  const attempt = state === "created" || state === "retry" ? retryCount + 1 : Math.max(1, retryCount + 1);
  return `${attempt} of ${retryLimit + 1}`;
}

// Keyset cursor over (createdOn desc, id desc): "<ISO instant>_<uuid>".
export function encodeJobCursor(createdOn: Date, id: string): string {
  return `${createdOn.toISOString()}_${id}`;
}

export function decodeJobCursor(cursor: string): { createdOn: Date; id: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/.exec(cursor);
  if (!m) return null;
  const createdOn = new Date(m[1]!);
  return Number.isNaN(createdOn.getTime()) ? null : { createdOn, id: m[2]! };
}
