import { describe, expect, it } from "vitest";
import { compareSpotCheck, spotCheckEnd, spotCheckStatus, spotCheckDays } from "@/lib/domain/spot-checks";

describe("spot-check window", () => {
  it("lasts a week by default, both ends included", () => {
    expect(spotCheckEnd("2026-12-02", 7)).toBe("2026-12-08");
    expect(spotCheckEnd("2026-12-31", 1)).toBe("2026-12-31");
    expect(spotCheckDays({ startsOn: "2026-12-02", endsOn: "2026-12-08" })).toBe(7);
    expect(() => spotCheckEnd("2026-12-02", 0)).toThrow(RangeError);
    expect(() => spotCheckEnd("2026-12-02", 29)).toThrow(RangeError);
  });

  it("is upcoming, running, ended or cancelled", () => {
    const c = { startsOn: "2026-12-02", endsOn: "2026-12-08", cancelled: false };
    expect(spotCheckStatus(c, "2026-12-01")).toBe("upcoming");
    expect(spotCheckStatus(c, "2026-12-02")).toBe("running");
    expect(spotCheckStatus(c, "2026-12-08")).toBe("running");
    expect(spotCheckStatus(c, "2026-12-09")).toBe("ended");
    expect(spotCheckStatus({ ...c, cancelled: true }, "2026-12-03")).toBe("cancelled");
  });
});

// Expected p-values computed independently in Python, not with the app's code: Fisher's two-sided
// test by summing math.comb hypergeometric probabilities of every table no likelier than the
// observed one; the N−1 chi-square from its formula with p = math.erfc(sqrt(x / 2)).
describe("compareSpotCheck", () => {
  it("uses Fisher's exact test when an expected count is under 5", () => {
    // Observer 6 performed / 4 missed; team 38 / 2. Expected observer misses 10·6/50 = 1.2.
    const c = compareSpotCheck({ performed: 6, missed: 4 }, { performed: 38, missed: 2 });
    expect(c.test).toBe("Fisher exact");
    expect(c.pValue).toBeCloseTo(0.010955464516981631, 10);
    expect(c.significant).toBe(true);
    expect(c.observer).toEqual({ performed: 6, opportunities: 10, rate: 0.6 });
    expect(c.team).toEqual({ performed: 38, opportunities: 40, rate: 0.95 });
    expect(c.differencePoints).toBe(-35);
    expect(c.summary).toContain("60% of the time (6 of 10)");
    expect(c.summary).toContain("95% (38 of 40)");
    expect(c.summary).toContain("rosier than what an outsider sees");
  });

  it("uses the N−1 chi-square when every expected count is 5 or more", () => {
    // 30/20 against 90/10: χ² = (30·10 − 20·90)²·149 / (50·100·120·30) = 18.625.
    const c = compareSpotCheck({ performed: 30, missed: 20 }, { performed: 90, missed: 10 });
    expect(c.test).toBe("chi-square (N-1)");
    expect(c.pValue).toBeCloseTo(1.59120169838261e-5, 12);
    expect(c.significant).toBe(true);
  });

  it("says when the difference could be chance", () => {
    // 40/10 against 85/15: χ² = 0.596, p = 0.44010828999404145.
    const c = compareSpotCheck({ performed: 40, missed: 10 }, { performed: 85, missed: 15 });
    expect(c.pValue).toBeCloseTo(0.44010828999404145, 10);
    expect(c.significant).toBe(false);
    expect(c.summary).toContain("could be chance");
    expect(c.summary).toContain("p = 0.440");
  });

  it("has nothing to compare while one side is empty", () => {
    const c = compareSpotCheck({ performed: 0, missed: 0 }, { performed: 5, missed: 0 });
    expect(c.pValue).toBeNull();
    expect(c.observer.rate).toBeNull();
    expect(c.summary).toContain("second observer has not logged");
    expect(compareSpotCheck({ performed: 1, missed: 0 }, { performed: 0, missed: 0 }).summary).toContain(
      "team has logged no other entries",
    );
  });
});
