"use client";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { logObservationAction, undoObservationAction } from "@/lib/actions/observations";
import { UNDO_TOAST_MS } from "@/lib/domain/observations";
import { keyFor, REQUEST_TIMEOUT_MS, settle, type RequestKey } from "@/lib/domain/requests";
import { randomKey } from "@/lib/domain/random";
import type { LogOptionsDto } from "@/lib/schemas/observations";
import type { MissedBarrierOptionsDto } from "@/lib/schemas/barrier-citations";
import { inputClass } from "@/components/ui/field";
import { useLocalStorage } from "@/components/ui/use-local-storage";
import { MyEntries, useMyEntries } from "./my-entries";
import { LogToast, type Toast } from "./log-toast";
import { MissedCitation, type CitedEntry } from "./missed-citation";
import { useOfflineQueue, type QueuedTap, type SendOutcome } from "./offline-queue";
import { WaitingTaps } from "./waiting-taps";
import { LogFailure, NoTeamYet } from "./log-failure";

const TEAM_KEY = "conduct-log-team";
const newKey = randomKey;
/** "Undone" only confirms what the person just did: shorter than the Undo window. */
const UNDONE_MS = 4_000;

type Outcome = "performed" | "missed";

interface Saved {
  id: string;
  token: string;
}

interface Failure {
  behaviourId: string;
  outcome: Outcome;
  message: string;
  retry: boolean;
  /** The tap that failed, with its moment, for "Send later". */
  tap: Omit<QueuedTap, "memberId" | "title">;
}

const report = (err: unknown) => console.error("A log request failed", err);

/**
 * The phone-first logger: the team is remembered, the team's most-used behaviours come first,
 * and a tap on Performed or Missed saves at once, with Undo for 10 seconds.
 */
export function LogPad({
  options,
  memberId,
  manageTeams = false,
  initialBehaviourId,
  initialTeamId,
  missedBarriers = {},
}: {
  options: LogOptionsDto;
  /** The signed-in membership: taps kept on the phone are only ever sent for the person who made them. */
  memberId: string;
  /** Per behaviour, the barriers offered after a Missed tap. */
  missedBarriers?: MissedBarrierOptionsDto;
  manageTeams?: boolean;
  /** From a cue's link (/log?behaviour=…&team=…): opened on that behaviour; an id not on the pad is ignored. */
  initialBehaviourId?: string;
  initialTeamId?: string;
}) {
  const [rememberedTeam, rememberTeam] = useLocalStorage(TEAM_KEY);
  // The link's team wins until the person picks another; a team that is not theirs is ignored.
  const [linkTeam, setLinkTeam] = useState(
    initialTeamId && options.teams.some((t) => t.id === initialTeamId) ? initialTeamId : null,
  );
  const teamId =
    linkTeam ??
    (options.teams.some((t) => t.id === rememberedTeam) ? (rememberedTeam as string) : (options.teams[0]?.id ?? ""));
  const [query, setQuery] = useState("");
  // The link's behaviour comes first and open, ready for one tap.
  const [pinned] = useState(
    initialBehaviourId && options.behaviours.some((b) => b.id === initialBehaviourId) ? initialBehaviourId : null,
  );
  const [selected, setSelected] = useState<string | null>(pinned);
  const [note, setNote] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  // The missed entry "What got in the way?" is about: the last one saved, until the next tap or Undo.
  const [cited, setCited] = useState<CitedEntry | null>(null);
  const [toast, setToast] = useState<Toast>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, start] = useTransition();
  // The key of the entry being sent: kept while the same entry is retried (the server saves it once).
  const key = useRef<RequestKey | null>(null);
  // Where focus goes back to once the toast is gone: the button that was tapped.
  const trigger = useRef<HTMLElement | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const mine = useMyEntries();
  const titleOf = (behaviourId: string) => options.behaviours.find((b) => b.id === behaviourId)?.title ?? "";
  const offline = useOfflineQueue(memberId, sendQueued, (tap, saved) => {
    if (!saved.duplicate)
      mine.add({
        id: saved.id,
        token: saved.undoToken,
        title: tap.title,
        outcome: tap.outcome,
        note: tap.note,
        at: Date.parse(tap.tappedAt),
      });
  });

  /** A tap kept on the phone, sent with the moment it was made and its own key (the server saves it once). */
  async function sendQueued(tap: QueuedTap): Promise<SendOutcome> {
    const { behaviourId, teamId, outcome, note, anonymous, key: idempotencyKey, tappedAt } = tap;
    const result = await settle(
      () => logObservationAction({ behaviourId, teamId, outcome, note, anonymous, idempotencyKey, tappedAt }),
      { timeoutMs: REQUEST_TIMEOUT_MS, report },
    );
    if (result.ok) return { kind: "saved", ...result.data };
    if ("retry" in result) return { kind: "later" };
    const reason =
      result.fieldErrors?.tappedAt ??
      result.fieldErrors?.teamId ??
      result.fieldErrors?.behaviourId ??
      result.fieldErrors?.note ??
      result.formError ??
      "The server refused it.";
    return { kind: "refused", reason };
  }

  /** Keeps the entry on the phone (offline, or by choice after a failed send), to be sent when the connection returns. */
  async function keepForLater(entry: Omit<QueuedTap, "memberId" | "title">) {
    await offline.queue({ ...entry, memberId, title: titleOf(entry.behaviourId) });
    key.current = null;
    setFailure(null);
    setCited(null);
    setNote("");
    setAnonymous(false);
    setToast({
      kind: "saved",
      canUndo: false,
      text: `${entry.outcome === "performed" ? "Performed" : "Missed"}: ${titleOf(entry.behaviourId)}, on this phone. It is sent when the connection returns.`,
    });
  }

  function refocus() {
    const target = trigger.current?.isConnected ? trigger.current : searchRef.current;
    target?.focus();
  }

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(
      () => {
        // A keyboard user on Undo would be left on nothing when the toast goes.
        if (document.activeElement?.closest("[role=status]")) refocus();
        setToast(null);
        setSaved(null);
      },
      toast.kind === "saved" ? UNDO_TOAST_MS : UNDONE_MS,
    );
    return () => clearTimeout(timer);
  }, [toast]);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const behaviours = useMemo(() => {
    const usage = options.usage[teamId] ?? {};
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return options.behaviours
      .filter((b) => words.every((w) => `${b.title} ${b.sentence}`.toLowerCase().includes(w)))
      .sort(
        (a, b) =>
          Number(b.id === pinned) - Number(a.id === pinned) ||
          (usage[b.id] ?? 0) - (usage[a.id] ?? 0) ||
          a.title.localeCompare(b.title),
      );
  }, [options, teamId, query, pinned]);
  const current = options.behaviours.find((b) => b.id === selected) ?? null;

  function log(outcome: Outcome, button: HTMLElement) {
    if (!current || pending) return;
    trigger.current = button;
    setFailure(null);
    const entry = { behaviourId: current.id, teamId, outcome, note, anonymous };
    key.current = keyFor(key.current, JSON.stringify(entry), newKey);
    const idempotencyKey = key.current.key;
    const tappedAt = new Date().toISOString();
    if (!navigator.onLine) {
      start(() => keepForLater({ ...entry, key: idempotencyKey, tappedAt }));
      return;
    }
    start(async () => {
      // The key makes giving up after a while safe: a retry of an entry that did arrive is not saved twice.
      const result = await settle(() => logObservationAction({ ...entry, idempotencyKey }), {
        timeoutMs: REQUEST_TIMEOUT_MS,
        report,
      });
      if (!result.ok) {
        setFailure({
          behaviourId: entry.behaviourId,
          outcome,
          tap: { ...entry, key: idempotencyKey, tappedAt },
          retry: "retry" in result,
          message:
            result.fieldErrors?.note ??
            result.fieldErrors?.teamId ??
            result.fieldErrors?.behaviourId ??
            result.formError ??
            "Not saved. Try again.",
        });
        return;
      }
      key.current = null;
      // After a Retry its message is gone: back to the button that was tapped, not to nowhere.
      if (!document.activeElement || document.activeElement === document.body) refocus();
      if (!result.data.duplicate)
        mine.add({
          id: result.data.id,
          token: result.data.undoToken,
          title: current.title,
          outcome,
          note,
          at: Date.now(),
        });
      setCited(
        outcome === "missed" && !result.data.duplicate
          ? { id: result.data.id, token: result.data.undoToken, behaviourId: entry.behaviourId, teamId: entry.teamId }
          : null,
      );
      setNote("");
      // Anonymous is chosen per entry: the next one is named again unless it is ticked again.
      setAnonymous(false);
      setSaved({ id: result.data.id, token: result.data.undoToken });
      setToast({
        kind: "saved",
        // A repeat the server recognised carries no undo token: it was saved by the earlier request.
        canUndo: !result.data.duplicate,
        text: `${outcome === "performed" ? "Performed" : "Missed"}: ${current.title}${anonymous ? " (anonymous)" : ""}`,
      });
    });
  }

  function undo() {
    if (!saved || !toast || toast.kind !== "saved" || pending) return;
    const { id, token } = saved;
    const text = toast.text;
    start(async () => {
      const result = await settle(() => undoObservationAction({ id, token }), { report });
      if (!result.ok) {
        // The toast stays with its Undo, so undoing again is the retry.
        const error = "retry" in result ? "Could not undo — check your connection and try again." : result.formError;
        setToast({ ...toast, error: error ?? "Could not undo." });
        return;
      }
      mine.remove(id);
      setSaved(null);
      setCited(null);
      setToast({ kind: "undone", text });
      refocus();
    });
  }

  if (options.teams.length === 0) return <NoTeamYet manageTeams={manageTeams} />;

  return (
    // Room at the bottom for the fixed toast, always, so its arrival moves nothing.
    <div className="space-y-4 pb-24">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-40 flex-1 space-y-1">
          <label htmlFor="log-team" className="block text-sm font-medium">
            Team
          </label>
          <select
            id="log-team"
            value={teamId}
            onChange={(e) => {
              setLinkTeam(null);
              rememberTeam(e.target.value);
            }}
            className={inputClass}
          >
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
            ref={searchRef}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className={inputClass}
          />
        </div>
      </div>

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
                onClick={() => {
                  setSelected(isSelected ? null : b.id);
                  setFailure(null);
                }}
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
                      aria-disabled={pending || undefined}
                      onClick={(e) => log("performed", e.currentTarget)}
                      className="min-h-14 rounded-lg bg-emerald-700 text-base font-semibold text-white hover:bg-emerald-800 aria-disabled:opacity-60"
                    >
                      Performed
                    </button>
                    <button
                      type="button"
                      aria-disabled={pending || undefined}
                      onClick={(e) => log("missed", e.currentTarget)}
                      className="min-h-14 rounded-lg bg-amber-500 text-base font-semibold text-slate-950 hover:bg-amber-600 aria-disabled:opacity-60"
                    >
                      Missed
                    </button>
                  </div>
                  {cited?.behaviourId === b.id && (
                    <MissedCitation
                      key={cited.id}
                      entry={cited}
                      barriers={(missedBarriers[b.id] ?? []).filter(
                        (x) => x.teamIds.length === 0 || x.teamIds.includes(cited.teamId),
                      )}
                    />
                  )}
                  {failure?.behaviourId === b.id && (
                    <LogFailure
                      ref={failureRef}
                      message={failure.message}
                      retry={failure.retry}
                      pending={pending}
                      onRetry={(el) => log(failure.outcome, trigger.current ?? el)}
                      onLater={() => {
                        if (!pending) start(() => keepForLater(failure.tap));
                      }}
                    />
                  )}
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
      <WaitingTaps taps={offline.taps} online={offline.online} onDismiss={(k) => void offline.dismiss(k)} />
      <MyEntries store={mine} />
      <LogToast toast={toast} onUndo={undo} undoing={pending && toast?.kind === "saved"} />
    </div>
  );
}
