"use client";
import { formatAt } from "@/lib/domain/date-instants";
import { useDisplayZone } from "@/components/ui/calendar-context";
import { useMemo, useState, useTransition } from "react";
import { useLocalStorage } from "@/components/ui/use-local-storage";
import { editObservationAction, undoObservationAction } from "@/lib/actions/observations";
import { settle } from "@/lib/domain/requests";
import { EDIT_WINDOW_MS } from "@/lib/domain/observations";

const STORE = "conduct-log-entries";
const report = (err: unknown) => console.error("A request about an entry failed", err);

export interface MyEntry {
  id: string;
  token: string;
  title: string;
  outcome: "performed" | "missed";
  note: string;
  at: number;
}

/**
 * Entries this browser logged in the last 24 hours, with the secret that lets it change or delete
 * them (the server keeps only a hash, and no observer for anonymous entries).
 */
function readEntries(raw: string | null): MyEntry[] {
  try {
    const all = JSON.parse(raw ?? "[]") as MyEntry[];
    return all.filter((e) => Date.now() - e.at < EDIT_WINDOW_MS);
  } catch {
    return [];
  }
}

export function useMyEntries() {
  const [raw, setRaw] = useLocalStorage(STORE);
  const entries = useMemo(() => readEntries(raw), [raw]);
  const save = (next: MyEntry[]) => setRaw(JSON.stringify(next));
  return {
    entries,
    add: (e: MyEntry) => save([e, ...entries.filter((x) => Date.now() - x.at < EDIT_WINDOW_MS)].slice(0, 50)),
    remove: (id: string) => save(entries.filter((e) => e.id !== id)),
    update: (id: string, change: Partial<MyEntry>) => save(entries.map((e) => (e.id === id ? { ...e, ...change } : e))),
  };
}

export function MyEntries({ store }: { store: ReturnType<typeof useMyEntries> }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const zone = useDisplayZone();
  if (store.entries.length === 0) return null;
  return (
    <section aria-labelledby="my-entries-heading" className="space-y-2">
      <h2 id="my-entries-heading" className="text-sm font-semibold">
        Your entries from the last 24 hours
      </h2>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {store.entries.map((e) => {
          const flipped = e.outcome === "performed" ? "missed" : "performed";
          return (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span>
                <strong>{e.outcome === "performed" ? "Performed" : "Missed"}</strong> · {e.title} ·{" "}
                {formatAt(e.at, zone, "weekdayTime")}
              </span>
              <span className="flex gap-1">
                <button
                  type="button"
                  disabled={pending}
                  className="rounded-md px-2 py-1 underline"
                  onClick={() =>
                    start(async () => {
                      const r = await settle(
                        () => editObservationAction({ id: e.id, token: e.token, outcome: flipped, note: e.note }),
                        { report },
                      );
                      setError(r.ok ? null : (r.formError ?? "Could not change it."));
                      if (r.ok) store.update(e.id, { outcome: flipped });
                    })
                  }
                >
                  Change to {flipped}
                </button>
                <button
                  type="button"
                  disabled={pending}
                  className="rounded-md px-2 py-1 text-red-700 underline dark:text-red-400"
                  onClick={() =>
                    start(async () => {
                      const r = await settle(() => undoObservationAction({ id: e.id, token: e.token }), { report });
                      setError(r.ok ? null : (r.formError ?? "Could not delete it."));
                      // Gone or not ours any more: off the list; a lost request leaves it there to try again.
                      if (r.ok || !("retry" in r)) store.remove(e.id);
                    })
                  }
                >
                  Delete
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
