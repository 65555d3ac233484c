import { describe, expect, it } from "vitest";
import { beforeAfter } from "@/lib/domain/interventions";
import { median, techniqueReport } from "@/lib/domain/technique-report";

// Each figure below was worked out by hand from the counts, not by the code under test.
const effect = (id: string, techniques: string[], before: [number, number] | null, after?: [number, number]) => ({
  id,
  techniques,
  result:
    before && after
      ? beforeAfter({ performed: before[0], missed: before[1] }, { performed: after[0], missed: after[1] })
      : null,
});

describe("interventions by behaviour change technique", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, -10, 5])).toBe(5);
    expect(median([4, 1, 10, 3])).toBe(3.5);
  });

  it("counts interventions per technique, with the median change and the pooled rates", () => {
    const report = techniqueReport([
      // 5 of 10 → 8 of 10: +30 points
      effect("a", ["7.1", "1.1"], [5, 5], [8, 2]),
      // 6 of 10 → 5 of 10: −10 points
      effect("b", ["7.1"], [6, 4], [5, 5]),
      // 2 of 4 (too few) → 4 of 4 (too few): started, no change figure
      effect("c", ["7.1"], [2, 2], [4, 0]),
      // not started yet
      effect("d", ["7.1", "2.2"], null),
      // no technique recorded
      effect("e", [], [1, 9], [9, 1]),
      // an id the taxonomy does not have is not a technique
      effect("f", ["99.9"], [1, 1], [1, 1]),
    ]);
    expect(report.total).toBe(6);
    expect(report.untagged).toBe(2);
    expect(report.rows.map((r) => r.id)).toEqual(["7.1", "1.1", "2.2"]);
    const prompts = report.rows[0]!;
    expect(prompts.label).toBe("Prompts/cues");
    expect(prompts).toMatchObject({ interventions: 4, measured: 2, rose: 1, fell: 1, medianChangePts: 10 });
    // Pooled over a, b and c: before 5+6+2 = 13 of 10+10+4 = 24; after 8+5+4 = 17 of 24.
    expect(prompts.pooledBefore).toEqual({ performed: 13, opportunities: 24, rate: 13 / 24 });
    expect(prompts.pooledAfter).toEqual({ performed: 17, opportunities: 24, rate: 17 / 24 });
    expect(report.rows[1]).toMatchObject({ id: "1.1", interventions: 1, measured: 1, rose: 1, medianChangePts: 30 });
    // Only an intervention that has not started: counted, with nothing to pool.
    expect(report.rows[2]).toMatchObject({ id: "2.2", interventions: 1, measured: 0, medianChangePts: null });
    expect(report.rows[2]!.pooledAfter).toEqual({ performed: 0, opportunities: 0, rate: null });
  });

  it("lists equally used techniques in taxonomy order (10.10 after 10.9) and counts a repeated id once", () => {
    const report = techniqueReport([effect("a", ["10.10", "10.9", "10.10"], null)]);
    expect(report.rows.map((r) => [r.id, r.interventions])).toEqual([
      ["10.9", 1],
      ["10.10", 1],
    ]);
  });

  it("counts an intervention hidden under the minimum group size, and pools none of its entries", () => {
    const report = techniqueReport([
      effect("shown", ["7.1"], [5, 5], [8, 2]),
      { id: "hidden", techniques: ["7.1"], result: null, suppressed: "small" },
    ]);
    expect(report.rows[0]).toMatchObject({ interventions: 2, measured: 1, hidden: 1 });
    expect(report.rows[0]!.pooledAfter).toEqual({ performed: 8, opportunities: 10, rate: 0.8 });
  });
});
