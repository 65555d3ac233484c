import { z } from "./zod";
import { day, filterDay, id, text } from "./text";

const Id = id();
export const IdempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

const common = {
  behaviourId: Id,
  teamId: Id,
  note: text("Note", 0, 500).default(""),
  anonymous: z.boolean().default(false),
  // A fresh key per submit: a double tap or a retried request never saves twice.
  idempotencyKey: IdempotencyKey,
};

/** One tap: the behaviour was performed, or an opportunity was missed. */
export const LogObservationInput = z.object({
  ...common,
  outcome: z.enum(["performed", "missed"], { error: "Choose performed or missed." }),
  // When the tap was made, for a tap queued on the phone while offline (absent: now). Within the server's limits
  // (tappedAtProblem in domain/observations.ts).
  tappedAt: z.iso.datetime({ offset: true, error: "The time of the tap is not a valid time." }).optional(),
});
export type LogObservationInput = z.infer<typeof LogObservationInput>;

/** A batch: "in today's sprint review, 4 of 5 tickets got a root-cause note". */
export const LogBatchInput = z
  .object({
    ...common,
    performed: z.coerce
      .number({ error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(0, "Cannot be negative.")
      .max(1000, "At most 1,000 per batch."),
    opportunities: z.coerce
      .number({ error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(1, "At least 1 opportunity.")
      .max(1000, "At most 1,000 per batch."),
    occurredOn: day("Enter a date.").optional(),
  })
  .refine((v) => v.performed <= v.opportunities, {
    path: ["performed"],
    message: "Performed cannot be more than the opportunities.",
  });
export type LogBatchInput = z.infer<typeof LogBatchInput>;

export const UndoObservationInput = z.object({ id: Id, token: z.string().min(20).max(100) });
export const EditObservationInput = UndoObservationInput.extend({
  outcome: z.enum(["performed", "missed"]),
  note: text("Note", 0, 500).default(""),
});

export interface LogOptionsDto {
  teams: { id: string; name: string }[];
  behaviours: { id: string; title: string; sentence: string }[];
  /** Per team, how often each behaviour was logged in the last 90 days (most-used first in the UI). */
  usage: Record<string, Record<string, number>>;
}

export interface LoggedDto {
  id: string;
  undoToken: string;
  duplicate: boolean;
}

export interface ObservationImportPreviewDto {
  fileError: string | null;
  /** Set when this file, or some of its rows, was imported before: say so before importing again. */
  repeat: string | null;
  rows: {
    line: number;
    date: string;
    team: string;
    behaviour: string;
    performed: number;
    missed: number;
    errors: string[];
  }[];
  importable: number;
}

const maybe = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Filters of the observation list and its CSV export, as URL parameters. Bad values are dropped. */
export const ObservationFilter = z.object({
  team: maybe(z.string().regex(/^[a-z0-9]{1,40}$/)),
  behaviour: maybe(z.string().regex(/^[a-z0-9]{1,40}$/)),
  from: filterDay,
  to: filterDay,
});
export type ObservationFilter = z.infer<typeof ObservationFilter>;
