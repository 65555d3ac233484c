// Honesty guard: patterns that look like box-ticking rather than observation. Flags are prompts
// for a conversation, not verdicts; anonymous entries cannot be attributed and are not scanned.

export interface EntryForGuard {
  observerId: string;
  at: number; // ms since epoch, when it was logged
  performed: number;
  missed: number;
}

export type HonestyFlag =
  | { kind: "streak"; observerId: string; count: number; from: number; to: number }
  | { kind: "burst"; observerId: string; count: number; from: number; to: number };

export const STREAK_MIN = 30; // "performed" entries in a row with no "missed"
export const BURST_MIN = 5; // entries…
export const BURST_WINDOW_MS = 60_000; // …within one minute

/** Entries must be sorted by observer, then time. */
export function honestyFlags(entries: EntryForGuard[]): HonestyFlag[] {
  const flags: HonestyFlag[] = [];
  let i = 0;
  while (i < entries.length) {
    const observerId = entries[i]!.observerId;
    let j = i;
    while (j < entries.length && entries[j]!.observerId === observerId) j++;
    const mine = entries.slice(i, j);
    // Streaks: maximal runs of all-performed entries.
    let start = 0;
    for (let k = 0; k <= mine.length; k++) {
      const e = mine[k];
      if (e && e.missed === 0 && e.performed > 0) continue;
      const run = k - start;
      if (run >= STREAK_MIN)
        flags.push({ kind: "streak", observerId, count: run, from: mine[start]!.at, to: mine[k - 1]!.at });
      start = k + 1;
    }
    // Bursts: maximal clusters where each window of BURST_MIN entries spans under a minute.
    let k = 0;
    while (k + BURST_MIN - 1 < mine.length) {
      if (mine[k + BURST_MIN - 1]!.at - mine[k]!.at <= BURST_WINDOW_MS) {
        let end = k + BURST_MIN - 1;
        while (end + 1 < mine.length && mine[end + 1]!.at - mine[end + 1 - BURST_MIN + 1]!.at <= BURST_WINDOW_MS) end++;
        flags.push({ kind: "burst", observerId, count: end - k + 1, from: mine[k]!.at, to: mine[end]!.at });
        k = end + 1;
      } else k++;
    }
    i = j;
  }
  return flags;
}
