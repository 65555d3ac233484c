import { z } from "./zod";
import { day, id, text, versionNumber } from "./text";
import { BARRIER_STATUSES } from "@/lib/domain/barriers";
import { APEASE_CRITERIA, INTERVENTION_FUNCTIONS, type Apease } from "@/lib/domain/interventions";
import { DETERMINANTS } from "@/lib/domain/surveys";
import { inTaxonomyOrder, isBctId } from "@/lib/domain/bct";
import type { BeforeAfter } from "@/lib/domain/interventions";
import type { SuppressionReason } from "@/lib/domain/group-size";

const Id = id();
const Ids = (message: string, min = 0) =>
  z
    .array(Id)
    .max(50, "Choose at most 50.")
    .min(min, message)
    .transform((ids) => [...new Set(ids)]);

export const COMB_COMPONENTS = [
  "PHYSICAL_CAPABILITY",
  "PSYCHOLOGICAL_CAPABILITY",
  "PHYSICAL_OPPORTUNITY",
  "SOCIAL_OPPORTUNITY",
  "REFLECTIVE_MOTIVATION",
  "AUTOMATIC_MOTIVATION",
] as const;
export const FEASIBILITIES = ["ENABLED", "DIFFICULT", "IMPOSSIBLE"] as const;

// A score is optional only where the caller may leave it unscored (members' proposals): the form
// sends "" for "not scored".
const Score = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.coerce
      .number({ error: `${label}: choose 1 to 5.` })
      .int(`${label}: choose 1 to 5.`)
      .min(1, `${label}: choose 1 to 5.`)
      .max(5, `${label}: choose 1 to 5.`)
      .nullable(),
  );

const BarrierFields = z.object({
  title: text("Title", 3, 120),
  description: text("Description", 10, 1000),
  evidence: text("Evidence", 0, 4000).default(""),
  comB: z.enum(COMB_COMPONENTS, { error: "Choose the COM-B component." }),
  determinant: z.enum(DETERMINANTS, { error: "Choose the Barrier Analysis determinant." }),
  feasibility: z.enum(FEASIBILITIES, { error: "Say whether people can do the behaviour today." }),
  impact: Score("Impact"),
  reach: Score("People affected"),
  ease: Score("Ease of removal"),
  behaviourIds: Ids("Choose at least one behaviour this barrier stands in the way of.", 1),
  teamIds: Ids(""),
});

/** A priority needs all three scores: score them together, or leave all three for later. */
const scoredTogether = (
  v: { impact: number | null; reach: number | null; ease: number | null },
  ctx: z.RefinementCtx,
) => {
  const given = [v.impact, v.reach, v.ease].filter((x) => x !== null).length;
  if (given !== 0 && given !== 3) {
    for (const key of ["impact", "reach", "ease"] as const) {
      if (v[key] === null)
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "Score all three, or leave all three empty to score later.",
        });
    }
  }
};

export const BarrierInput = BarrierFields.superRefine(scoredTogether);
export type BarrierInput = z.infer<typeof BarrierInput>;

export const BarrierUpdateInput = BarrierFields.extend({
  id: Id,
  // The version the editor loaded: a save on top of someone else's change is a conflict.
  version: versionNumber(),
}).superRefine(scoredTogether);

export const BarrierStatusInput = z.object({ id: Id, status: z.enum(BARRIER_STATUSES, { error: "Choose a status." }) });

const ApeaseScore = z.coerce
  .number({ error: "Score 1 to 5." })
  .int("Score 1 to 5.")
  .min(1, "Score 1 to 5.")
  .max(5, "Score 1 to 5.");

const Note = text("Note", 0, 500).default("");

export const InterventionInput = z.object({
  barrierId: Id,
  function: z.enum(INTERVENTION_FUNCTIONS, { error: "Choose an intervention function." }),
  title: text("Title", 3, 120),
  description: text("Description", 0, 2000).default(""),
  ownerId: Id,
  teamIds: Ids("Choose at least one team to roll it out to.", 1),
  // BCTTv1 techniques (optional): what the intervention actually does, in the taxonomy's words.
  techniques: z
    .array(z.string().refine(isBctId, "Choose techniques from the list."), {
      error: "Choose techniques from the list.",
    })
    .max(30, "Choose at most 30 techniques.")
    .default([])
    .transform(inTaxonomyOrder),
  startDate: day("Enter the start date.", { future: true }),
  // APEASE: one score and note per criterion (domain/interventions.ts APEASE_CRITERIA).
  affordabilityScore: ApeaseScore,
  affordabilityNote: Note,
  practicabilityScore: ApeaseScore,
  practicabilityNote: Note,
  effectivenessScore: ApeaseScore,
  effectivenessNote: Note,
  acceptabilityScore: ApeaseScore,
  acceptabilityNote: Note,
  sideEffectsScore: ApeaseScore,
  sideEffectsNote: Note,
  equityScore: ApeaseScore,
  equityNote: Note,
});
export type InterventionInput = z.infer<typeof InterventionInput>;

export function apeaseFrom(input: InterventionInput): Apease {
  return Object.fromEntries(
    APEASE_CRITERIA.map((c) => [c.key, { score: input[`${c.key}Score`], note: input[`${c.key}Note`] }]),
  ) as Apease;
}

// ---------------------------------------------------------------- DTOs

export interface BarrierRowDto {
  id: string;
  title: string;
  description: string;
  comB: string;
  determinant: string;
  feasibility: string;
  status: string;
  impact: number | null;
  reach: number | null;
  ease: number | null;
  priority: number | null;
  behaviourTitles: string[];
  teamNames: string[];
  /** The same behaviours and teams by id, for matching (titles and names can repeat across kinds). */
  behaviourIds: string[];
  teamIds: string[];
  fromSurvey: boolean;
}

export interface BarrierOptionsDto {
  behaviours: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  owners: { id: string; name: string }[];
}

export interface BarrierFormValues {
  title: string;
  description: string;
  evidence: string;
  comB: string;
  determinant: string;
  feasibility: string;
  impact: string;
  reach: string;
  ease: string;
  behaviourIds: string[];
  teamIds: string[];
}

export interface InterventionEvidenceDto {
  interventionId: string;
  title: string;
  startDate: string;
  teamNames: string[];
  windows: { before: { from: string; to: string }; after: { from: string; to: string } } | null;
  result: BeforeAfter | null;
  /** Why its figures are hidden under the minimum group size (then `result` is null), or null. */
  suppressed?: SuppressionReason | null;
  problem: string | null;
}

export interface BarrierDetailDto extends BarrierRowDto {
  evidence: string;
  updatedAt: string;
  createdByName: string;
  createdAt: string;
  behaviours: { id: string; title: string }[];
  teams: { id: string; name: string }[];
  survey: { id: string; title: string } | null;
  statistics: SurveyStatisticsSnapshot | null;
  removalEvidence: (InterventionEvidenceDto & { markedAt: string }) | null;
  interventions: InterventionEvidenceDto[];
}

/** What a survey finding carried into the barrier it became, frozen at that moment. */
export interface SurveyStatisticsSnapshot {
  question: string;
  response: string;
  doersWith: number;
  doersTotal: number;
  nonDoersWith: number;
  nonDoersTotal: number;
  oddsRatio: number | null;
  orCiLow: number | null;
  orCiHigh: number | null;
  err: number | null;
  pValue: number | null;
  test: string | null;
  corrected: boolean;
  prevalence: number;
}

export interface InterventionDetailDto {
  id: string;
  title: string;
  function: string;
  description: string;
  ownerName: string;
  startDate: string;
  apease: Apease;
  /** BCTTv1 ids, in taxonomy order. */
  techniques: string[];
  barrier: { id: string; title: string; comB: string };
  behaviourTitles: string[];
  rolledOut: { teamNames: string[]; result: BeforeAfter | null; suppressed: SuppressionReason | null };
  comparison: { teamNames: string[]; result: BeforeAfter | null; suppressed: SuppressionReason | null };
  windows: { before: { from: string; to: string }; after: { from: string; to: string }; days: number } | null;
  differenceInDifferences: number | null;
}
