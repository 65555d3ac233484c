"use client";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { logObservationAction, undoObservationAction } from "@/lib/actions/observations";
import { UNDO_TOAST_MS } from "@/lib/domain/observations";
import type { LogOptionsDto } from "@/lib/schemas/observations";
import { inputClass } from "@/components/ui/field";
import { useLocalStorage } from "@/components/ui/use-local-storage";
import { TextLink } from "@/components/ui/text-link";
import { MyEntries, useMyEntries } from "./my-entries";

const TEAM_KEY = "conduct-log-team";
const newKey = () => crypto.randomUUID();

interface Saved {
  id: string;
  token: string;
  text: string;
}

/**
 * The phone-first logger: the team is remembered, the team's most-used behaviours come first,
 * and a tap on Performed or Missed saves at once, with Undo for 10 seconds.
 */
export function LogPad({ options, manageTeams = false }: { options: LogOptionsDto; manageTeams?: boolean }) {
  const [rememberedTeam, rememberTeam] = useLocalStorage(TEAM_KEY);
  const teamId = options.teams.some((t) => t.id === rememberedTeam)
    ? (rememberedTeam as string)
    : (options.teams[0]?.id ?? "");
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const key = useRef(newKey());
  const mine = useMyEntries();

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(null), UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  const behaviours = useMemo(() => {
    const usage = options.usage[teamId] ?? {};
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return options.behaviours
      .filter((b) => words.every((w) => `${b.title} ${b.sentence}`.toLowerCase().includes(w)))
      .sort((a, b) => (usage[b.id] ?? 0) - (usage[a.id] ?? 0) || a.title.localeCompare(b.title));
  }, [options, teamId, query]);
  const current = options.behaviours.find((b) => b.id === selected) ?? null;

  function log(outcome: "performed" | "missed") {
    if (!current || pending) return;
    setError(null);
    start(async () => {
      const result = await logObservationAction({
        behaviourId: current.id,
        teamId,
        outcome,
        note,
        anonymous,
        idempotencyKey: key.current,
      });
      if (!result.ok) {
        setError(
          result.fieldErrors?.note ??
            result.fieldErrors?.teamId ??
            result.fieldErrors?.behaviourId ??
            result.formError ??
            "Not saved. Try again.",
        );
        return;
      }
      key.current = newKey();
      if (!result.data.duplicate)
        mine.add({
          id: result.data.id,
          token: result.data.undoToken,
          title: current.title,
          outcome,
          note,
          at: Date.now(),
        });
      setNote("");
      // Anonymous is chosen per entry: the next one is named again unless it is ticked again.
      setAnonymous(false);
      setSaved({
        id: result.data.id,
        token: result.data.undoToken,
        text: `${outcome === "performed" ? "Performed" : "Missed"}: ${current.title}${anonymous ? " (anonymous)" : ""}`,
      });
    });
  }

  function undo() {
    if (!saved) return;
    const { id, token } = saved;
    start(async () => {
      const result = await undoObservationAction({ id, token });
      setSaved(null);
      if (result.ok) mine.remove(id);
      setError(result.ok ? null : (result.formError ?? "Could not undo."));
    });
  }

  if (options.teams.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
        You are not in a team yet, so there is nothing to log for.{" "}
        {manageTeams ? (
          <>
            <TextLink href="/teams">Create a team and add its people</TextLink>, yourself included.
          </>
        ) : (
          "Ask an admin or your team's manager to add you to your team."
        )}
      </p>
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-40 flex-1 space-y-1">
          <label htmlFor="log-team" className="block text-sm font-medium">
            Team
          </label>
          <select id="log-team" value={teamId} onChange={(e) => rememberTeam(e.target.value)} className={inputClass}>
            {options.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-40 flex-[2] space-y-1">
          <label htmlFor="log-search" className="block text-sm font-medium">
            Find a behaviour
          </label>
          <input
            id="log-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className={inputClass}
          />
        </div>
      </div>

      <div role="status" aria-live="polite" className="min-h-0">
        {saved && (
          <div className="flex items-center justify-between gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white dark:bg-slate-100 dark:text-slate-900">
            <span>Saved. {saved.text}</span>
            <button type="button" onClick={undo} className="rounded-md px-3 py-2 font-semibold underline">
              Undo
            </button>
          </div>
        )}
      </div>
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      )}

      <ul className="space-y-2" aria-label="Behaviours">
        {behaviours.map((b) => {
          const isSelected = b.id === selected;
          return (
            <li
              key={b.id}
              className={`rounded-lg border bg-white dark:bg-slate-900 ${isSelected ? "border-brand-600" : "border-slate-200 dark:border-slate-800"}`}
            >
              <button
                type="button"
                aria-pressed={isSelected}
                onClick={() => setSelected(isSelected ? null : b.id)}
                className="block w-full px-4 py-3 text-left"
              >
                <span className="block font-medium">{b.title}</span>
                <span className="block text-sm text-slate-600 dark:text-slate-400">{b.sentence}</span>
              </button>
              {isSelected && (
                <div className="space-y-3 border-t border-slate-200 p-4 dark:border-slate-800">
                  <div className="grid grid-cols-2 gap-3">
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => log("performed")}
                      className="min-h-14 rounded-lg bg-emerald-700 text-base font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
                    >
                      Performed
                    </button>
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => log("missed")}
                      className="min-h-14 rounded-lg bg-amber-500 text-base font-semibold text-slate-950 hover:bg-amber-600 disabled:opacity-60"
                    >
                      Missed
                    </button>
                  </div>
                  <div className="space-y-1">
                    <label htmlFor={`note-${b.id}`} className="block text-sm font-medium">
                      Note (optional): describe the situation, not a person
                    </label>
                    <textarea
                      id={`note-${b.id}`}
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                      maxLength={500}
                      rows={2}
                      className={inputClass}
                    />
                  </div>
                  <label className="flex min-h-10 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={anonymous}
                      onChange={(e) => setAnonymous(e.target.checked)}
                      className="size-5"
                    />
                    Log anonymously (your name is not stored)
                  </label>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {behaviours.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">No active behaviour matches.</p>
      )}
      <MyEntries store={mine} />
    </div>
  );
}
