// Webhook rules that are not about the wire format (issue 17, docs/decisions/020).
import type { NotificationText } from "./inbox";

/** Tries per delivery: the first and the queue's retries (retryLimit 6, exponential backoff). */
export const MAX_ATTEMPTS = 7;
export const RETRY_LIMIT = MAX_ATTEMPTS - 1;
/** Deliveries in a row that ended FAILED before the webhook is switched off. */
export const DISABLE_AFTER_FAILURES = 10;
/**
 * An attempt that started this long ago without recording its outcome is taken as abandoned (its
 * process died): another may claim the delivery. Well above the 10 s request timeout.
 */
export const CLAIM_STALE_MS = 120_000;

export const disabledReason = (failures: number) =>
  `Switched off after ${failures} deliveries in a row failed. Check the receiver, then enable it again.`;

/** To each admin: a webhook stopped after repeated failures. */
export function webhookDisabled(w: { id: string; name: string }, failures: number): NotificationText {
  return {
    title: `Webhook “${w.name}” was switched off`,
    body: `${failures} deliveries in a row failed, so Conduct stopped sending to it. Check the receiver and its delivery log, then enable it again.`,
    href: `/settings/webhooks/${w.id}`,
  };
}

/** The text the log shows for a failed attempt: the status and the start of the answer. */
export function attemptError(result: { status: number; body: string } | { error: string }): string {
  if ("error" in result) return result.error;
  const snippet = result.body.replace(/\s+/g, " ").trim().slice(0, 200);
  const redirect = result.status >= 300 && result.status < 400 ? " (redirects are not followed)" : "";
  return `HTTP ${result.status}${redirect}${snippet ? `: ${snippet}` : ""}`;
}

export const isSuccess = (status: number) => status >= 200 && status < 300;
