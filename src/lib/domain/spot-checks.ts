// Spot checks (issue 18 §3): a second observer logs one behaviour in one team for a while, and their
// adoption rate is set beside the rate in the team's other entries over the same days. The test is
// the one Barrier Analysis uses (barrier-stats.ts: N−1 chi-square, or Fisher's exact test when an
// expected count is under 5), so the two features agree on what "significant" means.
import { addDays, daysBetween, type IsoDate } from "./dates";
import { SIGNIFICANCE, tabulateResponse, type TestName } from "./barrier-stats";

export const DEFAULT_SPOT_CHECK_DAYS = 7;
export const MAX_SPOT_CHECK_DAYS = 28;
export const SPOT_CHECK_NOTE_MAX = 500;

export type SpotCheckStatus = "upcoming" | "running" | "ended" | "cancelled";

export const STATUS_LABELS: Record<SpotCheckStatus, string> = {
  upcoming: "Upcoming",
  running: "Running",
  ended: "Ended",
  cancelled: "Cancelled",
};

/** The last day of a check that starts on `startsOn` and lasts `days` days (both ends included). */
export function spotCheckEnd(startsOn: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 1 || days > MAX_SPOT_CHECK_DAYS)
    throw new RangeError(`a spot check lasts 1 to ${MAX_SPOT_CHECK_DAYS} days (got ${days})`);
  return addDays(startsOn, days - 1);
}

export function spotCheckStatus(
  check: { startsOn: IsoDate; endsOn: IsoDate; cancelled: boolean },
  today: IsoDate,
): SpotCheckStatus {
  if (check.cancelled) return "cancelled";
  if (today < check.startsOn) return "upcoming";
  return today > check.endsOn ? "ended" : "running";
}

export const spotCheckDays = (c: { startsOn: IsoDate; endsOn: IsoDate }) => daysBetween(c.startsOn, c.endsOn) + 1;

export interface Tally {
  performed: number;
  missed: number;
}

export interface SpotCheckComparison {
  observer: { performed: number; opportunities: number; rate: number | null };
  team: { performed: number; opportunities: number; rate: number | null };
  /** Observer's rate minus the team's, in percentage points; null when either has nothing. */
  differencePoints: number | null;
  pValue: number | null;
  test: TestName | null;
  significant: boolean;
  /** What it means, in plain words. */
  summary: string;
}

const pct = (r: number) => `${Math.round(r * 100)}%`;
const side = (t: Tally) => {
  const opportunities = t.performed + t.missed;
  return { performed: t.performed, opportunities, rate: opportunities > 0 ? t.performed / opportunities : null };
};
const formatP = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`);

/**
 * The observer's entries against the team's other entries of the same behaviour in the same days.
 * As a 2×2 table: rows are the two sources, columns performed / missed.
 */
export function compareSpotCheck(observerTally: Tally, teamTally: Tally): SpotCheckComparison {
  const observer = side(observerTally);
  const team = side(teamTally);
  if (observer.rate === null || team.rate === null) {
    const missing =
      observer.rate === null && team.rate === null
        ? "Neither the observer nor the team has logged this behaviour in these days yet"
        : observer.rate === null
          ? "The second observer has not logged this behaviour in these days yet"
          : "The team has logged no other entries of this behaviour in these days";
    return {
      observer,
      team,
      differencePoints: null,
      pValue: null,
      test: null,
      significant: false,
      summary: `${missing}, so there is nothing to compare.`,
    };
  }
  const stats = tabulateResponse({
    a: observer.performed,
    doers: observer.opportunities,
    b: team.performed,
    nonDoers: team.opportunities,
  });
  const p = stats.pValue ?? 1;
  const significant = p < SIGNIFICANCE;
  const rates = `The second observer saw it performed ${pct(observer.rate)} of the time (${observer.performed} of ${observer.opportunities}); the team's own entries say ${pct(team.rate)} (${team.performed} of ${team.opportunities}).`;
  const verdict = significant
    ? observer.rate < team.rate
      ? `The gap is larger than chance would explain (${stats.test}, ${formatP(p)}): the team's entries may be rosier than what an outsider sees. Talk it through with the team; it is a reason to look, not proof.`
      : `The gap is larger than chance would explain (${stats.test}, ${formatP(p)}): the outsider saw the behaviour more often than the team logged it.`
    : `The difference could be chance (${stats.test}, ${formatP(p)}): no evidence that the team's entries differ from what a second observer sees.`;
  return {
    observer,
    team,
    differencePoints: Math.round((observer.rate - team.rate) * 1000) / 10,
    pValue: p,
    test: stats.test,
    significant,
    summary: `${rates} ${verdict}`,
  };
}
