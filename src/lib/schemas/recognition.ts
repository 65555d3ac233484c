import { z } from "./zod";
import type { SuppressionReason } from "@/lib/domain/group-size";
import { id, optionalId, text } from "./text";
import { blockingErrors } from "@/lib/domain/recognition";

/** An id a form may leave empty ("" or absent): null, so "none" is one value everywhere. */
const maybeId = (message: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), id(message).nullable());

const ONE_RECIPIENT = "Choose one person or one team to recognise.";

/**
 * A recognition: exactly one recipient (a person or a team), a behaviour, the act and its effect on
 * a customer. Praise-only or empty texts are refused here, beside their field, with the same hint the
 * form shows while typing (domain/recognition.ts); the softer hints only warn.
 */
export const GiveRecognitionInput = z
  .object({
    recipientMembershipId: maybeId(ONE_RECIPIENT),
    recipientTeamId: maybeId(ONE_RECIPIENT),
    behaviourId: id("Choose the behaviour they showed."),
    act: text("What they did", 0, 1000),
    customerEffect: text("Effect on the customer", 0, 1000),
    observationId: maybeId("Choose an observation, or none."),
  })
  .superRefine((v, ctx) => {
    if ((v.recipientMembershipId === null) === (v.recipientTeamId === null))
      ctx.addIssue({ code: "custom", path: ["recipientMembershipId"], message: ONE_RECIPIENT });
    for (const [field, message] of Object.entries(blockingErrors(v)))
      ctx.addIssue({ code: "custom", path: [field], message });
  });
export type GiveRecognitionInput = z.infer<typeof GiveRecognitionInput>;

export const RecognitionIdInput = z.object({ id: id("Choose a recognition.") });

/** The feed's filters, from the URL: a malformed id is simply no filter. */
export const RecognitionFilterInput = z.object({
  team: optionalId,
  behaviour: optionalId,
  received: optionalId,
  given: optionalId,
  before: z.string().max(80).optional().catch(undefined),
});

export interface RecognitionFilter {
  teamId?: string;
  behaviourId?: string;
  /** Recognitions this membership received (as a person, not through a team). */
  receivedBy?: string;
  givenBy?: string;
}

// ---------------------------------------------------------------- DTOs

export type RecipientDto =
  { kind: "person"; membershipId: string; name: string } | { kind: "team"; teamId: string; name: string };

export interface RecognitionDto {
  id: string;
  createdAt: string;
  giver: { membershipId: string; name: string };
  recipient: RecipientDto;
  behaviour: { id: string; title: string };
  act: string;
  customerEffect: string;
  /** The observation it points at: when and in which team it was logged. */
  observation: { day: string; teamName: string } | null;
  /** The caller may remove it: their own within the undo window, or anyone's with feedback.manage. */
  canRemove: boolean;
}

export interface RecognitionPageDto {
  rows: RecognitionDto[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface RecognitionOptionsDto {
  people: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  behaviours: { id: string; name: string }[];
  /** The caller's own recent observations of a performed behaviour, to point a recognition at. */
  observations: { id: string; behaviourId: string; teamId: string; label: string }[];
}

export interface RecognitionFormValues {
  recipientMembershipId: string;
  recipientTeamId: string;
  behaviourId: string;
  observationId: string;
}

export interface RecognitionWeekRow {
  weekStart: string;
  count: number;
}

export interface RecognitionAnalyticsDto {
  period: { from: string; to: string };
  total: number;
  /** Recognitions per week, every week of the period (zeros included). */
  weeks: RecognitionWeekRow[];
  /** Recognitions per behaviour per week: behaviour id → counts aligned with `weeks`. */
  byBehaviour: { behaviourId: string; title: string; total: number; weeks: number[] }[];
  /** Per team: received (to the team or one of its people) and given (by its people); hidden under the minimum group size. */
  byTeam: (
    | { teamId: string; name: string; people: number; hidden: true; reason: SuppressionReason }
    | { teamId: string; name: string; people: number; hidden: false; received: number; given: number; weeks: number[] }
  )[];
  /** Active members, and how many of them gave or received at least one recognition in the period. */
  /** Hidden, like a small team's figures, when the organisation has fewer active people than the minimum group size. */
  people:
    | { active: number; hidden: true }
    | { active: number; hidden: false; gave: number; received: number; gaveOrReceived: number };
  minGroupSize: number;
}
