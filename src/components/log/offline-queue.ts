"use client";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { createStore, del, get, set, values, type UseStore } from "idb-keyval";

// Taps made without a connection (issue 20): kept in the browser's IndexedDB with their idempotency key and the
// moment of the tap, shown as "waiting to send", and sent when the connection returns. A tap leaves the store only
// once the server has answered for it, and the key makes a second send of the same tap (a page closed before the
// answer came, two tabs sending at once) the same entry: each tap is saved exactly once. A tap the server refuses
// (too old, a behaviour retired meanwhile) stays, marked with the reason, until the person dismisses it.

export interface QueuedTap {
  key: string;
  /** The membership that made it: a tap is only ever sent for the person who made it. */
  memberId: string;
  behaviourId: string;
  teamId: string;
  outcome: "performed" | "missed";
  note: string;
  anonymous: boolean;
  /** ISO instant of the tap. */
  tappedAt: string;
  /** The behaviour's title when it was tapped, to show while it waits. */
  title: string;
  /** Why the server refused it; absent while it waits. */
  refused?: string;
}

/** What sending one tap came to: saved (maybe as a repeat), not sent for now (offline), or refused with a reason. */
export type SendOutcome =
  | { kind: "saved"; id: string; undoToken: string; duplicate: boolean }
  | { kind: "later" }
  | { kind: "refused"; reason: string };

let db: UseStore | null = null;
const store = () => (db ??= createStore("conduct-log", "taps"));

export async function queueTap(tap: QueuedTap): Promise<void> {
  await set(tap.key, tap, store());
}

export async function queuedTaps(memberId: string): Promise<QueuedTap[]> {
  const all = await values<QueuedTap>(store());
  return all.filter((t) => t.memberId === memberId).sort((a, b) => a.tappedAt.localeCompare(b.tappedAt));
}

export async function dismissTap(key: string): Promise<void> {
  await del(key, store());
}

/** One sender at a time across this browser's tabs (Web Locks), or in this tab where the API is missing. */
async function exclusively(work: () => Promise<void>): Promise<void> {
  if (typeof navigator !== "undefined" && navigator.locks) await navigator.locks.request("conduct-log-send", work);
  else await work();
}

/**
 * Sends the member's waiting taps, oldest first, until one cannot be sent for now. Each is read again from the store
 * right before it goes, so a tap another tab has just sent is not sent again from a stale list.
 */
export async function sendWaiting(
  memberId: string,
  send: (tap: QueuedTap) => Promise<SendOutcome>,
  onSaved: (tap: QueuedTap, saved: Extract<SendOutcome, { kind: "saved" }>) => void,
): Promise<void> {
  await exclusively(async () => {
    for (const listed of await queuedTaps(memberId)) {
      const tap = await get<QueuedTap>(listed.key, store());
      if (!tap || tap.refused) continue;
      const outcome = await send(tap);
      if (outcome.kind === "later") return;
      if (outcome.kind === "refused") await set(tap.key, { ...tap, refused: outcome.reason }, store());
      else {
        await del(tap.key, store());
        onSaved(tap, outcome);
      }
    }
  });
}

const RESEND_MS = 15_000;

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/**
 * The member's waiting and refused taps, kept in step with the store, and sent whenever the page opens, the
 * browser says it is back online, and every 15 s while some wait.
 */
export function useOfflineQueue(
  memberId: string,
  send: (tap: QueuedTap) => Promise<SendOutcome>,
  onSaved: (tap: QueuedTap, saved: Extract<SendOutcome, { kind: "saved" }>) => void,
) {
  const [taps, setTaps] = useState<QueuedTap[]>([]);
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  // The latest callbacks, so the listeners below need not be set up again on each render.
  const latest = useRef({ send, onSaved });
  useEffect(() => {
    latest.current = { send, onSaved };
  });

  const refresh = useCallback(() => queuedTaps(memberId).then(setTaps), [memberId]);
  const flush = useCallback(async () => {
    if (!navigator.onLine) return;
    await sendWaiting(
      memberId,
      (t) => latest.current.send(t),
      (t, s) => latest.current.onSaved(t, s),
    );
    await refresh();
  }, [memberId, refresh]);

  // On opening, and each time the connection returns: show what waits, then send it.
  useEffect(() => {
    if (online) void flush();
    else void queuedTaps(memberId).then(setTaps);
  }, [online, flush, memberId]);

  const waiting = taps.filter((t) => !t.refused).length;
  useEffect(() => {
    if (!waiting || !online) return;
    const timer = setInterval(() => void flush(), RESEND_MS);
    return () => clearInterval(timer);
  }, [waiting, online, flush]);

  return {
    taps,
    online,
    queue: async (tap: QueuedTap) => {
      await queueTap(tap);
      await refresh();
    },
    dismiss: async (key: string) => {
      await dismissTap(key);
      await refresh();
    },
    flush,
  };
}
