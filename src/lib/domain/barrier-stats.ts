// Barrier Analysis "doer / non-doer" tabulation for one response (one answer option of one question).
// For a response: a = doers who gave it, c = doers who did not, b = non-doers who gave it, d = non-doers who did not.
// Barrier Analysis (Kittle, "A Practical Guide to Conducting a Barrier Analysis", 2nd ed. 2017) compares how often
// doers and non-doers give each response; the statistics below say how different the two groups are and in which way.

export const DEFAULT_PREVALENCE = 0.1; // P when the behaviour's prevalence is unknown
export const SIGNIFICANCE = 0.05;
export const MIN_GROUP = 45; // Barrier Analysis recommends 45 doers and 45 non-doers

/** Woolf CI multiplier: the 97.5th percentile of the standard normal, for a 95% interval. */
const Z_95 = 1.96;
/** Below this expected count the chi-square approximation is unreliable (Cochran 1954), so Fisher's exact test is used. */
const MIN_EXPECTED = 5;
/** R's fisher.test treats tables whose probability is within this relative tolerance of the observed one as "equally likely". */
const FISHER_REL_TOLERANCE = 1e-7;

export interface TwoByTwo {
  a: number; // doers who gave the response
  doers: number; // all doers
  b: number; // non-doers who gave the response
  nonDoers: number; // all non-doers
}

export type TestName = "chi-square (N-1)" | "Fisher exact";

export interface ResponseStats {
  doersWith: number; // a
  doersTotal: number;
  nonDoersWith: number; // b
  nonDoersTotal: number;
  pctDoers: number | null; // 0..100, a/doers*100, null when doers = 0
  pctNonDoers: number | null; // 0..100
  oddsRatio: number | null; // (a·d)/(b·c), after the 0.5 correction when needed
  orCiLow: number | null; // Woolf 95% CI
  orCiHigh: number | null;
  err: number | null; // estimated relative risk
  pValue: number | null;
  test: TestName | null;
  corrected: boolean; // true when 0.5 was added to every cell (some cell was zero)
  significant: boolean; // pValue !== null && pValue < 0.05
  direction: "enabler" | "barrier" | null; // ERR > 1 enabler, ERR < 1 barrier, null when ERR is null or exactly 1
}

function requireCount(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number ≥ 0 (got ${v})`);
}

function requireCells(a: number, b: number, c: number, d: number): void {
  for (const [name, v] of [
    ["a", a],
    ["b", b],
    ["c", c],
    ["d", d],
  ] as const)
    requireCount(name, v);
}

function requireTable(a: number, doers: number, b: number, nonDoers: number): void {
  requireCount("doers with the response", a);
  requireCount("doers", doers);
  requireCount("non-doers with the response", b);
  requireCount("non-doers", nonDoers);
  if (a > doers) throw new RangeError(`More doers gave the response (${a}) than there are doers (${doers})`);
  if (b > nonDoers)
    throw new RangeError(`More non-doers gave the response (${b}) than there are non-doers (${nonDoers})`);
}

function requirePrevalence(p: number): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`Prevalence must be strictly between 0 and 1 (got ${p})`);
}

/**
 * Odds ratio with its Woolf (log) 95% CI: exp(ln OR ± 1.96·√(1/a+1/b+1/c+1/d)) (Woolf 1955).
 * A zero cell makes the OR 0 or ∞ and the SE infinite, so the Haldane–Anscombe correction adds 0.5 to every cell first.
 */
export function oddsRatioWithCi(
  a: number,
  b: number,
  c: number,
  d: number,
): { oddsRatio: number; low: number; high: number; corrected: boolean } {
  requireCells(a, b, c, d);
  const corrected = a === 0 || b === 0 || c === 0 || d === 0;
  const [x, y, z, w] = corrected ? [a + 0.5, b + 0.5, c + 0.5, d + 0.5] : [a, b, c, d];
  const oddsRatio = (x * w) / (y * z);
  const se = Math.sqrt(1 / x + 1 / y + 1 / z + 1 / w);
  const ln = Math.log(oddsRatio);
  return { oddsRatio, low: Math.exp(ln - Z_95 * se), high: Math.exp(ln + Z_95 * se), corrected };
}

/**
 * Estimated relative risk (Kittle 2017, Barrier Analysis tabulation sheet): the survey over-samples doers or non-doers,
 * so group shares are re-weighted by the behaviour's prevalence P with Bayes' rule before comparing:
 *   P(doer | response) = P·p1 / (P·p1 + (1−P)·p0),  P(doer | no response) = P·(1−p1) / (P·(1−p1) + (1−P)·(1−p0)),
 *   ERR = P(doer | response) / P(doer | no response), with p1 = a/doers and p0 = b/nonDoers.
 * When a cell is zero the same 0.5 correction as the OR is used: p1 = (a+0.5)/(doers+1), p0 = (b+0.5)/(nonDoers+1).
 */
export function estimatedRelativeRisk(
  a: number,
  doers: number,
  b: number,
  nonDoers: number,
  prevalence: number,
): number {
  requireTable(a, doers, b, nonDoers);
  requirePrevalence(prevalence);
  if (doers === 0 || nonDoers === 0)
    throw new RangeError("The estimated relative risk needs at least one doer and one non-doer");
  const corrected = a === 0 || b === 0 || a === doers || b === nonDoers;
  const p1 = corrected ? (a + 0.5) / (doers + 1) : a / doers;
  const p0 = corrected ? (b + 0.5) / (nonDoers + 1) : b / nonDoers;
  const P = prevalence;
  const doerGivenResponse = (P * p1) / (P * p1 + (1 - P) * p0);
  const doerGivenNoResponse = (P * (1 - p1)) / (P * (1 - p1) + (1 - P) * (1 - p0));
  return doerGivenResponse / doerGivenNoResponse;
}

// ---- p-values ----

/** ln Γ(1/2) = ln √π, the only Gamma value the 1-df chi-square needs. */
const LN_GAMMA_HALF = 0.5 * Math.log(Math.PI);
const EPS = 1e-15;
const FPMIN = 1e-300;

/**
 * Regularised upper incomplete gamma Q(1/2, x), via the series (x < 1.5) or Lentz's continued fraction (x ≥ 1.5):
 * Numerical Recipes 3rd ed. §6.2 (gser/gcf); Abramowitz & Stegun 6.5.29 and 6.5.31. Accurate to ~1e-15, unlike the
 * 1.2e-7 erfcc Chebyshev fit, so p-values near 0.05 are not misreported by rounding.
 */
function upperGammaHalf(x: number): number {
  const a = 0.5;
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - LN_GAMMA_HALF);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 1000 && Math.abs(del) > Math.abs(sum) * EPS; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
    }
    return 1 - sum * front;
  }
  let bb = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / bb;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    bb += 2;
    d = an * d + bb;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = bb + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return front * h;
}

/** Complementary error function: erfc(z) = Q(1/2, z²) for z ≥ 0 (A&S 7.1.2 / 6.5.17), and erfc(−z) = 2 − erfc(z). */
export function erfc(z: number): number {
  if (Number.isNaN(z)) throw new RangeError("erfc of NaN");
  const q = upperGammaHalf(z * z);
  return z >= 0 ? q : 2 - q;
}

/** Upper tail of the chi-square distribution with 1 df: P(X ≥ x) = erfc(√(x/2)), since X is the square of a standard normal. */
export function chiSquare1dfPValue(x: number): number {
  if (!(x >= 0)) throw new RangeError(`A chi-square statistic is ≥ 0 (got ${x})`);
  return erfc(Math.sqrt(x / 2));
}

/** True when any expected count rowTotal·colTotal/N is below the threshold (default 5), i.e. chi-square is unreliable. */
export function expectedCountsBelow(
  a: number,
  b: number,
  c: number,
  d: number,
  threshold: number = MIN_EXPECTED,
): boolean {
  requireCells(a, b, c, d);
  const n = a + b + c + d;
  if (n === 0) return true;
  return [a + b, c + d].some((row) => [a + c, b + d].some((col) => (row * col) / n < threshold));
}

/**
 * The "N−1" chi-square: Pearson's statistic scaled by (N−1)/N, which Campbell (2007, Stat Med 26:3661) and Richardson
 * (2011, Stat Med 30:890) found keeps the type I error close to nominal down to an expected count of 1, without Yates' correction:
 *   χ² = (a·d − b·c)²·(N−1) / ((a+b)(c+d)(a+c)(b+d)).
 * With a zero margin there is no association to test: the statistic is reported as 0 and p as 1.
 */
export function nMinusOneChiSquare(a: number, b: number, c: number, d: number): { statistic: number; pValue: number } {
  requireCells(a, b, c, d);
  const n = a + b + c + d;
  const denominator = (a + b) * (c + d) * (a + c) * (b + d);
  if (denominator === 0) return { statistic: 0, pValue: 1 };
  const statistic = ((a * d - b * c) ** 2 * (n - 1)) / denominator;
  return { statistic, pValue: chiSquare1dfPValue(statistic) };
}

/**
 * Fisher's exact test, two-sided by the "probability" rule used by R's fisher.test: the sum of the hypergeometric
 * probabilities of every table with the observed margins that is no more likely than the observed one (within a 1e-7
 * relative tolerance so ties are not lost to rounding). Probabilities are built in log space from ln k! (summed logs).
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  requireCells(a, b, c, d);
  const n = a + b + c + d;
  const lnFact = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) lnFact[k] = lnFact[k - 1]! + Math.log(k);
  const lf = (k: number) => lnFact[k]!;
  const [row1, row2, col1, col2] = [a + b, c + d, a + c, b + d];
  // The top-left cell x fixes the table: [[x, row1−x], [col1−x, row2−col1+x]].
  const lo = Math.max(0, col1 - row2);
  const hi = Math.min(row1, col1);
  const constant = lf(row1) + lf(row2) + lf(col1) + lf(col2) - lf(n);
  const logs: number[] = [];
  for (let x = lo; x <= hi; x++) logs.push(constant - lf(x) - lf(row1 - x) - lf(col1 - x) - lf(row2 - col1 + x));
  // Scale by the most likely table before exponentiating so nothing underflows; the ratio is all that matters.
  const max = Math.max(...logs);
  const weights = logs.map((l) => Math.exp(l - max));
  const total = weights.reduce((s, w) => s + w, 0);
  const observed = weights[a - lo]!;
  const tail = weights.filter((w) => w <= observed * (1 + FISHER_REL_TOLERANCE)).reduce((s, w) => s + w, 0);
  return Math.min(1, tail / total);
}

/** Kittle (2017) recommends at least 45 doers and 45 non-doers; below that differences are hard to detect. */
export function smallSampleWarning(doers: number, nonDoers: number): string | null {
  if (doers >= MIN_GROUP && nonDoers >= MIN_GROUP) return null;
  return `Only ${doers} doers and ${nonDoers} non-doers were interviewed; Barrier Analysis recommends at least ${MIN_GROUP} of each, so treat these results with caution.`;
}

/** Every statistic for one response. The p-value always uses the raw counts; OR, CI and ERR use the 0.5-corrected cells when a cell is zero. */
export function tabulateResponse(t: TwoByTwo, prevalence: number = DEFAULT_PREVALENCE): ResponseStats {
  const { a, doers, b, nonDoers } = t;
  requireTable(a, doers, b, nonDoers);
  requirePrevalence(prevalence);
  const base = {
    doersWith: a,
    doersTotal: doers,
    nonDoersWith: b,
    nonDoersTotal: nonDoers,
    pctDoers: doers > 0 ? (a / doers) * 100 : null,
    pctNonDoers: nonDoers > 0 ? (b / nonDoers) * 100 : null,
  };
  if (doers === 0 || nonDoers === 0) {
    // With one group empty there is nothing to compare.
    return {
      ...base,
      oddsRatio: null,
      orCiLow: null,
      orCiHigh: null,
      err: null,
      pValue: null,
      test: null,
      corrected: false,
      significant: false,
      direction: null,
    };
  }
  const c = doers - a;
  const d = nonDoers - b;
  const or = oddsRatioWithCi(a, b, c, d);
  const err = estimatedRelativeRisk(a, doers, b, nonDoers, prevalence);
  // A zero margin (a+b or c+d) gives expected counts of 0, so this also routes that case to Fisher, where p = 1.
  const useFisher = expectedCountsBelow(a, b, c, d);
  const pValue = useFisher ? fisherExactTwoSided(a, b, c, d) : nMinusOneChiSquare(a, b, c, d).pValue;
  return {
    ...base,
    oddsRatio: or.oddsRatio,
    orCiLow: or.low,
    orCiHigh: or.high,
    err,
    pValue,
    test: useFisher ? "Fisher exact" : "chi-square (N-1)",
    corrected: or.corrected,
    significant: pValue < SIGNIFICANCE,
    direction: err > 1 ? "enabler" : err < 1 ? "barrier" : null,
  };
}
