// Issue 19: the overview's heatmap stays readable in a large organisation. A 100-team ×
// 500-behaviour organisation would draw 50,000 cells; the page shows the busiest teams and
// behaviours of the period (most opportunities, then by name) and offers "show all".

/** How many teams and behaviours the heatmap shows unless the reader asks for all. */
export const HEATMAP_LIMITS = { teams: 20, behaviours: 30 } as const;

/**
 * The ids to show: all of them when they fit, otherwise the `limit` with the most opportunities
 * (ties, and items never observed, in the given order: the page's alphabetical one). Order kept.
 */
export function busiest<T extends { id: string }>(
  items: readonly T[],
  opportunities: ReadonlyMap<string, number>,
  limit: number,
): T[] {
  if (items.length <= limit) return [...items];
  const rank = new Map(items.map((item, i) => [item.id, i]));
  const kept = new Set(
    [...items]
      .sort(
        (a, b) => (opportunities.get(b.id) ?? 0) - (opportunities.get(a.id) ?? 0) || rank.get(a.id)! - rank.get(b.id)!,
      )
      .slice(0, limit)
      .map((item) => item.id),
  );
  return items.filter((item) => kept.has(item.id));
}
