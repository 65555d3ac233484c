// The kinds of metric, their timing and target types, in words (pure: the metric form, a client component, uses
// them without the schema library; src/lib/schemas/metrics.ts validates with them).

export const METRIC_KINDS = ["CUSTOMER_OUTCOME", "INTERNAL_PROCESS"] as const;
export const METRIC_TIMINGS = ["LEADING", "LAGGING"] as const;
export const DIRECTIONS = ["UP", "DOWN"] as const;
export const TARGET_TYPES = ["AT_LEAST", "AT_MOST", "INCREASE_TO", "DECREASE_TO"] as const;

export const KIND_LABELS: Record<(typeof METRIC_KINDS)[number], string> = {
  CUSTOMER_OUTCOME: "Customer outcome",
  INTERNAL_PROCESS: "Internal process",
};
export const TIMING_LABELS: Record<(typeof METRIC_TIMINGS)[number], string> = {
  LEADING: "Leading",
  LAGGING: "Lagging",
};
export const TARGET_LABELS: Record<(typeof TARGET_TYPES)[number], string> = {
  AT_LEAST: "stay at or above",
  AT_MOST: "stay at or below",
  INCREASE_TO: "increase to",
  DECREASE_TO: "decrease to",
};
