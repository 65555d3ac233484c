import { describe, expect, it } from "vitest";
import {
  DEFAULT_PREVALENCE,
  MIN_GROUP,
  SIGNIFICANCE,
  chiSquare1dfPValue,
  erfc,
  estimatedRelativeRisk,
  expectedCountsBelow,
  fisherExactTwoSided,
  nMinusOneChiSquare,
  oddsRatioWithCi,
  smallSampleWarning,
  tabulateResponse,
} from "@/lib/domain/barrier-stats";

// Reference values were computed by hand (shown in each comment) and cross-checked with SciPy 1.17
// (scipy.stats.fisher_exact, scipy.stats.chi2.sf), which match R's fisher.test / pchisq.

describe("odds ratio with Woolf CI", () => {
  it("matches a hand-computed classic table", () => {
    // a=20, b=10, c=30, d=40: OR = 800/300 = 2.666667; ln OR = 0.980829
    // SE = √(1/20+1/10+1/30+1/40) = √0.208333 = 0.456435; 1.96·SE = 0.894614
    // CI = exp(0.980829 − 0.894614) = exp(0.086215) = 1.090041 … exp(1.875443) = 6.523707
    const r = oddsRatioWithCi(20, 10, 30, 40);
    expect(r.oddsRatio).toBeCloseTo(2.666667, 5);
    expect(r.low).toBeCloseTo(1.090041, 5);
    expect(r.high).toBeCloseTo(6.523707, 5);
    expect(r.corrected).toBe(false);
  });
});

describe("chi-square (N-1) and its p-value", () => {
  it("computes the N−1 statistic by hand", () => {
    // (20·40 − 10·30)²·(100−1) / (30·70·50·50) = 250000·99/5250000 = 33/7 = 4.714286; p = erfc(√(33/14)) = 0.029913
    const r = nMinusOneChiSquare(20, 10, 30, 40);
    expect(r.statistic).toBeCloseTo(33 / 7, 10);
    expect(r.pValue).toBeCloseTo(0.029912990320775937, 10);
  });
  it("gives the textbook critical values of chi-square with 1 df", () => {
    expect(chiSquare1dfPValue(3.841458820694124)).toBeCloseTo(0.05, 12);
    expect(chiSquare1dfPValue(6.634896601021214)).toBeCloseTo(0.01, 12);
    expect(chiSquare1dfPValue(10.827566170662733)).toBeCloseTo(0.001, 12);
    expect(chiSquare1dfPValue(0)).toBe(1);
    expect(chiSquare1dfPValue(1)).toBeCloseTo(0.31731050786291115, 12); // 1 − (68.27% within one SD)
    // Far tail, relative accuracy: chi2.sf(50, 1) = 1.5374597944280e-12
    expect(chiSquare1dfPValue(50) / 1.537459794428033e-12).toBeCloseTo(1, 10);
  });
  it("erfc matches A&S tables on both sides of zero", () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 13);
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 13);
  });
  it("reports p = 1 when a margin is zero", () =>
    expect(nMinusOneChiSquare(0, 0, 5, 5)).toEqual({ statistic: 0, pValue: 1 }));
});

describe("Fisher exact, two-sided", () => {
  it("lady tasting tea [[3,1],[1,3]] = 34/70", () => {
    // Margins 4/4, N=8: P(x) = C(4,x)C(4,4−x)/C(8,4) = [1,16,36,16,1]/70; observed x=3 (16/70); tables ≤ 16/70: 1+16+16+1 = 34
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(0.4857142857, 10);
  });
  it("Wikipedia's [[1,9],[11,3]] = 0.002759456 (R fisher.test)", () => {
    // Rows 10/14, col1 12, N=24: P(x) = C(10,x)C(14,12−x)/C(24,12), C(24,12) = 2704156;
    // numerators x=0..10: 91, 3640, 45045, 240240, 630630, 864864, 630630, 240240, 45045, 3640, 91
    // observed x=1 (3640); ≤ 3640: 91+3640+3640+91 = 7462; 7462/2704156 = 0.0027594562
    expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(0.002759456, 9);
  });
  it("a table with zeros [[0,5],[5,0]] = 2/252", () => {
    // Margins 5/5, N=10: numerators C(5,x)C(5,5−x) = 1,25,100,100,25,1 over 252; observed x=0 (1); ≤ 1: the two extremes
    expect(fisherExactTwoSided(0, 5, 5, 0)).toBeCloseTo(2 / 252, 12);
  });
  it("stays fast and accurate for N = 4000", () => {
    // scipy.stats.fisher_exact([[30,60],[1970,1940]]) = 0.0018321405402163086
    expect(fisherExactTwoSided(30, 60, 1970, 1940)).toBeCloseTo(0.0018321405402163086, 10);
    expect(fisherExactTwoSided(3, 1, 1997, 1999)).toBeCloseTo(0.6248123827304086, 10);
  });
  it("is 1 when only one table is possible", () => expect(fisherExactTwoSided(0, 0, 5, 5)).toBe(1));
});

describe("which test", () => {
  it("uses Fisher when an expected count is below 5", () => {
    // a=4, b=1, c=6, d=9: expected a = 5·10/20 = 2.5 < 5.
    // Margins row1=5, col1=10, N=20: C(10,x)C(10,5−x)/C(20,5) = [252,2100,5400,5400,2100,252]/15504;
    // observed x=4 (2100); ≤ 2100: 252+2100+2100+252 = 4704; 4704/15504 = 0.3034056
    expect(expectedCountsBelow(4, 1, 6, 9)).toBe(true);
    const r = tabulateResponse({ a: 4, doers: 10, b: 1, nonDoers: 10 });
    expect(r.test).toBe("Fisher exact");
    expect(r.pValue).toBeCloseTo(4704 / 15504, 12);
  });
  it("uses chi-square (N-1) for a large balanced table", () => {
    // a=30, b=15, c=20, d=35: smallest expected = 45·50/100 = 22.5
    // χ² = (30·35 − 15·20)²·99/(45·55·50·50) = 562500·99/6187500 = 9; p = erfc(3/√2) = 0.0026997961
    expect(expectedCountsBelow(30, 15, 20, 35)).toBe(false);
    const r = tabulateResponse({ a: 30, doers: 50, b: 15, nonDoers: 50 });
    expect(r.test).toBe("chi-square (N-1)");
    expect(r.pValue).toBeCloseTo(0.0026997960632601883, 12);
  });
  it("treats an expected count of exactly 5 as enough", () => expect(expectedCountsBelow(0, 10, 45, 35)).toBe(false));
});

describe("zero cells", () => {
  it("adds 0.5 for OR, CI and ERR but takes the p-value from raw counts", () => {
    // a=0, doers=45 (c=45), b=10, nonDoers=45 (d=35). Corrected cells 0.5, 10.5, 45.5, 35.5.
    // OR = (0.5·35.5)/(10.5·45.5) = 17.75/477.75 = 0.0371533
    // SE = √(2 + 0.095238 + 0.021978 + 0.028169) = √2.145385 = 1.464713 → CI exp(ln 0.0371533 ∓ 2.870838) = 0.0021048 … 0.6558233
    // ERR (P=0.1): p1 = 0.5/46, p0 = 10.5/46; P(doer|resp) = 0.05/(0.05+9.45) = 1/190;
    //   P(doer|no resp) = 4.55/(4.55+31.95) = 4.55/36.5; ERR = 36.5/(190·4.55) = 0.0422209
    // p from RAW counts: smallest expected = 10·45/90 = 5 → N−1 χ² = 450²·89/(10·80·45·45) = 11.125, p = 0.00085171876
    const r = tabulateResponse({ a: 0, doers: 45, b: 10, nonDoers: 45 });
    expect(r.corrected).toBe(true);
    expect(r.oddsRatio).toBeCloseTo((0.5 * 35.5) / (10.5 * 45.5), 12);
    expect(r.orCiLow).toBeCloseTo(0.002104788717131963, 10);
    expect(r.orCiHigh).toBeCloseTo(0.6558232609616477, 10);
    expect(r.err).toBeCloseTo(36.5 / (190 * 4.55), 12);
    expect(r.test).toBe("chi-square (N-1)");
    expect(r.pValue).toBe(nMinusOneChiSquare(0, 10, 45, 35).pValue);
    expect(r.pValue).toBeCloseTo(0.0008517187630674638, 12);
    expect(r.direction).toBe("barrier");
    expect(r.significant).toBe(true);
  });
});

describe("tiny and empty groups", () => {
  it("gives finite numbers for 1 doer and 2 non-doers", () => {
    // a=1, b=0, c=0, d=2 → corrected: OR = (1.5·2.5)/(0.5·0.5) = 15.
    // Fisher: row1=1, col1=1, N=3: P(x=1) = 1/3, P(x=0) = 2/3 → p = 1/3
    const r = tabulateResponse({ a: 1, doers: 1, b: 0, nonDoers: 2 });
    expect(r.oddsRatio).toBeCloseTo(15, 12);
    expect(r.test).toBe("Fisher exact");
    expect(r.pValue).toBeCloseTo(1 / 3, 12);
    for (const v of [r.oddsRatio, r.orCiLow, r.orCiHigh, r.err, r.pValue]) expect(Number.isFinite(v)).toBe(true);
  });
  it("reports p = 1 with Fisher when everybody (or nobody) gave the response", () => {
    for (const t of [
      { a: 3, doers: 3, b: 4, nonDoers: 4 },
      { a: 0, doers: 3, b: 0, nonDoers: 4 },
    ]) {
      const r = tabulateResponse(t);
      expect(r.test).toBe("Fisher exact");
      expect(r.pValue).toBe(1);
      expect(r.significant).toBe(false);
      expect(Number.isFinite(r.err)).toBe(true);
    }
  });
  it("returns nulls when there are no doers", () => {
    const r = tabulateResponse({ a: 0, doers: 0, b: 1, nonDoers: 4 });
    expect(r).toEqual({
      doersWith: 0,
      doersTotal: 0,
      nonDoersWith: 1,
      nonDoersTotal: 4,
      pctDoers: null,
      pctNonDoers: 25,
      oddsRatio: null,
      orCiLow: null,
      orCiHigh: null,
      err: null,
      pValue: null,
      test: null,
      corrected: false,
      significant: false,
      direction: null,
    });
    expect(tabulateResponse({ a: 2, doers: 5, b: 0, nonDoers: 0 }).pctDoers).toBe(40);
  });
});

describe("estimated relative risk", () => {
  // a=30 of 50 doers (p1 = 0.6), b=15 of 50 non-doers (p0 = 0.3).
  it("at P = 1%", () => {
    // P(doer|resp) = 0.006/(0.006+0.297) = 0.006/0.303; P(doer|no resp) = 0.004/(0.004+0.693) = 0.004/0.697
    // ERR = 0.006·0.697/(0.303·0.004) = 0.004182/0.001212 = 3.4504950
    expect(estimatedRelativeRisk(30, 50, 15, 50, 0.01)).toBeCloseTo(3.4504950495, 9);
  });
  it("at the default P = 10%", () => {
    // 0.06/(0.06+0.27) = 0.181818; 0.04/(0.04+0.63) = 0.059701; ERR = 0.06·0.67/(0.33·0.04) = 0.0402/0.0132 = 3.0454545
    expect(DEFAULT_PREVALENCE).toBe(0.1);
    expect(tabulateResponse({ a: 30, doers: 50, b: 15, nonDoers: 50 }).err).toBeCloseTo(0.0402 / 0.0132, 12);
  });
  it("at P = 50% reduces to p1/(p1+p0) over (1−p1)/((1−p1)+(1−p0))", () => {
    // P cancels: 0.6/0.9 = 2/3 and 0.4/1.1 = 4/11; ERR = (2/3)/(4/11) = 11/6
    expect(estimatedRelativeRisk(30, 50, 15, 50, 0.5)).toBeCloseTo(11 / 6, 12);
  });
});

describe("direction and significance", () => {
  it("is an enabler when doers give the response more often, a barrier when less", () => {
    expect(tabulateResponse({ a: 30, doers: 50, b: 15, nonDoers: 50 }).direction).toBe("enabler");
    // Swapped: p1 = 0.3, p0 = 0.6, P = 0.1: (0.03/0.57)/(0.07/0.43) = 0.323308
    const barrier = tabulateResponse({ a: 15, doers: 50, b: 30, nonDoers: 50 });
    expect(barrier.err).toBeCloseTo(0.32330827, 7);
    expect(barrier.direction).toBe("barrier");
    // Same share in both groups: p1 = p0 → ERR exactly 1 → no direction
    expect(tabulateResponse({ a: 10, doers: 50, b: 10, nonDoers: 50 }).direction).toBeNull();
  });
  it("flips significance at p < 0.05", () => {
    // b=10: χ² = 33/7, p = 0.029913 (see above). b=11: χ² = 450²·99/(31·69·50·50) = 3.748948, p = 0.052841
    expect(SIGNIFICANCE).toBe(0.05);
    const yes = tabulateResponse({ a: 20, doers: 50, b: 10, nonDoers: 50 });
    const no = tabulateResponse({ a: 20, doers: 50, b: 11, nonDoers: 50 });
    expect(yes.pValue).toBeCloseTo(0.029912990320775937, 10);
    expect(no.pValue).toBeCloseTo(0.05284075506495373, 10);
    expect([yes.significant, no.significant]).toEqual([true, false]);
    // The case-1 table through tabulateResponse: same OR and CI, ERR (P=0.1) = (0.04/0.22)/(0.06/0.78) = 2.363636
    expect(yes.oddsRatio).toBeCloseTo(2.666667, 5);
    expect(yes.orCiLow).toBeCloseTo(1.090041, 5);
    expect(yes.err).toBeCloseTo(0.0312 / 0.0132, 12);
    expect(yes.pctDoers).toBe(40);
    expect(yes.pctNonDoers).toBe(20);
  });
});

describe("small-sample warning", () => {
  it("warns below 45 in either group", () => {
    expect(MIN_GROUP).toBe(45);
    expect(smallSampleWarning(45, 45)).toBeNull();
    expect(smallSampleWarning(44, 45)).toMatch(/45/);
    expect(smallSampleWarning(45, 44)).toMatch(/44 non-doers/);
    expect(smallSampleWarning(100, 200)).toBeNull();
  });
});

describe("input validation", () => {
  it("rejects impossible counts and prevalences", () => {
    expect(() => tabulateResponse({ a: -1, doers: 5, b: 0, nonDoers: 5 })).toThrow(RangeError);
    expect(() => tabulateResponse({ a: 1.5, doers: 5, b: 0, nonDoers: 5 })).toThrow(RangeError);
    expect(() => tabulateResponse({ a: 6, doers: 5, b: 0, nonDoers: 5 })).toThrow(RangeError);
    expect(() => tabulateResponse({ a: 1, doers: 5, b: 6, nonDoers: 5 })).toThrow(RangeError);
    expect(() => tabulateResponse({ a: 1, doers: Number.NaN, b: 0, nonDoers: 5 })).toThrow(RangeError);
    for (const p of [0, 1, -0.1, 1.5, Number.NaN])
      expect(() => tabulateResponse({ a: 1, doers: 5, b: 1, nonDoers: 5 }, p)).toThrow(RangeError);
    expect(() => estimatedRelativeRisk(0, 0, 1, 5, 0.1)).toThrow(RangeError);
    expect(() => oddsRatioWithCi(1, 2, 3, -4)).toThrow(RangeError);
    expect(() => fisherExactTwoSided(1, 2.5, 3, 4)).toThrow(RangeError);
    expect(() => nMinusOneChiSquare(1, 2, -3, 4)).toThrow(RangeError);
    expect(() => chiSquare1dfPValue(-1)).toThrow(RangeError);
  });
});
