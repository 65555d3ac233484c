import { describe, expect, it } from "vitest";
import {
  BURST_MIN,
  BURST_WINDOW_MS,
  burstsFromRuns,
  honestyFlags,
  type BurstRun,
  type EntryForGuard,
} from "@/lib/domain/honesty";

const MIN = 60_000;
const entries = (observerId: string, spec: string, step = 10 * MIN, start = 0): EntryForGuard[] =>
  [...spec].map((c, i) => ({
    observerId,
    at: start + i * step,
    performed: c === "P" ? 1 : 0,
    missed: c === "M" ? 1 : 0,
  }));

describe("honesty guard", () => {
  it("flags 30 or more performed in a row, not 29, and a miss breaks the run", () => {
    expect(honestyFlags(entries("a", "P".repeat(29)))).toEqual([]);
    expect(honestyFlags(entries("a", "P".repeat(30)))).toEqual([
      { kind: "streak", observerId: "a", count: 30, from: 0, to: 29 * 10 * MIN },
    ]);
    expect(honestyFlags(entries("a", `${"P".repeat(20)}M${"P".repeat(20)}`))).toEqual([]);
    expect(honestyFlags(entries("a", `M${"P".repeat(31)}M`)).map((f) => f.count)).toEqual([31]);
  });
  it("flags five or more entries within a minute, as one cluster", () => {
    const burst = entries("b", "PPPPPPP", 9_000, 0); // 7 entries over 54 s
    expect(honestyFlags(burst)).toEqual([{ kind: "burst", observerId: "b", count: 7, from: 0, to: 54_000 }]);
    expect(honestyFlags(entries("b", "PPPP", 1_000))).toEqual([]);
    expect(honestyFlags(entries("b", "PPPPP", 16_000))).toEqual([]); // 64 s
  });
  it("keeps observers apart", () => {
    const mixed = [...entries("a", "P".repeat(15)), ...entries("b", "P".repeat(15))];
    expect(honestyFlags(mixed)).toEqual([]);
  });
  it("finds the same bursts from runs of qualifying windows as from every entry (as the database sends them)", () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let entered = 0;
    for (let round = 0; round < 500; round++) {
      const all: EntryForGuard[] = [];
      for (const observerId of ["a", "b"]) {
        let at = 0;
        for (let i = 0; i < 40; i++) {
          at += rand() < 0.6 ? rand() * 16_000 : 10_000 + rand() * 60_000;
          all.push({ observerId, at: Math.round(at), performed: 1, missed: 1 });
        }
      }
      // Runs as the SQL builds them: entries numbered from 1 per observer.
      const runs: BurstRun[] = [];
      for (const observerId of ["a", "b"]) {
        const mine = all.filter((e) => e.observerId === observerId);
        const ok = (n: number) =>
          n + BURST_MIN - 1 < mine.length && mine[n + BURST_MIN - 1]!.at - mine[n]!.at <= BURST_WINDOW_MS;
        for (let n = 0; n < mine.length; n++) {
          if (!ok(n) || (n > 0 && ok(n - 1))) continue;
          let last = n;
          while (ok(last + 1)) last++;
          const startAt = [0, 1, 2, 3].map((k) => mine[n + k]!.at);
          runs.push({ observerId, first: n + 1, last: last + 1, startAt, endAt: mine[last + BURST_MIN - 1]!.at });
        }
      }
      const fromRuns = burstsFromRuns(runs);
      entered += fromRuns.filter(
        (f) => !runs.some((r) => r.observerId === f.observerId && r.startAt[0] === f.from),
      ).length;
      expect(fromRuns).toEqual(honestyFlags(all).filter((f) => f.kind === "burst"));
    }
    expect(entered).toBeGreaterThan(10); // runs entered after their first window, inside the previous burst
  });
});
