"use client";
import { formatAt } from "@/lib/domain/date-instants";
import { useDisplayZone } from "@/components/ui/calendar-context";
import type { QueuedTap } from "./offline-queue";

/**
 * The taps kept on this phone: those waiting for the connection, and those the server refused, each with why.
 * Nothing is dropped without the person seeing it.
 */
export function WaitingTaps({
  taps,
  online,
  onDismiss,
}: {
  taps: QueuedTap[];
  online: boolean;
  onDismiss: (key: string) => void;
}) {
  const zone = useDisplayZone();
  const waiting = taps.filter((t) => !t.refused);
  const refused = taps.filter((t) => t.refused);
  if (online && taps.length === 0) return null;
  const when = (t: QueuedTap) => formatAt(t.tappedAt, zone, "shortDateTime");
  return (
    <div className="space-y-3">
      {!online && (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900">
          You are offline. Taps are kept on this phone and sent when the connection returns.
        </p>
      )}
      {waiting.length > 0 && (
        <section
          aria-labelledby="waiting-heading"
          className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
        >
          <h3 id="waiting-heading" className="text-sm font-semibold">
            Waiting to send ({waiting.length})
          </h3>
          <ul className="mt-2 space-y-1 text-sm">
            {waiting.map((t) => (
              <li key={t.key}>
                {t.outcome === "performed" ? "Performed" : "Missed"}: {t.title}{" "}
                <span className="text-slate-600 dark:text-slate-400">· {when(t)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {refused.length > 0 && (
        <section
          aria-labelledby="refused-heading"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <h3 id="refused-heading" className="text-sm font-semibold">
            Not sent ({refused.length})
          </h3>
          <ul className="mt-2 space-y-2 text-sm">
            {refused.map((t) => (
              <li key={t.key} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  {t.outcome === "performed" ? "Performed" : "Missed"}: {t.title} · {when(t)}. {t.refused}
                </span>
                <button
                  type="button"
                  onClick={() => onDismiss(t.key)}
                  className="min-h-10 rounded-md border border-red-400 bg-white px-3 font-semibold text-red-800 dark:border-red-700 dark:bg-red-900 dark:text-red-100"
                >
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
