// Barrier priority. Each factor is scored 1–5 by the team; a barrier that hurts the behaviour a
// lot, touches many people and is easy to remove comes first ("quick wins with reach").
// priority = impact × reach × ease, from 1 to 125.

export interface BarrierScores {
  impact: number;
  reach: number;
  ease: number;
}

export const PRIORITY_FORMULA = "impact × people affected × ease of removal (each 1–5; 1–125)";

export function priorityScore({ impact, reach, ease }: BarrierScores): number {
  for (const v of [impact, reach, ease]) {
    if (!Number.isInteger(v) || v < 1 || v > 5) throw new RangeError("Barrier scores are whole numbers from 1 to 5");
  }
  return impact * reach * ease;
}
