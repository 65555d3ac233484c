// Barriers: priority, lifecycle and the Pareto view. Pure.
//
// Priority: each factor is scored 1–5 by the team; a barrier that hurts the behaviour a lot,
// touches many people and is easy to remove comes first ("quick wins with reach").
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

/** A member's proposal or a survey finding is not scored yet: it has no priority until it is. */
export function priorityOf(s: { impact: number | null; reach: number | null; ease: number | null }): number | null {
  return s.impact === null || s.reach === null || s.ease === null
    ? null
    : priorityScore({ impact: s.impact, reach: s.reach, ease: s.ease });
}

export const BARRIER_STATUSES = ["IDENTIFIED", "INTERVENTION_PLANNED", "IN_PROGRESS", "REMOVED", "ACCEPTED"] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];

// IDENTIFIED → INTERVENTION PLANNED → IN PROGRESS → REMOVED (or ACCEPTED: the team decides to live
// with it). Reopening is allowed; REMOVED additionally needs before/after evidence (interventions.ts).
const NEXT: Record<BarrierStatus, readonly BarrierStatus[]> = {
  IDENTIFIED: ["INTERVENTION_PLANNED", "ACCEPTED"],
  INTERVENTION_PLANNED: ["IN_PROGRESS", "IDENTIFIED", "ACCEPTED"],
  IN_PROGRESS: ["REMOVED", "INTERVENTION_PLANNED", "ACCEPTED"],
  REMOVED: ["IN_PROGRESS"],
  ACCEPTED: ["IDENTIFIED"],
};

export function nextStatuses(from: BarrierStatus): readonly BarrierStatus[] {
  return NEXT[from];
}

export function canMove(from: BarrierStatus, to: BarrierStatus): boolean {
  return NEXT[from].includes(to);
}

export const OPEN_STATUSES: readonly BarrierStatus[] = ["IDENTIFIED", "INTERVENTION_PLANNED", "IN_PROGRESS"];

export interface ParetoPoint {
  id: string;
  label: string;
  score: number;
  /** Share of the total score of this barrier and every one before it, 0..100. */
  cumulativePct: number;
}

/**
 * Barriers by score, highest first, with the running share of the total: the few barriers left of
 * the 80% line are where removal effort pays most (the Pareto principle).
 */
export function paretoSeries(items: readonly { id: string; label: string; score: number }[]): ParetoPoint[] {
  const sorted = [...items]
    .filter((i) => i.score > 0)
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  const total = sorted.reduce((s, i) => s + i.score, 0);
  let running = 0;
  return sorted.map((i) => {
    running += i.score;
    return { ...i, cumulativePct: Math.round((running / total) * 1000) / 10 };
  });
}

/** "citations": how often members cited it on missed entries lately (issue 18). */
export type SortKey = "priority" | "impact" | "reach" | "ease" | "citations" | "title" | "status";
export const SORT_KEYS: readonly SortKey[] = ["priority", "impact", "reach", "ease", "citations", "title", "status"];

interface Sortable {
  title: string;
  status: string;
  impact: number | null;
  reach: number | null;
  ease: number | null;
  priority: number | null;
  citations?: number;
}

/** Numbers sort high first, text A→Z; unscored barriers always last. */
export function sortBarriers<T extends Sortable>(rows: readonly T[], key: SortKey): T[] {
  const byTitle = (a: T, b: T) => a.title.localeCompare(b.title);
  if (key === "title") return [...rows].sort(byTitle);
  if (key === "status")
    return [...rows].sort(
      (a, b) =>
        BARRIER_STATUSES.indexOf(a.status as BarrierStatus) - BARRIER_STATUSES.indexOf(b.status as BarrierStatus) ||
        byTitle(a, b),
    );
  return [...rows].sort(
    (a, b) => (b[key] ?? -1) - (a[key] ?? -1) || (b.priority ?? -1) - (a.priority ?? -1) || byTitle(a, b),
  );
}
