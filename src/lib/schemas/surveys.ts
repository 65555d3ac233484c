import { z } from "./zod";
import { CONTROL, day, id, text } from "./text";
import { addDays, currentDay, type IsoDate } from "@/lib/domain/dates";
import { CLOSING_DAY_IN_PAST } from "@/lib/domain/survey-closing";
import {
  DETERMINANTS,
  type Determinant,
  type Group,
  type QuestionKind,
  type TabulationRow,
} from "@/lib/domain/surveys";

const Id = id();
const GROUPS = ["DOER", "NON_DOER", "EXCLUDED"] as const;
const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

const OptionInput = z.object({
  // ";" separates several responses in a CSV cell, so it cannot be part of one.
  label: text("Response", 1, 120).refine((s) => !s.includes(";"), "A response cannot contain “;”."),
  classifies: z.enum(GROUPS).nullable().default(null),
});

const QuestionInput = z
  .object({
    text: text("Question", 5, 300),
    kind: z.enum(["SCREENING", "DETERMINANT"]),
    determinant: z.enum(DETERMINANTS).nullable().default(null),
    multiple: z.boolean().default(false),
    options: z.array(OptionInput).min(2, "Give at least two responses.").max(12, "Use at most 12 responses."),
  })
  .superRefine((q, ctx) => {
    if (q.kind === "DETERMINANT" && !q.determinant)
      ctx.addIssue({ code: "custom", message: `“${q.text}”: choose the determinant it asks about.` });
    if (q.kind === "SCREENING" && q.options.some((o) => !o.classifies))
      ctx.addIssue({ code: "custom", message: `“${q.text}”: say which group each screening response stands for.` });
    if (q.kind === "SCREENING" && q.multiple)
      ctx.addIssue({ code: "custom", message: `“${q.text}”: a screening question takes one response.` });
    const labels = q.options.map((o) => norm(o.label));
    if (new Set(labels).size !== labels.length)
      ctx.addIssue({ code: "custom", message: `“${q.text}”: two responses have the same text.` });
  });

/** The builder sends its questions as JSON in one field; every rule of a valid survey is here. */
const Questions = z
  .string({ error: "Add questions." })
  .max(100_000, "Too many questions.")
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "The questions could not be read. Reload the page and try again." });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(QuestionInput, { error: "Add questions." })
      .max(40, "Use at most 40 questions.")
      .superRefine((qs, ctx) => {
        const screening = qs.filter((q) => q.kind === "SCREENING");
        if (screening.length === 0)
          ctx.addIssue({ code: "custom", message: "Add a screening question that tells doers from non-doers." });
        if (!qs.some((q) => q.kind === "DETERMINANT"))
          ctx.addIssue({ code: "custom", message: "Add at least one question about a determinant." });
        const groups = new Set(screening.flatMap((q) => q.options.map((o) => o.classifies)));
        if (screening.length > 0 && !(groups.has("DOER") && groups.has("NON_DOER"))) {
          ctx.addIssue({
            code: "custom",
            message: "The screening responses must be able to classify someone as a doer and as a non-doer.",
          });
        }
        const texts = qs.map((q) => norm(q.text));
        const twice = texts.find((t, i) => texts.indexOf(t) !== i);
        // Imported files name their columns by question text, so each must be unique.
        if (twice) ctx.addIssue({ code: "custom", message: `Two questions have the same text: “${twice}”.` });
      }),
  );

/**
 * The last day a survey takes responses; empty: open until closed by hand. Here a day before today anywhere on Earth
 * is refused (the schema does not know the organisation); the data layer checks the organisation's own today.
 */
const ClosesOn = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  day("Enter a real date, or leave it empty.", { future: true })
    .refine((d) => d >= addDays(currentDay(), -1), CLOSING_DAY_IN_PAST)
    .nullable(),
);

export const SurveyInput = z.object({
  title: text("Title", 3, 120),
  behaviourId: Id,
  // Entered as a percentage; empty means unknown (10% is used, as Barrier Analysis recommends).
  prevalencePct: z.preprocess(
    (v) => (v === "" || v === undefined ? 10 : v),
    z.coerce
      .number({ error: "Enter a percentage between 1 and 99." })
      .min(1, "Enter a percentage between 1 and 99.")
      .max(99, "Enter a percentage between 1 and 99."),
  ),
  anonymous: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  closesOn: ClosesOn,
  questions: Questions,
});
export type SurveyInput = z.infer<typeof SurveyInput>;
export type QuestionInput = z.infer<typeof QuestionInput>;

export const SurveyIdInput = z.object({ surveyId: Id });
export const SurveyClosesOnInput = z.object({ surveyId: Id, closesOn: ClosesOn });
export const SurveyStatusInput = z.object({ surveyId: Id, status: z.enum(["OPEN", "CLOSED"]) });
export const BarrierFromResponseInput = z.object({ surveyId: Id, optionId: Id });

/** An in-app response: the survey, and the choices responseChoices() read from the form. */
export const SurveyResponseInput = SurveyIdInput.extend({ choices: z.map(z.string(), z.array(z.string())) });

/** An in-app response: q_<questionId> → option id(s). */
export function responseChoices(form: FormData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("q_") || typeof value !== "string" || value.length > 40 || CONTROL.test(value)) continue;
    const qid = key.slice(2, 42);
    out.set(qid, [...(out.get(qid) ?? []), value]);
  }
  return out;
}

// ---------------------------------------------------------------- DTOs

export interface SurveyRowDto {
  id: string;
  title: string;
  behaviourTitle: string;
  status: "OPEN" | "CLOSED";
  /** The last day it takes responses (the organisation's day), or null. */
  closesOn: IsoDate | null;
  /** Closed by hand or by date, on the organisation's today. */
  closed: boolean;
  respondents: number;
  createdAt: string;
}

export interface SurveyQuestionDto {
  id: string;
  text: string;
  kind: QuestionKind;
  determinant: Determinant | null;
  multiple: boolean;
  options: { id: string; label: string; classifies: Group | null }[];
}

export interface SurveyDto {
  id: string;
  title: string;
  behaviour: { id: string; title: string; sentence: string };
  prevalence: number;
  anonymous: boolean;
  status: "OPEN" | "CLOSED";
  closesOn: IsoDate | null;
  /** Closed by hand or by date, on the organisation's today: it takes no responses. */
  closed: boolean;
  /** When its answers lost every link to a person (a week after closing): it cannot reopen. */
  deidentifiedAt: string | null;
  questions: SurveyQuestionDto[];
  counts: { doers: number; nonDoers: number; excluded: number; fromApp: number; imported: number };
}

export interface TabulationDto {
  rows: (TabulationRow & { barrierId: string | null })[];
  doers: number;
  nonDoers: number;
  warning: string | null;
  prevalence: number;
}

export interface SurveyImportPreviewDto {
  fileError: string | null;
  rows: { line: number; respondent: string; group: Group | null; answers: number; errors: string[] }[];
  importable: number;
}
