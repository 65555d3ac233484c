// The dashboards' filters as words and URLs (pure, and free of zod, so the filter bar, a client component,
// does not ship the schema library to the browser: src/lib/schemas/dashboards.ts parses them).

export const PERIODS = { "4w": 4, "12w": 12, "26w": 26, "52w": 52 } as const;
export type Period = keyof typeof PERIODS;
export const PERIOD_LABELS: Record<Period, string> = {
  "4w": "Last 4 weeks",
  "12w": "Last 12 weeks",
  "26w": "Last 26 weeks",
  "52w": "Last 52 weeks",
};

/** The filters in force, as parsed (DashboardFilter in src/lib/schemas/dashboards.ts). */
export interface FilterValues {
  period: Period;
  stream?: string;
  team?: string;
  value?: string;
  heatmap?: "all";
}

interface NamedOptions {
  streams: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  values: { id: string; name: string }[];
}

/** The filters as a query string, without the empty ones (for links that keep them). */
export function filterQuery(f: Partial<FilterValues>, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) params.set(k, v);
  return params.toString();
}

/**
 * The filters in force, in words, for the "Filters" button that hides them on a phone: the period
 * always, then each narrowing by its name. An id no option matches is left out, as the page ignores it.
 */
export function filterSummary(
  f: FilterValues,
  options?: NamedOptions,
  shown: readonly ("period" | "stream" | "team" | "value")[] = ["period", "stream", "team", "value"],
): string[] {
  const name = (list: { id: string; name: string }[] | undefined, id: string | undefined) =>
    id ? list?.find((o) => o.id === id)?.name : undefined;
  return [
    shown.includes("period") ? PERIOD_LABELS[f.period] : undefined,
    shown.includes("stream") ? name(options?.streams, f.stream) : undefined,
    shown.includes("team") ? name(options?.teams, f.team) : undefined,
    shown.includes("value") ? name(options?.values, f.value) : undefined,
  ].filter((s): s is string => Boolean(s));
}
