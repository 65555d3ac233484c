"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formObjectWithLists } from "@/lib/schemas/action-result";
import {
  AgendaItemAddInput,
  AgendaItemRefInput,
  AgendaMoveInput,
  AgendaNotesInput,
  AgendaStoryInput,
  OccurrenceRefInput,
  OpenOccurrenceInput,
  RitualInput,
  RitualRefInput,
  RitualUpdateInput,
} from "@/lib/schemas/rituals";
import { formAction } from "@/lib/server/action";
import { createRitual, setRitualArchived, updateRitual } from "@/lib/server/data/rituals";
import {
  addAgendaItem,
  moveAgendaItem,
  openOccurrence,
  removeAgendaItem,
  saveAgendaNotes,
  setAgendaStory,
  setOccurrenceState,
} from "@/lib/server/data/occurrences";

const withPeople = (form: FormData) => formObjectWithLists(form, ["participantIds"]);
const revalidateRituals = () => revalidatePath("/rituals", "layout");

export const createRitualAction = formAction({
  schema: RitualInput,
  permission: "rituals.manage",
  read: withPeople,
  run: (ctx, input) => createRitual(ctx, input),
  after: (id) => {
    revalidateRituals();
    redirect(`/rituals/${id}`);
  },
});

export const updateRitualAction = formAction({
  schema: RitualUpdateInput,
  permission: "rituals.manage",
  read: withPeople,
  run: (ctx, { id, version, ...input }) => updateRitual(ctx, id, version, input),
  after: (_, { id }) => {
    revalidateRituals();
    redirect(`/rituals/${id}`);
  },
});

export const archiveRitualAction = formAction({
  schema: RitualRefInput,
  permission: "rituals.manage",
  run: (ctx, { ritualId }) => setRitualArchived(ctx, ritualId, true),
  after: revalidateRituals,
});

export const restoreRitualAction = formAction({
  schema: RitualRefInput,
  permission: "rituals.manage",
  run: (ctx, { ritualId }) => setRitualArchived(ctx, ritualId, false),
  after: revalidateRituals,
});

// The facilitator may be any member: the data layer decides who runs a ritual's meetings.
export const openOccurrenceAction = formAction({
  schema: OpenOccurrenceInput,
  permission: null,
  run: (ctx, { ritualId, date }) => openOccurrence(ctx, ritualId, date),
  after: (id) => {
    revalidateRituals();
    redirect(`/rituals/meetings/${id}`);
  },
});

export const saveAgendaNotesAction = formAction({
  schema: AgendaNotesInput,
  permission: null,
  run: (ctx, { itemId, version, notes }) => saveAgendaNotes(ctx, itemId, version, notes),
  after: revalidateRituals,
});

export const addAgendaItemAction = formAction({
  schema: AgendaItemAddInput,
  permission: null,
  run: (ctx, { occurrenceId, title, prompt }) => addAgendaItem(ctx, occurrenceId, title, prompt),
  after: revalidateRituals,
});

export const moveAgendaItemAction = formAction({
  schema: AgendaMoveInput,
  permission: null,
  run: (ctx, { itemId, direction }) => moveAgendaItem(ctx, itemId, direction),
  after: revalidateRituals,
});

export const removeAgendaItemAction = formAction({
  schema: AgendaItemRefInput,
  permission: null,
  run: (ctx, { itemId }) => removeAgendaItem(ctx, itemId),
  after: revalidateRituals,
});

export const setAgendaStoryAction = formAction({
  schema: AgendaStoryInput,
  permission: null,
  run: (ctx, { itemId, storyId }) => setAgendaStory(ctx, itemId, storyId),
  after: revalidateRituals,
});

export const markHeldAction = formAction({
  schema: OccurrenceRefInput,
  permission: null,
  run: (ctx, { occurrenceId }) => setOccurrenceState(ctx, occurrenceId, "held"),
  after: revalidateRituals,
});

export const reopenOccurrenceAction = formAction({
  schema: OccurrenceRefInput,
  permission: null,
  run: (ctx, { occurrenceId }) => setOccurrenceState(ctx, occurrenceId, "planned"),
  after: revalidateRituals,
});

export const cancelOccurrenceAction = formAction({
  schema: OccurrenceRefInput,
  permission: null,
  run: (ctx, { occurrenceId }) => setOccurrenceState(ctx, occurrenceId, "cancelled"),
  after: revalidateRituals,
});
