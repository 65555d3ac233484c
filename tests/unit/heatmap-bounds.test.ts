import { describe, expect, it } from "vitest";
import { busiest, HEATMAP_LIMITS } from "@/lib/domain/heatmap-bounds";

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: `Team ${i}` }));

describe("busiest", () => {
  it("keeps everything, in order, when it fits", () => {
    expect(busiest(items(3), new Map(), 3).map((t) => t.id)).toEqual(["t0", "t1", "t2"]);
  });

  it("keeps the ones with the most opportunities, in their original order", () => {
    const volume = new Map([
      ["t3", 50],
      ["t1", 10],
      ["t4", 30],
    ]);
    expect(busiest(items(5), volume, 2).map((t) => t.id)).toEqual(["t3", "t4"]);
  });

  it("fills with the never-observed ones in order once the observed run out", () => {
    expect(busiest(items(5), new Map([["t4", 1]]), 3).map((t) => t.id)).toEqual(["t0", "t1", "t4"]);
  });

  it("bounds a 100-team × 500-behaviour organisation to a page of cells", () => {
    const teams = busiest(items(100), new Map(), HEATMAP_LIMITS.teams);
    const behaviours = busiest(items(500), new Map(), HEATMAP_LIMITS.behaviours);
    expect(teams.length * behaviours.length).toBe(600);
  });
});
