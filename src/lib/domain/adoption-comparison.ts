// Doer / non-doer from the logs (issue 18 §2): does adoption differ between teams where an
// intervention ran (since its start) and teams where it did not? The same tested 2×2 statistics as
// the doer / non-doer surveys (barrier-stats.ts), chosen the same way. Pure.
import type { AdoptionCounts } from "./adoption";
import {
  expectedCountsBelow,
  fisherExactTwoSided,
  nMinusOneChiSquare,
  SIGNIFICANCE,
  type TestName,
} from "./barrier-stats";

export interface AdoptionComparison {
  withIt: AdoptionCounts & { rate: number | null };
  without: AdoptionCounts & { rate: number | null };
  /** Null when one side logged nothing: there is nothing to compare. */
  test: TestName | null;
  pValue: number | null;
  significant: boolean;
}

const rated = (c: AdoptionCounts) => ({
  ...c,
  rate: c.performed + c.missed > 0 ? c.performed / (c.performed + c.missed) : null,
});

/**
 * The 2×2 table [performed, missed] × [teams with the intervention, teams without]: Fisher's exact
 * test when an expected count is below 5, else the N−1 chi-square (as tabulateResponse chooses).
 */
export function compareAdoption(withIt: AdoptionCounts, without: AdoptionCounts): AdoptionComparison {
  const base = { withIt: rated(withIt), without: rated(without) };
  if (base.withIt.rate === null || base.without.rate === null)
    return { ...base, test: null, pValue: null, significant: false };
  const [a, b, c, d] = [withIt.performed, withIt.missed, without.performed, without.missed];
  const fisher = expectedCountsBelow(a, b, c, d);
  const pValue = fisher ? fisherExactTwoSided(a, b, c, d) : nMinusOneChiSquare(a, b, c, d).pValue;
  return { ...base, test: fisher ? "Fisher exact" : "chi-square (N-1)", pValue, significant: pValue < SIGNIFICANCE };
}
