"use client";
import { useId, useState, useTransition } from "react";
import { citeBarrierAction } from "@/lib/actions/barrier-citations";
import { REQUEST_TIMEOUT_MS, settle } from "@/lib/domain/requests";
import { NOTE_MAX } from "@/lib/domain/barrier-citations";
import { inputClass } from "@/components/ui/field";

const report = (err: unknown) => console.error("A citation request failed", err);

export interface CitedEntry {
  id: string;
  token: string;
  behaviourId: string;
  teamId: string;
}

/**
 * "What got in the way?" under a Missed tap that was just saved: optional, one more tap. It
 * updates the saved entry (named by its undo token), so skipping it costs nothing and the Missed
 * tap stays one request; choosing again replaces the choice, and a retry sends the same value.
 */
export function MissedCitation({ entry, barriers }: { entry: CitedEntry; barriers: { id: string; title: string }[] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [other, setOther] = useState(false);
  const [note, setNote] = useState("");
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const ids = useId();

  function send(choice: { barrierId: string } | { note: string }) {
    if (pending) return;
    setError(null);
    start(async () => {
      const result = await settle(() => citeBarrierAction({ id: entry.id, token: entry.token, ...choice }), {
        timeoutMs: REQUEST_TIMEOUT_MS,
        report,
      });
      if (!result.ok) {
        setError(
          "retry" in result
            ? "Not saved — check your connection and tap again."
            : (result.fieldErrors?.note ?? result.formError ?? "Not saved. Try again."),
        );
        return;
      }
      if ("barrierId" in choice) {
        setChosen(choice.barrierId);
        setSavedNote(null);
      } else {
        setChosen(null);
        setSavedNote(choice.note);
      }
    });
  }

  const chip = (pressed: boolean) =>
    `min-h-10 rounded-full border px-3 py-1.5 text-sm aria-disabled:opacity-60 ${
      pressed
        ? "border-amber-600 bg-amber-100 font-semibold text-amber-950 dark:bg-amber-900 dark:text-amber-50"
        : "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900"
    }`;
  const chosenTitle = barriers.find((b) => b.id === chosen)?.title;

  return (
    <div
      role="group"
      aria-labelledby={`${ids}-q`}
      className="space-y-2 rounded-md bg-amber-50 p-3 dark:bg-amber-950/40"
    >
      <p id={`${ids}-q`} className="text-sm font-medium">
        What got in the way? <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
      </p>
      <div className="flex flex-wrap gap-2">
        {barriers.map((b) => (
          <button
            key={b.id}
            type="button"
            aria-pressed={chosen === b.id}
            aria-disabled={pending || undefined}
            onClick={() => send({ barrierId: b.id })}
            className={chip(chosen === b.id)}
          >
            {b.title}
          </button>
        ))}
        <button
          type="button"
          aria-expanded={other}
          aria-controls={`${ids}-other`}
          onClick={() => setOther(!other)}
          className={chip(savedNote !== null)}
        >
          Something else
        </button>
      </div>
      {other && (
        <form
          id={`${ids}-other`}
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) send({ note: note.trim() });
            else setError("Say in a few words what got in the way.");
          }}
        >
          <div className="min-w-0 flex-1 space-y-1">
            <label htmlFor={`${ids}-note`} className="block text-sm">
              In a few words (not a person’s name)
            </label>
            <input
              id={`${ids}-note`}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={NOTE_MAX}
              aria-describedby={error ? `${ids}-error` : undefined}
              className={inputClass}
              autoFocus
            />
          </div>
          <button
            type="submit"
            aria-disabled={pending || undefined}
            className="min-h-10 rounded-md bg-slate-900 px-3 font-semibold text-white aria-disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900"
          >
            Save
          </button>
        </form>
      )}
      <p role="status" className="text-sm">
        {pending
          ? "Saving…"
          : chosenTitle
            ? `Noted: ${chosenTitle}.`
            : savedNote !== null
              ? `Noted: “${savedNote}”.`
              : ""}
      </p>
      {error && (
        <p id={`${ids}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
