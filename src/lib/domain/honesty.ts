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

/**
 * A run of consecutive qualifying burst windows of one observer, as the database finds them: the
 * entries are numbered 1, 2, … per observer in time order, and a window starting at entry n
 * qualifies when entry n + BURST_MIN − 1 is at most BURST_WINDOW_MS later. `startAt` holds the
 * times of entries first … first + 3 (a burst can start at any of them, see below); `endAt` is
 * the time of entry last + BURST_MIN − 1, the last one of the run's last window.
 */
export interface BurstRun {
  observerId: string;
  first: number;
  last: number;
  startAt: readonly number[];
  endAt: number;
}

/**
 * The bursts honestyFlags finds, from the runs alone (so the database need not send every entry):
 * it scans forward, takes the first qualifying window, extends it while the next window qualifies,
 * and goes on after the burst's last entry. A run that starts inside the previous burst (up to
 * BURST_MIN − 2 entries after its end) is entered at the first entry after it, or not at all.
 * Runs must be sorted by observer, then `first`.
 */
export function burstsFromRuns(runs: readonly BurstRun[]): HonestyFlag[] {
  const flags: HonestyFlag[] = [];
  let observer: string | null = null;
  let end = -Infinity; // the previous burst's last entry
  for (const r of runs) {
    if (r.observerId !== observer) {
      observer = r.observerId;
      end = -Infinity;
    }
    const start = Math.max(r.first, end + 1);
    if (start > r.last) continue;
    end = r.last + BURST_MIN - 1;
    const from = r.startAt[start - r.first];
    if (from === undefined) throw new Error(`burst run ${r.first}–${r.last} entered at ${start}`);
    flags.push({ kind: "burst", observerId: r.observerId, count: end - start + 1, from, to: r.endAt });
  }
  return flags;
}
