// Adoption rate = performed / opportunities, where opportunities = performed + missed.
// Below MIN_OPPORTUNITIES a rate is noise (1 of 1 is not "100% adoption"), so it is not shown.

export const MIN_OPPORTUNITIES = 5;

export interface AdoptionCounts {
  performed: number;
  missed: number;
}

export interface Adoption {
  performed: number;
  opportunities: number;
  /** 0..1, or null when there are too few opportunities to say. */
  rate: number | null;
}

export function adoption({ performed, missed }: AdoptionCounts): Adoption {
  const opportunities = performed + missed;
  return {
    performed,
    opportunities,
    rate: opportunities >= MIN_OPPORTUNITIES ? performed / opportunities : null,
  };
}

export function formatRate(rate: number | null): string {
  return rate === null ? "not enough data" : `${Math.round(rate * 100)}%`;
}
