import { z } from "./zod";
import { day, filterDay, id, optionalId, text, versionNumber } from "./text";
import { BarrierInput } from "./barriers";
import {
  CUSTOMER_MAX,
  FEEDBACK_SOURCES,
  QUOTE_MAX,
  SENTIMENTS,
  type FeedbackSource,
  type Sentiment,
} from "@/lib/domain/feedback";

const Id = id();
const Ids = z
  .array(Id)
  .max(50, "Choose at most 50.")
  .default([])
  .transform((ids) => [...new Set(ids)]);

/** A ritual occurrence the form was used in (the lead's meeting pages): shapes where the form goes back to. */
const OccurrenceId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{0,40}$/, "Reload the page and try again.")
  .optional()
  .transform((v) => v || undefined);

const FeedbackFields = z.object({
  quote: text("What the customer said", 3, QUOTE_MAX),
  source: z.enum(FEEDBACK_SOURCES, { error: "Choose where it came from." }),
  receivedOn: day("Enter the date the customer said it."),
  customer: text("Customer or segment", 0, CUSTOMER_MAX).default(""),
  sentiment: z.enum(SENTIMENTS, { error: "Choose positive, negative or mixed." }),
  behaviourIds: Ids,
  barrierIds: Ids,
  metricIds: Ids,
  teamIds: Ids,
});

export const FEEDBACK_LISTS = ["behaviourIds", "barrierIds", "metricIds", "teamIds"] as const;

export const FeedbackInput = FeedbackFields.extend({
  // A story opens check-ins (standups, ritual agendas).
  isStory: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
  occurrenceId: OccurrenceId,
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export const FeedbackUpdateInput = FeedbackFields.extend({ id: Id, version: versionNumber() });
export type FeedbackUpdateInput = z.infer<typeof FeedbackUpdateInput>;
export type FeedbackFieldsInput = z.infer<typeof FeedbackFields>;

export const FeedbackIdInput = z.object({ id: Id });

export const FeedbackStoryInput = z.object({
  id: Id,
  isStory: z.enum(["true", "false"], { error: "Reload the page and try again." }).transform((v) => v === "true"),
});

/** A barrier made from feedback: the barrier form's fields, and the feedback that is its evidence. */
export const BarrierFromFeedbackInput = BarrierInput.and(
  z.object({
    feedbackIds: z
      .array(Id)
      .min(1, "Choose the feedback this barrier comes from.")
      .max(100, "Choose at most 100.")
      .transform((ids) => [...new Set(ids)]),
    occurrenceId: OccurrenceId,
  }),
);
export type BarrierFromFeedbackInput = z.infer<typeof BarrierFromFeedbackInput>;

const maybe = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Filters of the feedback list and its export, as URL parameters. Bad values are dropped. */
export const FeedbackFilter = z.object({
  q: maybe(
    z
      .string()
      .trim()
      .max(200)
      .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, "") || undefined),
  ),
  sentiment: maybe(z.enum(SENTIMENTS)),
  source: maybe(z.enum(FEEDBACK_SOURCES)),
  team: optionalId,
  behaviour: optionalId,
  barrier: optionalId,
  from: filterDay,
  to: filterDay,
  stories: maybe(z.enum(["1"])),
});
export type FeedbackFilter = z.infer<typeof FeedbackFilter>;

// Keyset cursor: (receivedOn, id) of the last row shown; the list runs newest day first.
export function encodeFeedbackCursor(row: { receivedOn: string; id: string }): string {
  return `${row.receivedOn}_${row.id}`;
}
export function decodeFeedbackCursor(cursor: string | undefined): { receivedOn: string; id: string } | null {
  const m = cursor ? /^(\d{4}-\d{2}-\d{2})_([A-Za-z0-9_-]{1,40})$/.exec(cursor) : null;
  return m ? { receivedOn: m[1]!, id: m[2]! } : null;
}

export function feedbackQuery(filter: FeedbackFilter, extra: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v) params.set(k, v);
  return params.toString();
}

// ---------------------------------------------------------------- DTOs

export interface Named {
  id: string;
  name: string;
}

export interface FeedbackRowDto {
  id: string;
  quote: string;
  source: FeedbackSource;
  receivedOn: string;
  customer: string;
  sentiment: Sentiment;
  isStory: boolean;
  behaviours: Named[];
  barriers: Named[];
  metrics: Named[];
  teams: Named[];
}

export interface FeedbackDetailDto extends FeedbackRowDto {
  version: number;
  createdByName: string;
  createdAt: string;
  /** The caller may edit and delete it: their own, or anyone's with feedback.manage. */
  canEdit: boolean;
}

export interface FeedbackPageDto {
  rows: FeedbackRowDto[];
  nextCursor: string | null;
}

export interface FeedbackOptionsDto {
  behaviours: Named[];
  barriers: Named[];
  metrics: Named[];
  teams: Named[];
}

export interface FeedbackFormValues {
  quote: string;
  source: string;
  receivedOn: string;
  customer: string;
  sentiment: string;
  behaviourIds: string[];
  barrierIds: string[];
  metricIds: string[];
  teamIds: string[];
}

export interface FeedbackImportPreviewDto {
  fileError: string | null;
  /** Set when this file was imported before: it is refused, naming the earlier import. */
  repeat: string | null;
  rows: {
    line: number;
    quote: string;
    source: string;
    date: string;
    customer: string;
    sentiment: string;
    links: string;
    errors: string[];
  }[];
  importable: number;
}

export interface StoryDto {
  id: string;
  quote: string;
  customer: string;
  source: FeedbackSource;
  sentiment: Sentiment;
  receivedOn: string;
}

export interface BarrierFeedbackDto {
  counts: Record<Sentiment, number>;
  total: number;
  items: {
    id: string;
    quote: string;
    customer: string;
    receivedOn: string;
    sentiment: Sentiment;
    source: FeedbackSource;
  }[];
}

export interface PainPointGroupDto {
  kind: "behaviour" | "barrier" | "none";
  /** The behaviour's or barrier's id; null for feedback linked to neither. */
  id: string | null;
  name: string;
  count: number;
  quotes: { id: string; quote: string; customer: string; receivedOn: string }[];
}
