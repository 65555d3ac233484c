import { z } from "./zod";
import { day, id, text, versionNumber } from "./text";
import type { TargetVerdict, WeeklyValue } from "@/lib/domain/outcomes";

const Id = id();
const Ids = z
  .array(Id)
  .max(100, "Choose at most 100.")
  .transform((ids) => [...new Set(ids)]);
const optional = (v: unknown) => (v === "" || v === undefined ? null : v);

export {
  METRIC_KINDS,
  METRIC_TIMINGS,
  DIRECTIONS,
  TARGET_TYPES,
  KIND_LABELS,
  TIMING_LABELS,
  TARGET_LABELS,
} from "@/lib/domain/metric-labels";
import { DIRECTIONS, METRIC_KINDS, METRIC_TIMINGS, TARGET_TYPES } from "@/lib/domain/metric-labels";

const MetricFields = z.object({
  name: text("Name", 3, 120),
  unit: text("Unit", 1, 20),
  description: text("Description", 0, 500).default(""),
  kind: z.enum(METRIC_KINDS, { error: "Say whether it measures a customer outcome or an internal process." }),
  timing: z.enum(METRIC_TIMINGS, { error: "Choose leading or lagging." }),
  direction: z.enum(DIRECTIONS, { error: "Choose the desired direction." }),
  ownerId: z.preprocess(optional, Id.nullable()),
  teamIds: Ids,
  // Derived metrics: the adoption of this behaviour, computed (no readings are typed).
  sourceBehaviourId: z.preprocess(optional, Id.nullable()),
  targetType: z.preprocess(optional, z.enum(TARGET_TYPES).nullable()),
  targetValue: z.preprocess(
    optional,
    z.coerce.number({ error: "Enter a number." }).finite("Enter a number.").min(-1e12).max(1e12).nullable(),
  ),
  targetDate: z.preprocess(optional, day("Enter a date.", { future: true }).nullable()),
});

/** A target is a type and a value together; "increase to" and "decrease to" need a date. */
const targetRules = (v: z.infer<typeof MetricFields>, ctx: z.RefinementCtx) => {
  if (v.targetType && v.targetValue === null)
    ctx.addIssue({ code: "custom", path: ["targetValue"], message: "Enter the target value." });
  if (!v.targetType && v.targetValue !== null)
    ctx.addIssue({ code: "custom", path: ["targetType"], message: "Choose the kind of target." });
  if ((v.targetType === "INCREASE_TO" || v.targetType === "DECREASE_TO") && !v.targetDate)
    ctx.addIssue({ code: "custom", path: ["targetDate"], message: "Say by when." });
  if (v.sourceBehaviourId && v.unit !== "%")
    ctx.addIssue({ code: "custom", path: ["unit"], message: "A behaviour's adoption is measured in %." });
};

export const MetricInput = MetricFields.superRefine(targetRules);
export type MetricInput = z.infer<typeof MetricInput>;
export const MetricUpdateInput = MetricFields.extend({
  id: Id,
  // The version the editor loaded: a save on top of someone else's change is a conflict.
  version: versionNumber(),
}).superRefine(targetRules);

export const ReadingInput = z.object({
  metricId: Id,
  date: day("Enter a date."),
  teamId: z.preprocess(optional, Id.nullable()),
  // A blank field would coerce to 0, a reading nobody meant to record.
  value: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ error: "Enter a number." })
      .finite("Enter a number.")
      .min(-1e12, "Enter a smaller number.")
      .max(1e12, "Enter a smaller number."),
  ),
});
export type ReadingInput = z.infer<typeof ReadingInput>;

export const MetricBehavioursInput = z.object({ metricId: Id, behaviourIds: Ids });

// ---------------------------------------------------------------- DTOs

export interface MetricRowDto {
  id: string;
  name: string;
  unit: string;
  kind: (typeof METRIC_KINDS)[number];
  timing: (typeof METRIC_TIMINGS)[number];
  direction: (typeof DIRECTIONS)[number];
  ownerName: string | null;
  /** e.g. "increase to 60 % by 2027-01-31", or null without a target. */
  target: string | null;
  latest: { date: string; value: number } | null;
  verdict: TargetVerdict;
  derivedFrom: { id: string; title: string } | null;
  behaviourTitles: string[];
  teamNames: string[];
  /** The teams it is tracked for, by id (none: the whole organisation). */
  teamIds: string[];
}

export interface MetricDetailDto extends MetricRowDto {
  description: string;
  updatedAt: string;
  targetType: (typeof TARGET_TYPES)[number] | null;
  targetValue: number | null;
  targetDate: string | null;
  behaviours: { id: string; title: string }[];
  teams: { id: string; name: string }[];
  /** Organisation-wide readings (or the derived weekly adoption), oldest first. */
  readings: { date: string; value: number }[];
  /** Readings per team, for metrics tracked by team: the latest, oldest first. */
  teamReadings: { date: string; team: string; value: number }[];
  /** How many readings there are up to today (the lists above hold the latest; the CSV export holds all). */
  readingsTotal: number;
  teamReadingsTotal: number;
}

export interface MetricSeriesDto {
  id: string;
  name: string;
  unit: string;
  weekly: WeeklyValue[];
}

/** The metric form's fields as strings, the way the edit form starts. */
export interface MetricFormValues {
  name: string;
  unit: string;
  description: string;
  kind: string;
  timing: string;
  direction: string;
  ownerId: string;
  teamIds: string[];
  sourceBehaviourId: string;
  targetType: string;
  targetValue: string;
  targetDate: string;
}

export interface MetricOptionsDto {
  owners: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  behaviours: { id: string; name: string }[];
}

export interface ReadingImportPreviewDto {
  fileError: string | null;
  /** value is null where the cell is not a number; warnings say which readings a row replaces. */
  rows: {
    line: number;
    date: string;
    metric: string;
    team: string;
    value: number | null;
    errors: string[];
    warnings: string[];
  }[];
  importable: number;
}
