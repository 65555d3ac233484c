import { z } from "./zod";
import { CUSTOMER_MAX, FEEDBACK_SOURCES, SENTIMENTS } from "@/lib/domain/feedback";
import { day, optionalId, text } from "./text";
import type { WeekPoint } from "@/lib/domain/observations";
import type { WeeklyValue } from "@/lib/domain/outcomes";
import type { LagCorrelation } from "@/lib/domain/correlation";
import type { BarrierRowDto } from "./barriers";
import type { MetricRowDto } from "./metrics";
import type { SuppressionReason } from "@/lib/domain/group-size";

import { PERIODS, type Period } from "@/lib/domain/dashboard-filter";

export { PERIODS, PERIOD_LABELS, filterQuery, filterSummary, type Period } from "@/lib/domain/dashboard-filter";

/** Dashboard filters as they live in the URL; anything unreadable falls back to the default. */
export const DashboardFilter = z.object({
  period: z
    .enum(Object.keys(PERIODS) as [Period, ...Period[]])
    .catch("12w")
    .default("12w"),
  stream: optionalId,
  team: optionalId,
  value: optionalId,
  /** "all": the heatmap shows every team and behaviour, not only the busiest (HEATMAP_LIMITS). */
  heatmap: z.enum(["all"]).optional().catch(undefined),
});
export type DashboardFilter = z.infer<typeof DashboardFilter>;

export function parseDashboardFilter(sp: Record<string, string | string[] | undefined>): DashboardFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return DashboardFilter.parse({
    period: first(sp.period),
    stream: first(sp.stream),
    team: first(sp.team),
    value: first(sp.value),
    heatmap: first(sp.heatmap),
  });
}

/** A new customer story: a feedback item marked as a story, with where it came from and how the customer felt. */
export const CustomerStoryInput = z.object({
  meetingDate: day("Enter the meeting date.", { future: true }),
  story: text("Customer story", 10, 2000),
  customer: text("Customer or segment", 0, CUSTOMER_MAX).default(""),
  source: z.enum(FEEDBACK_SOURCES, { error: "Choose where the story came from." }),
  sentiment: z.enum(SENTIMENTS, { error: "Choose how the customer felt." }),
});

// ---------------------------------------------------------------- DTOs

export interface FilterOptionsDto {
  streams: { id: string; name: string }[];
  teams: { id: string; name: string; streamId: string | null }[];
  values: { id: string; name: string }[];
}

export interface HeatmapDto {
  /** A team whose figures are hidden under the minimum group size carries why; its cells are not sent. */
  teams: { id: string; name: string; suppressed: SuppressionReason | null }[];
  behaviours: { id: string; title: string }[];
  /** `${teamId}:${behaviourId}` → counts in the period. */
  cells: Record<string, { performed: number; opportunities: number }>;
  /** How many the selection holds: more than `teams` / `behaviours` when only the busiest are shown. */
  totalTeams: number;
  totalBehaviours: number;
  /** The organisation's minimum group size (docs/decisions/039). */
  minGroupSize: number;
}

export interface OverviewDto {
  options: FilterOptionsDto;
  /** Empty when the selected team or value stream is too small to show (then `trendSuppressed` says why). */
  trend: WeekPoint[];
  trendSuppressed: SuppressionReason | null;
  heatmap: HeatmapDto;
  topBarriers: BarrierRowDto[];
  metrics: MetricRowDto[];
}

export interface BehaviourOutcomeDto {
  behaviours: { id: string; title: string }[];
  behaviour: { id: string; title: string } | null;
  metrics: { id: string; name: string; unit: string }[];
  metric: { id: string; name: string; unit: string } | null;
  adoption: WeekPoint[];
  metricWeekly: WeeklyValue[];
  correlations: LagCorrelation[];
  strongest: LagCorrelation | null;
}

export interface TeamViewDto {
  teams: { id: string; name: string }[];
  team: { id: string; name: string; stream: string | null } | null;
  /** Why the team's figures are hidden (trend, behaviours and this week are then empty); null when shown. */
  suppressed: SuppressionReason | null;
  minGroupSize: number;
  trend: WeekPoint[];
  behaviours: { id: string; title: string; performed: number; opportunities: number }[];
  thisWeek: { performed: number; opportunities: number; weekStart: string };
  barriers: BarrierRowDto[];
  gaps: { behaviourId: string; behaviourTitle: string; lastDay: string | null }[];
}

export interface StandupDto {
  wins: { behaviourId: string; title: string; before: number; after: number; changePts: number }[];
  blockers: (BarrierRowDto & { reason: string })[];
  offTrack: MetricRowDto[];
  /** Customer-outcome metrics whose target has a status: with none, "nothing off track" would claim too much. */
  customerMetricsJudged: number;
  stories: { id: string; meetingDate: string; story: string; authorName: string }[];
}
