import { describe, expect, it } from "vitest";
import { coverageGaps } from "@/lib/domain/coverage";

describe("observer coverage", () => {
  it("lists team × behaviour pairs not observed in the last 14 days, including never", () => {
    const seen = [
      { teamId: "t1", behaviourId: "b1", lastDay: "2026-11-09" }, // day 14 of the window: covered
      { teamId: "t1", behaviourId: "b2", lastDay: "2026-11-08" }, // one day too old
      { teamId: "t2", behaviourId: "b1", lastDay: "2026-11-22" },
    ];
    expect(coverageGaps(["t1", "t2"], ["b1", "b2"], seen, "2026-11-22")).toEqual([
      { teamId: "t1", behaviourId: "b2", lastDay: "2026-11-08" },
      { teamId: "t2", behaviourId: "b2", lastDay: null },
    ]);
  });
  it("has no gaps when there is nothing to observe", () => {
    expect(coverageGaps([], ["b1"], [], "2026-11-22")).toEqual([]);
    expect(coverageGaps(["t1"], [], [], "2026-11-22")).toEqual([]);
  });
});
