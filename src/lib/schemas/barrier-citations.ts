import { z } from "./zod";
import { id, text } from "./text";
import { DETERMINANTS } from "@/lib/domain/surveys";
import { COMB_COMPONENTS } from "./barriers";
import type { AdoptionComparison } from "@/lib/domain/adoption-comparison";
import type { SuppressionReason } from "@/lib/domain/group-size";

const Id = id();
import { NOTE_MAX } from "@/lib/domain/barrier-citations";

export { NOTE_MAX };

/**
 * What got in the way of a missed entry the browser just logged (named by its undo token, like
 * Undo): one of the behaviour's barriers, or a short "something else" text. Setting it again to
 * the same value is the same result, so a retried request is harmless.
 */
export const CiteBarrierInput = z
  .object({
    id: Id,
    token: z.string().min(20).max(100),
    // "" (or nothing): no barrier, the text says what got in the way.
    barrierId: z
      .union([Id, z.literal("")])
      .default("")
      .transform((v) => v || null),
    note: text("What got in the way", 0, NOTE_MAX).default(""),
  })
  .refine((v) => (v.barrierId === null) !== (v.note === ""), {
    path: ["note"],
    message: "Choose a barrier, or say in a few words what got in the way.",
  });
export type CiteBarrierInput = z.infer<typeof CiteBarrierInput>;

/** A leader turns chosen "something else" texts of one behaviour into a new barrier. */
export const BarrierFromNotesInput = z.object({
  behaviourId: Id,
  observationIds: z
    .array(Id)
    .min(1, "Choose at least one text.")
    .max(200, "Choose at most 200 texts.")
    .transform((ids) => [...new Set(ids)]),
  title: text("Title", 3, 120),
  comB: z.enum(COMB_COMPONENTS, { error: "Choose the COM-B component." }),
  determinant: z.enum(DETERMINANTS, { error: "Choose the Barrier Analysis determinant." }),
});
export type BarrierFromNotesInput = z.infer<typeof BarrierFromNotesInput>;

// ---------------------------------------------------------------- DTOs

/** Per behaviour, the barriers a member may cite on a miss (teamIds empty: every team). */
export type MissedBarrierOptionsDto = Record<string, { id: string; title: string; teamIds: string[] }[]>;

export interface CitationCountsDto {
  /** Rows per team, then "All teams". */
  rows: { teamId: string | null; team: string; last4: number; last12: number; missed12: number }[];
  total: number;
  /** Teams that cited it but are hidden under the minimum group size: not in any row or total. */
  hiddenTeams: number;
}

export interface NoteGroupDto {
  behaviourId: string;
  behaviourTitle: string;
  suggestedTitle: string;
  keywords: string[];
  notes: { id: string; note: string; day: string; team: string }[];
}

export interface NoteGroupsDto {
  groups: NoteGroupDto[];
  /** Texts read (newest first) and texts waiting in all: the page says when it left some out. */
  read: number;
  waiting: number;
}

/** Adoption since an intervention started, in its teams against the others (observational). */
export interface InterventionComparisonDto extends AdoptionComparison {
  interventionId: string;
  title: string;
  from: string;
  to: string;
  /** Why neither side is shown under the minimum group size (its figures are then empty), or null. */
  suppressed: SuppressionReason | null;
  /** Which side's teams are hidden: the teams with the intervention, or those without it. */
  hiddenSide: "with" | "without" | null;
}
