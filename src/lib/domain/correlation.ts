// Behaviour → outcome: how weekly adoption and a metric's weekly means move together, at lags of weeks. Pure.
// A correlation is not a cause: the page says so beside every figure.
import { dayNumber } from "./dates";
import { mean, type WeeklyValue } from "./outcomes";

export interface LagCorrelation {
  lag: number;
  r: number | null;
  n: number;
}

/** Below six paired weeks a correlation swings wildly on one week, so it is not shown. */
export const MIN_CORRELATION_WEEKS = 6;

/**
 * Pearson's product-moment correlation (Pearson 1895), r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² · Σ(y−ȳ)²).
 * null when n < 3 (two points are always perfectly correlated) or either series is constant (r is undefined).
 */
export function pearson(xs: number[], ys: number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError(`pearson needs equal lengths (got ${xs.length} and ${ys.length})`);
  // Constant is checked by equality, not by a zero sum of squares: a rounded mean leaves tiny non-zero deviations.
  if (xs.length < 3 || xs.every((x) => x === xs[0]) || ys.every((y) => y === ys[0])) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0,
    sxx = 0,
    syy = 0;
  xs.forEach((x, i) => {
    const dx = x - mx,
      dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  // Clamp rounding error so a perfect fit never reports |r| a hair above 1.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Correlation of adoption in week w with the metric in week w + lag, for lag 0..maxLag weeks: a behaviour change
 * usually shows in outcomes some weeks later (the cross-correlation idea of Box & Jenkins, "Time Series Analysis",
 * computed as a plain Pearson r over the weeks present in both series rather than with whole-series normalisation,
 * because either series may have gaps). Correlation is not causation; the UI says so.
 */
export function laggedCorrelations(adoption: WeeklyValue[], metric: WeeklyValue[], maxLag = 8): LagCorrelation[] {
  if (!Number.isInteger(maxLag) || maxLag < 0)
    throw new RangeError(`maxLag must be a whole number ≥ 0 (got ${maxLag})`);
  const byWeek = new Map(metric.map((m) => [dayNumber(m.weekStart), m.value]));
  return Array.from({ length: maxLag + 1 }, (_, lag) => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const a of adoption) {
      const y = byWeek.get(dayNumber(a.weekStart) + lag * 7);
      if (y === undefined) continue;
      xs.push(a.value);
      ys.push(y);
    }
    return { lag, r: xs.length >= MIN_CORRELATION_WEEKS ? pearson(xs, ys) : null, n: xs.length };
  });
}

/** The lag with the largest |r|; on a tie the shorter lag, the simpler explanation. */
export function strongestLag(c: LagCorrelation[]): LagCorrelation | null {
  let best: LagCorrelation | null = null;
  for (const l of c)
    if (
      l.r !== null &&
      (best === null || Math.abs(l.r) > Math.abs(best.r!) || (Math.abs(l.r) === Math.abs(best.r!) && l.lag < best.lag))
    )
      best = l;
  return best;
}

// ——— Too few opportunities for a rate, and the adoption heat map ———
