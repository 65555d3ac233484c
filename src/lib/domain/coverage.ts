// Observer coverage: observations that nobody makes are the first way such programmes fail.
// A gap is a team × active behaviour pair with no observation in the window.
import { lastDays } from "./dates";

export interface CoveragePairInput {
  teamId: string;
  behaviourId: string;
  /** Last day with an observation, YYYY-MM-DD, or null when never observed. */
  lastDay: string | null;
}

export interface CoverageGap {
  teamId: string;
  behaviourId: string;
  lastDay: string | null;
}

export const COVERAGE_DAYS = 14;

/** Every team × behaviour pair whose last observation is older than the window (or missing). */
export function coverageGaps(
  teams: string[],
  behaviours: string[],
  seen: CoveragePairInput[],
  today: string,
  days = COVERAGE_DAYS,
): CoverageGap[] {
  const cutoff = lastDays(today, days).from;
  const last = new Map(seen.map((s) => [`${s.teamId}/${s.behaviourId}`, s.lastDay]));
  const gaps: CoverageGap[] = [];
  for (const teamId of teams) {
    for (const behaviourId of behaviours) {
      const lastDay = last.get(`${teamId}/${behaviourId}`) ?? null;
      if (lastDay === null || lastDay < cutoff) gaps.push({ teamId, behaviourId, lastDay });
    }
  }
  return gaps;
}
