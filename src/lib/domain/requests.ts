// How a form treats a request that did not answer: pure, so the rules are unit-tested without a browser.

/** Shown beside a form whose request failed (network error, a 500, no answer): what was typed is still there. */
export const CONNECTION_ERROR = "Could not save — check your connection and try again.";

/** A failed request, as a form shows it: a form-level message with a Retry, never the error page. */
export interface ConnectionFailure {
  ok: false;
  formError: string;
  retry: true;
  /** Nothing is known about the fields: the request did not get an answer. */
  fieldErrors?: undefined;
}

export const connectionFailure = (): ConnectionFailure => ({ ok: false, formError: CONNECTION_ERROR, retry: true });

/**
 * How long an idempotent request (a log entry, a batch) may go unanswered before the form says it
 * failed: far beyond a normal save (well under a second), short enough that a person in a dead spot
 * is told and can retry rather than stare at "Saving…".
 */
export const REQUEST_TIMEOUT_MS = 20_000;

export class RequestTimeout extends Error {
  constructor(ms: number) {
    super(`No answer after ${ms} ms`);
    this.name = "RequestTimeout";
  }
}

interface SettleOptions {
  /**
   * Give up waiting after this long. Only for requests that carry an idempotency key kept for the
   * retry: the request may still reach the server, and only the key stops the retry saving twice.
   */
  timeoutMs?: number;
  /** Errors that are not failures (a framework's redirect): thrown on, so the framework handles them. */
  rethrow?: (err: unknown) => void;
  /** Where an unexpected failure is reported (the console): never shown to the person. */
  report?: (err: unknown) => void;
}

/**
 * Runs a request and turns a thrown or timed-out one into a ConnectionFailure, so a form keeps its
 * values and offers Retry instead of the error boundary replacing the page.
 */
export async function settle<T>(call: () => Promise<T>, options: SettleOptions = {}): Promise<T | ConnectionFailure> {
  const { timeoutMs, rethrow, report } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const request = call();
    if (timeoutMs === undefined) return await request;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestTimeout(timeoutMs)), timeoutMs);
    });
    // A late answer after the timeout is dropped here; a retry with the same key gets the saved record.
    request.catch(() => undefined);
    return await Promise.race([request, timeout]);
  } catch (err) {
    rethrow?.(err);
    report?.(err);
    return connectionFailure();
  } finally {
    clearTimeout(timer);
  }
}

/** The idempotency key of a request and the content it was made for. */
export interface RequestKey {
  fingerprint: string;
  key: string;
}

/**
 * The key for a request: the previous one when the same content is sent again (a retry, a double
 * tap: the server keeps the first), a new one when the content changed, so a corrected entry is not
 * taken for a repeat of the one that failed. `previous` is null after a saved request.
 */
export function keyFor(previous: RequestKey | null, fingerprint: string, makeKey: () => string): RequestKey {
  return previous && previous.fingerprint === fingerprint ? previous : { fingerprint, key: makeKey() };
}

/** A stable fingerprint of form fields (order-independent; the key field itself left out). */
export function fingerprintOf(entries: Iterable<[string, unknown]>, omit: string): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of entries) if (k !== omit && typeof v === "string") pairs.push([k, v]);
  pairs.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  return JSON.stringify(pairs);
}
