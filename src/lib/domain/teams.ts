// What a team or value stream still holds, in words: it can be deleted only when it holds nothing
// (its history would go with it), so the refusal says what is in the way.

export interface TeamCounts {
  observations: number;
  members: number;
  children: number;
  variants: number;
  barriers: number;
  interventions: number;
  metrics: number;
  readings: number;
}

const NOUNS: Record<keyof TeamCounts, [string, string]> = {
  observations: ["observation", "observations"],
  members: ["member", "members"],
  children: ["team", "teams"],
  variants: ["local behaviour variant", "local behaviour variants"],
  barriers: ["barrier", "barriers"],
  interventions: ["intervention", "interventions"],
  metrics: ["metric", "metrics"],
  readings: ["metric reading", "metric readings"],
};

/** "12 observations, 3 members and 1 barrier", or null when it holds nothing. */
export function teamHoldings(counts: TeamCounts): string | null {
  const parts = (Object.keys(NOUNS) as (keyof TeamCounts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${NOUNS[k][counts[k] === 1 ? 0 : 1]}`);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
