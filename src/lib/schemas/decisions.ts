import { z } from "./zod";
import { id, optionalId, text, versionNumber } from "./text";
import { MAX_ANCHOR_QUESTIONS } from "@/lib/domain/decisions";

const Id = id();
const Link = (message: string) => z.preprocess((v) => (v === "" || v === undefined ? null : v), id(message).nullable());

export const ANSWER_MAX = 4000;
export const QUESTION_MAX = 300;

const DecisionFields = z.object({
  title: text("What was decided", 3, 200),
  detail: text("Detail", 0, 4000).default(""),
  teamId: Link("Choose a team of your organisation."),
  // The questions as the form showed them, in order, and one answer each (empty = unanswered).
  questions: z
    .array(text("Question", 1, QUESTION_MAX))
    .max(MAX_ANCHOR_QUESTIONS + 6, "Too many questions.")
    .default([]),
  answers: z
    .array(text("Answer", 0, ANSWER_MAX))
    .max(MAX_ANCHOR_QUESTIONS + 6, "Too many answers.")
    .default([]),
});

const sameLength = (v: { questions: string[]; answers: string[] }, ctx: z.RefinementCtx) => {
  if (v.questions.length !== v.answers.length)
    ctx.addIssue({ code: "custom", path: ["answers"], message: "Answer each question (an empty answer is allowed)." });
};

export const DecisionInput = DecisionFields.extend({
  behaviourId: Link("Choose a behaviour of your catalogue."),
  occurrenceId: Link("That meeting no longer exists."),
}).superRefine(sameLength);
export type DecisionInput = z.infer<typeof DecisionInput>;

// The behaviour and meeting a decision names are fixed once saved: its questions were asked for them.
// `from: "meeting"`: the form is on a meeting's page (a draft recorded there, completed there), which it stays on.
export const DecisionUpdateInput = DecisionFields.extend({
  id: Id,
  version: versionNumber(),
  from: z.literal("meeting").optional(),
}).superRefine(sameLength);
export type DecisionUpdateInput = z.infer<typeof DecisionUpdateInput>;

/** The admin's list: existing questions by id ("new" for an added one), in the order shown. */
export const AnchorQuestionsInput = z
  .object({
    stamp: z
      .string({ error: "Reload the page and try again." })
      .regex(/^[0-9a-f]{8}$/, "Reload the page and try again."),
    ids: z.array(id("Reload the page and try again.")).max(MAX_ANCHOR_QUESTIONS, "Too many questions."),
    texts: z
      .array(text("Question", 5, QUESTION_MAX))
      .max(MAX_ANCHOR_QUESTIONS, `Use at most ${MAX_ANCHOR_QUESTIONS} anchor questions.`),
  })
  .superRefine((v, ctx) => {
    if (v.ids.length !== v.texts.length)
      ctx.addIssue({ code: "custom", path: ["texts"], message: "Reload the page and try again." });
  });
export type AnchorQuestionsInput = z.infer<typeof AnchorQuestionsInput>;

export const DECISION_STATUSES = ["DECIDED", "DRAFT"] as const;

export const DecisionFilter = z.object({
  team: optionalId,
  ritual: optionalId,
  status: z.enum(DECISION_STATUSES).catch("DECIDED"),
});
export type DecisionFilter = z.infer<typeof DecisionFilter>;

// ---------------------------------------------------------------- DTOs

export interface SavedDecision {
  id: string;
  version: number;
  status: "DRAFT" | "DECIDED";
  /** Positions of the questions still unanswered (empty when decided). */
  unanswered: number[];
}

export interface AnchorQuestionDto {
  /** null for the built-in defaults of an organisation that never edited its list. */
  id: string | null;
  text: string;
}

export interface AnchorListDto {
  questions: AnchorQuestionDto[];
  stamp: string;
  isDefault: boolean;
}

export interface DecisionRowDto {
  id: string;
  title: string;
  status: "DRAFT" | "DECIDED";
  teamName: string | null;
  ritualTitle: string | null;
  occurrenceDate: string | null;
  behaviourTitle: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  createdAt: string;
  createdByName: string;
  unanswered: number;
}

export interface DecisionPageDto {
  rows: DecisionRowDto[];
  nextCursor: string | null;
  drafts: number;
}

export interface DecisionDetailDto extends DecisionRowDto {
  detail: string;
  version: number;
  teamId: string | null;
  behaviourId: string | null;
  answers: { question: string; answer: string }[];
}

export interface DecisionFormOptionsDto {
  /** The organisation's anchor questions, as a new decision asks them. */
  questions: string[];
  teams: { id: string; name: string }[];
  /** Behaviours with their own decision questions (anchors), offered when the decision names one. */
  behaviours: { id: string; name: string; anchors: string[] }[];
}
