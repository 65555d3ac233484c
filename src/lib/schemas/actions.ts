import { z } from "./zod";
import { day, id, optionalId, text, versionNumber } from "./text";
import { ACTION_STATUSES, decodeActionCursor, type ActionStatus } from "@/lib/domain/actions";
import type { IsoDate } from "@/lib/domain/dates";
import type { BarrierDetailDto } from "./barriers";

const Id = id();
/** A reference the form may leave empty ("" = none). */
const Link = (message: string) => z.preprocess((v) => (v === "" || v === undefined ? null : v), id(message).nullable());

const ActionFields = z.object({
  title: text("Title", 3, 160),
  detail: text("Detail", 0, 2000).default(""),
  ownerId: id("Choose who owns the action."),
  // A due day may be in the past: an action written down late is still overdue.
  dueOn: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    day("Enter a real date, or leave it empty.", { future: true }).nullable(),
  ),
  teamId: Link("Choose a team of your organisation."),
  behaviourId: Link("Choose a behaviour of your catalogue."),
  barrierId: Link("Choose a barrier of your organisation."),
  interventionId: Link("Choose an intervention of your organisation."),
  metricId: Link("Choose a metric of your organisation."),
});

export const ActionInput = ActionFields.extend({
  // The ritual occurrence it came from (set by the meeting's page, not chosen).
  occurrenceId: Link("That meeting no longer exists."),
});
export type ActionInput = z.infer<typeof ActionInput>;

export const ActionUpdateInput = ActionFields.extend({ id: Id, version: versionNumber() });
export type ActionUpdateInput = z.infer<typeof ActionUpdateInput>;

export const CloseActionInput = z
  .object({
    id: Id,
    version: versionNumber(),
    status: z.enum(["DONE", "DROPPED"], { error: "Choose done or dropped." }),
    reason: text("Reason", 0, 500).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.status === "DROPPED" && v.reason === "")
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the action is dropped." });
  });
export type CloseActionInput = z.infer<typeof CloseActionInput>;

export const ReopenActionInput = z.object({ id: Id, version: versionNumber() });

export const ACTION_SCOPES = ["mine", "all", "team"] as const;
export type ActionScope = (typeof ACTION_SCOPES)[number];

/** The list's filters, from the URL: anything malformed is simply no filter. */
export const ActionFilter = z.object({
  scope: z.enum(ACTION_SCOPES).catch("mine"),
  team: optionalId,
  status: z.enum(ACTION_STATUSES).optional().catch(undefined),
  overdue: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
});
export type ActionFilter = z.infer<typeof ActionFilter>;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export function parseActionParams(sp: Record<string, string | string[] | undefined>): {
  filter: ActionFilter;
  cursor?: string;
} {
  const flat = Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, first(v)]));
  const filter = ActionFilter.parse(flat);
  const cursor = typeof flat.cursor === "string" && decodeActionCursor(flat.cursor) ? flat.cursor : undefined;
  return { filter, cursor };
}

export function actionQuery(filter: ActionFilter, extra: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  if (filter.scope !== "mine") params.set("scope", filter.scope);
  if (filter.team) params.set("team", filter.team);
  if (filter.status) params.set("status", filter.status);
  if (filter.overdue) params.set("overdue", "1");
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  return params.toString();
}

// ---------------------------------------------------------------- DTOs

export interface ActionRowDto {
  id: string;
  title: string;
  status: ActionStatus;
  dueOn: IsoDate | null;
  overdue: boolean;
  ownerName: string;
  teamName: string | null;
  /** "Weekly check-in, 3 Dec 2026" when it came from a meeting. */
  occurrenceLabel: string | null;
  occurrenceId: string | null;
  /** Whether it is about a barrier (closed by the barrier's evidence, not a tick). */
  aboutBarrier: boolean;
}

export interface ActionPageDto {
  rows: ActionRowDto[];
  nextCursor: string | null;
}

export interface OverdueActionsDto {
  count: number;
  first: ActionRowDto[];
}

export interface LinkDto {
  id: string;
  name: string;
}

export interface ActionDetailDto extends ActionRowDto {
  detail: string;
  dropReason: string;
  closedAt: string | null;
  version: number;
  createdByName: string;
  createdAt: string;
  behaviour: LinkDto | null;
  intervention: LinkDto | null;
  metric: LinkDto | null;
  barrier:
    | (LinkDto & {
        status: string;
        /** The before/after frozen when the barrier was marked removed. */
        removalEvidence: BarrierDetailDto["removalEvidence"];
      })
    | null;
  /** Why "done" is not possible yet (the barrier rule), or null. */
  doneBlocked: string | null;
  canClose: boolean;
  canEdit: boolean;
}

export interface ActionOptionsDto {
  owners: LinkDto[];
  teams: LinkDto[];
  behaviours: LinkDto[];
  barriers: LinkDto[];
  interventions: LinkDto[];
  metrics: LinkDto[];
}

export interface ActionFormValues {
  title: string;
  detail: string;
  ownerId: string;
  dueOn: string;
  teamId: string;
  behaviourId: string;
  barrierId: string;
  interventionId: string;
  metricId: string;
}
