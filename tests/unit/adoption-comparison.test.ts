import { describe, expect, it } from "vitest";
import { compareAdoption } from "@/lib/domain/adoption-comparison";

describe("compareAdoption: teams with an intervention against teams without", () => {
  it("uses the N−1 chi-square on a large table (values worked by hand)", () => {
    // [[30, 10], [20, 20]], N = 80: χ² = (30·20 − 10·20)²·79 / (40·40·50·30) = 160000·79 / 2400000 = 5.2667;
    // p = P(χ²₁ ≥ 5.2667) = 0.02174 (R: pchisq(5.2667, 1, lower.tail = FALSE)).
    const r = compareAdoption({ performed: 30, missed: 10 }, { performed: 20, missed: 20 });
    expect(r.test).toBe("chi-square (N-1)");
    expect(r.pValue!).toBeCloseTo(0.02174, 4);
    expect(r.significant).toBe(true);
    expect(r.withIt.rate).toBe(0.75);
    expect(r.without.rate).toBe(0.5);
  });

  it("switches to Fisher's exact test when an expected count is below 5", () => {
    // [[3, 1], [1, 3]]: two-sided Fisher p = 34/70 = 0.4857 (hypergeometric tables with p ≤ p(observed):
    // x = 0, 1, 3, 4 of C(4,x)·C(4,4−x) / C(8,4) = (1 + 16 + 16 + 1) / 70).
    const r = compareAdoption({ performed: 3, missed: 1 }, { performed: 1, missed: 3 });
    expect(r.test).toBe("Fisher exact");
    expect(r.pValue!).toBeCloseTo(34 / 70, 10);
    expect(r.significant).toBe(false);
  });

  it("has nothing to compare when one side logged nothing", () => {
    const r = compareAdoption({ performed: 5, missed: 2 }, { performed: 0, missed: 0 });
    expect(r).toMatchObject({ test: null, pValue: null, significant: false });
    expect(r.without.rate).toBeNull();
  });
});
