// Load over HTTP with autocannon: N connections for D seconds, every response time recorded so the
// percentiles are exact, and a response that is not a success counted as an error (a server action
// answers HTTP 200 with { ok: false } when it refuses, so the body is checked too).
import autocannon from "autocannon";
import { percentile } from "./stats";

export interface LoadResult {
  rps: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export function runLoad(opts: {
  url: string;
  seconds: number;
  connections: number;
  method?: string;
  headers?: Record<string, string>;
  /** A body, or a function making each request's body (e.g. with a fresh idempotency key). */
  body?: string | (() => string);
  ok?: (body: string) => boolean;
}): Promise<LoadResult> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        method: opts.method ?? "GET",
        headers: opts.headers,
        // autocannon's own [<id>] replacement assumes a fixed id length and can send a wrong
        // Content-Length; a body made per request keeps it right.
        ...(typeof opts.body === "function"
          ? { requests: [{ setupRequest: (req) => ({ ...req, body: (opts.body as () => string)() }) }] }
          : { body: opts.body }),
        verifyBody: opts.ok,
      },
      (err, result) => {
        if (err) return reject(err);
        const sorted = times.sort((a, b) => a - b);
        resolve({
          rps: result.requests.total / result.duration,
          requests: result.requests.total,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
}
