// The token API's requests and responses (issue 20, docs/decisions/031). The route handlers parse
// with these schemas, and the OpenAPI document (src/lib/server/api/openapi.ts) is generated from
// them, so the reference cannot drift from what the handlers accept and answer.
import { z } from "./zod";
import { day, id, text } from "./text";
import { IdempotencyKey } from "./observations";
import { Email } from "./auth";
import { API_SCOPES } from "@/lib/domain/api-tokens";
import { DETERMINANTS } from "@/lib/domain/surveys";

// ---------------------------------------------------------------- the admin page's form

export const ApiTokenInput = z.object({
  name: text("Name", 1, 80),
  scopes: z
    .array(z.enum(API_SCOPES, { error: "Choose what the token may do." }), { error: "Choose what the token may do." })
    .min(1, "Choose at least one scope.")
    .transform((list) => [...new Set(list)]),
  // A day (the organisation's): the token works until that day ends. Blank: no expiry.
  expiresOn: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    day("Enter a date.", { future: true }).nullable(),
  ),
});
export type ApiTokenInput = z.infer<typeof ApiTokenInput>;
export const ApiTokenIdInput = z.object({ id: id() });

/** A SCIM token (docs/decisions/038): a name and an optional last day, no scopes. */
export const ScimTokenInput = ApiTokenInput.omit({ scopes: true });
export type ScimTokenInput = z.infer<typeof ScimTokenInput>;

export interface ApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  createdByName: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: "active" | "expired" | "revoked";
}
export interface ApiTokenCreatedDto {
  id: string;
  /** The whole secret: shown once, never stored (only its SHA-256 is). */
  token: string;
}

// ---------------------------------------------------------------- requests

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Items per page (1–100, default 50)."),
  cursor: z.string().min(1).max(400).optional().describe("The nextCursor of the page before."),
});

export const ApiObservationInput = z
  .object({
    idempotencyKey: IdempotencyKey.describe(
      "A fresh key per entry (8–64 letters, digits, - or _), unique in the organisation. Sending the same entry again with the same key logs it once; the same key with a different entry (or another occurredOn) is a 409.",
    ),
    behaviourId: id("Give the id of an active behaviour of your organisation."),
    teamId: id("Give the id of a team of your organisation."),
    performed: z.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(0).max(1000),
    opportunities: z
      .number({ error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(1)
      .max(1000)
      .default(1)
      .describe("How many situations were observed; performed of them were done as described (default 1)."),
    occurredOn: day("Enter a date (YYYY-MM-DD).")
      .optional()
      .describe("The organisation's day it happened on; default: now."),
    note: text("Note", 0, 500).default(""),
    observerEmail: Email.optional().describe(
      "The e-mail of the member who logged it: an active member of your organisation and of the team. The entry is then theirs, as if logged on their Log pad (they see it among their own entries, and it counts as named for the organisation's retention). Default: nobody's (an anonymous entry of the organisation).",
    ),
  })
  .refine((v) => v.performed <= v.opportunities, {
    path: ["performed"],
    message: "Performed cannot be more than the opportunities.",
  });
export type ApiObservationInput = z.infer<typeof ApiObservationInput>;

export const ApiObservationBatchInput = z.object({
  observations: z
    .array(ApiObservationInput)
    .min(1, "Send at least one observation.")
    .max(100, "Send at most 100 observations at once.")
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((o, i) => {
        if (seen.has(o.idempotencyKey))
          ctx.addIssue({ code: "custom", path: [i, "idempotencyKey"], message: "Each entry needs its own key." });
        seen.add(o.idempotencyKey);
      });
    }),
});
export type ApiObservationBatchInput = z.infer<typeof ApiObservationBatchInput>;

export const ObservationsQuery = PageQuery.extend({
  behaviourId: id().optional(),
  teamId: id().optional(),
});

export const ApiReadingInput = z.object({
  date: day("Enter a date (YYYY-MM-DD)."),
  teamId: id("Give the id of a team of your organisation.")
    .nullable()
    .default(null)
    .describe("A team's reading; null or left out: organisation-wide."),
  value: z.number({ error: "Enter a number." }).finite().min(-1e12).max(1e12),
});
export type ApiReadingInput = z.infer<typeof ApiReadingInput>;

export const AdoptionQuery = PageQuery.extend({
  from: day("Enter a date (YYYY-MM-DD).").optional().describe("First day (default: 12 weeks ago)."),
  to: day("Enter a date (YYYY-MM-DD).", { future: true }).optional().describe("Last day (default: today)."),
  behaviourId: id().optional(),
  teamId: id().optional(),
});
export type AdoptionQuery = z.infer<typeof AdoptionQuery>;

// ---------------------------------------------------------------- responses

const Instant = z.iso.datetime();
const Day = z.iso.date();

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          detail: z.string(),
          pointer: z.string().optional().describe("A JSON pointer into the request body."),
          parameter: z.string().optional().describe("A query parameter."),
        }),
      )
      .optional(),
  })
  .describe("RFC 9457 problem details");

const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const BehaviourOut = z.object({
  id: z.string(),
  title: z.string(),
  sentence: z.string(),
  status: z.enum(["DRAFT", "IN_REVIEW", "ACTIVE", "RETIRED"]),
  parentId: z.string().nullable().describe("Set for a local variant: observations count for the parent."),
});
export const TeamOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["TEAM", "VALUE_STREAM"]),
  parentId: z.string().nullable(),
  archived: z.boolean(),
});
export const MetricOut = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  computed: z.boolean().describe("Computed from a behaviour's adoption: takes no readings."),
});
export const ObservationOut = z.object({
  id: z.string(),
  behaviourId: z.string(),
  teamId: z.string(),
  occurredAt: Instant,
  dayOnly: z.boolean(),
  performed: z.number().int(),
  missed: z.number().int(),
  note: z.string(),
  source: z.enum(["LOG", "BATCH", "IMPORT", "API"]),
  createdAt: Instant,
});
export const LoggedOut = z.object({ id: z.string(), status: z.enum(["created", "duplicate"]) });
export const BatchOut = z.object({
  results: z.array(
    z.object({
      index: z.number().int(),
      id: z.string().nullable(),
      status: z.enum(["created", "duplicate", "conflict"]),
    }),
  ),
});
export const ReadingOut = z.object({
  metricId: z.string(),
  date: Day,
  teamId: z.string().nullable(),
  value: z.number(),
});
export const AdoptionRowOut = z.object({
  week: Day.describe("The first day of the organisation's week."),
  behaviourId: z.string(),
  teamId: z.string(),
  performed: z.number().int().nullable().describe("Null when the team's figures are hidden (see suppressed)."),
  missed: z.number().int().nullable().describe("Null when the team's figures are hidden (see suppressed)."),
  adoption: z.number().min(0).max(1).nullable().describe("performed / (performed + missed)"),
  suppressed: z
    .enum(["small", "complement"])
    .nullable()
    .describe(
      "Why the team's figures are hidden under the organisation's minimum group size: `small`, fewer active members than the threshold; `complement`, hidden so that a smaller team's figures cannot be worked out from a total. Null when shown.",
    ),
});
const nullableNumber = z.number().nullable();
export const TabulationOut = z.object({
  survey: z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(["OPEN", "CLOSED"]),
    closed: z.boolean(),
    behaviourId: z.string(),
    behaviourTitle: z.string(),
  }),
  doers: z.number().int(),
  nonDoers: z.number().int(),
  prevalence: z.number(),
  warning: z.string().nullable(),
  rows: z.array(
    z.object({
      questionId: z.string(),
      question: z.string(),
      determinant: z.enum(DETERMINANTS),
      optionId: z.string(),
      response: z.string(),
      stats: z.object({
        doersWith: z.number().int(),
        doersTotal: z.number().int(),
        nonDoersWith: z.number().int(),
        nonDoersTotal: z.number().int(),
        pctDoers: nullableNumber,
        pctNonDoers: nullableNumber,
        oddsRatio: nullableNumber,
        orCiLow: nullableNumber,
        orCiHigh: nullableNumber,
        err: nullableNumber,
        pValue: nullableNumber,
        test: z.string().nullable(),
        corrected: z.boolean(),
        significant: z.boolean(),
        direction: z.enum(["enabler", "barrier"]).nullable(),
      }),
    }),
  ),
});

export const BehaviourPage = page(BehaviourOut);
export const TeamPage = page(TeamOut);
export const MetricPage = page(MetricOut);
export const ObservationPage = page(ObservationOut);
export const AdoptionPage = page(AdoptionRowOut);

export type BehaviourOut = z.infer<typeof BehaviourOut>;
export type TeamOut = z.infer<typeof TeamOut>;
export type MetricOut = z.infer<typeof MetricOut>;
export type ObservationOut = z.infer<typeof ObservationOut>;
export type LoggedOut = z.infer<typeof LoggedOut>;
export type BatchOut = z.infer<typeof BatchOut>;
export type ReadingOut = z.infer<typeof ReadingOut>;
export type AdoptionRowOut = z.infer<typeof AdoptionRowOut>;
export type TabulationOut = z.infer<typeof TabulationOut>;
export type Paged<T> = { data: T[]; nextCursor: string | null };
