import { describe, expect, it } from "vitest";
import { honestyFlags, type EntryForGuard } from "@/lib/domain/honesty";

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
});
