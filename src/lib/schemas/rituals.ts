import { z } from "./zod";
import { day, id, text, versionNumber } from "./text";
import { CADENCES, RITUAL_KINDS, type AgendaSection, type Cadence, type RitualKind } from "@/lib/domain/rituals";

const Id = id();
const optional = (v: unknown) => (v === "" || v === undefined ? null : v);
const blankAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const RitualFields = z.object({
  kind: z.enum(RITUAL_KINDS, { error: "Choose the kind of ritual." }),
  title: text("Title", 3, 120),
  // Empty: the whole organisation.
  teamId: z.preprocess(optional, Id.nullable()),
  cadence: z.enum(CADENCES, { error: "Choose how often it meets." }),
  weekday: z.preprocess(
    optional,
    z.coerce.number({ error: "Choose a weekday." }).int("Choose a weekday.").min(1).max(7).nullable(),
  ),
  weekOfMonth: z.preprocess(
    optional,
    z.coerce.number({ error: "Choose which week." }).int("Choose which week.").min(1).max(5).nullable(),
  ),
  startTime: z.preprocess(
    optional,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time as HH:MM, e.g. 09:30.")
      .nullable(),
  ),
  startsOn: day("Enter the first meeting's date.", { future: true }),
  facilitatorId: id("Choose who facilitates."),
  participantIds: z
    .array(Id)
    .max(200, "Choose at most 200 participants.")
    .transform((ids) => [...new Set(ids)]),
});

/** A recurring ritual meets on a weekday; a monthly one also on which of the month's weekdays. */
const scheduleRules = (v: z.infer<typeof RitualFields>, ctx: z.RefinementCtx) => {
  if (v.cadence !== "AD_HOC" && v.weekday === null)
    ctx.addIssue({ code: "custom", path: ["weekday"], message: "Choose the weekday it meets on." });
  if (v.cadence === "MONTHLY" && v.weekOfMonth === null)
    ctx.addIssue({ code: "custom", path: ["weekOfMonth"], message: "Choose which week of the month." });
};

const normalise = (v: z.infer<typeof RitualFields>) => ({
  ...v,
  weekday: v.cadence === "AD_HOC" ? null : v.weekday,
  weekOfMonth: v.cadence === "MONTHLY" ? v.weekOfMonth : null,
});

export const RitualInput = RitualFields.superRefine(scheduleRules).transform(normalise);
export type RitualInput = z.output<typeof RitualInput>;

export const RitualUpdateInput = RitualFields.extend({ id: Id, version: versionNumber() })
  .superRefine(scheduleRules)
  .transform((v) => ({ ...v, ...normalise(v) }));

export const RitualRefInput = z.object({ ritualId: Id });

export const OpenOccurrenceInput = z.object({
  ritualId: Id,
  date: day("Enter the meeting's date.", { future: true }),
});

export const OccurrenceRefInput = z.object({ occurrenceId: Id });

export const AgendaNotesInput = z.object({
  itemId: Id,
  notes: text("Notes", 0, 5000).prefault(""),
  version: versionNumber(),
});

export const AgendaItemAddInput = z.object({
  occurrenceId: Id,
  title: text("Item", 2, 200),
  prompt: z.preprocess(blankAsUndefined, text("Question", 0, 500).optional()).transform((v) => v ?? ""),
});

export const AgendaMoveInput = z.object({
  itemId: Id,
  direction: z.enum(["up", "down"], { error: "Choose up or down." }),
});

export const AgendaItemRefInput = z.object({ itemId: Id });

export const AgendaStoryInput = z.object({
  itemId: Id,
  storyId: z.preprocess(optional, id("Choose a story.").nullable()),
});

// ——— DTOs

export interface RitualSummaryDto {
  id: string;
  kind: RitualKind;
  kindLabel: string;
  title: string;
  scopeName: string;
  schedule: string;
  facilitatorName: string;
  participants: number;
  nextDate: string | null;
  lastDate: string | null;
  archived: boolean;
}

export interface RitualFormValues {
  kind: RitualKind;
  title: string;
  teamId: string;
  cadence: Cadence;
  weekday: string;
  weekOfMonth: string;
  startTime: string;
  startsOn: string;
  facilitatorId: string;
  participantIds: string[];
}

export interface OccurrenceSummaryDto {
  id: string;
  date: string;
  periodStart: string;
  held: boolean;
  cancelled: boolean;
  openActions: number;
  decisions: number;
}

export interface RitualDetailDto extends RitualSummaryDto {
  purpose: string;
  teamId: string | null;
  facilitatorId: string;
  participantNames: string[];
  version: number;
  values: RitualFormValues;
  /** The next meeting days by the schedule that have no occurrence yet. */
  upcoming: string[];
  occurrences: OccurrenceSummaryDto[];
  /** More occurrences exist than are listed (older ones). */
  moreOccurrences: boolean;
  canManage: boolean;
  canRun: boolean;
}

export interface AgendaItemDto {
  id: string;
  section: AgendaSection;
  title: string;
  prompt: string;
  notes: string;
  version: number;
  position: number;
  storyId: string | null;
}
