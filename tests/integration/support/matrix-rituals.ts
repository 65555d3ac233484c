// Matrix rows for the rituals and their meetings (issue 16). A meeting's actions need no
// permission of their own: the ritual's facilitator (here the manager) runs it, as do managers;
// notes need a seat (participant) or the same. rituals.test.ts covers members who facilitate.
import { db } from "@/lib/server/db";
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
import {
  createRitual,
  getRitual,
  listRituals,
  ritualFormOptions,
  setRitualArchived,
  updateRitual,
} from "@/lib/server/data/rituals";
import {
  addAgendaItem,
  moveAgendaItem,
  openOccurrence,
  removeAgendaItem,
  saveAgendaNotes,
  setAgendaStory,
  setOccurrenceState,
} from "@/lib/server/data/occurrences";
import { getOccurrence, occurrenceMarkdown } from "@/lib/server/data/occurrence-view";
import { A, ALL, MANAGERS, at, row, type Row } from "./matrix-core";
import { today, uid, type Side } from "./matrix-scenario";

const ritualForm = (s: Side, over: Record<string, unknown> = {}) => ({
  kind: "RETROSPECTIVE",
  title: `Team retrospective ${uid()}`,
  teamId: s.team.id,
  cadence: "FORTNIGHTLY",
  weekday: "5",
  weekOfMonth: "",
  startTime: "15:00",
  startsOn: today(),
  facilitatorId: s.people.MANAGER.membershipId,
  participantIds: [],
  ...over,
});

/** A fresh ritual facilitated by the side's manager, with no other participant. */
const ritualOf = (s: Side) => createRitual(s.people.ADMIN.ctx, RitualInput.parse(ritualForm(s)));
async function meetingOf(s: Side) {
  const ritualId = await ritualOf(s);
  return openOccurrence(s.people.ADMIN.ctx, ritualId, today());
}
async function itemOf(s: Side, section?: "CUSTOMER_STORY") {
  const occurrenceId = await meetingOf(s);
  const items = await db().agendaItem.findMany({
    where: { occurrenceId, ...(section ? { section } : { section: { not: "CARRIED_ACTIONS" } }) },
    orderBy: { position: "asc" },
    select: { id: true, version: true },
  });
  return { occurrenceId, item: items[items.length > 1 ? 1 : 0]! };
}
async function storyOf(s: Side) {
  const f = await db().customerFeedback.create({
    data: {
      organizationId: s.org.id,
      quote: "You called me back before closing: that is why we stay.",
      source: "SUPPORT_TICKET",
      receivedOn: new Date(`${today()}T00:00:00Z`),
      sentiment: "POSITIVE",
      isStory: true,
      createdById: s.people.MANAGER.membershipId,
    },
    select: { id: true },
  });
  return f.id;
}

const RUNS = "the ritual's facilitator (the manager here) or rituals.manage; the data layer decides";
const SEAT = "participants, the facilitator (the manager here) or rituals.manage; the data layer decides";

export const RITUAL_ROWS: Row<unknown>[] = [
  row({
    action: "createRitualAction",
    surface: A("rituals"),
    requires: "rituals.manage",
    data: "rituals.createRitual",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => RitualInput.parse(ritualForm(s, { participantIds: [s.people.MEMBER.membershipId] })),
    call: (ctx, input) => createRitual(ctx, input),
    ids: [at("teamId", "rule"), at("facilitatorId", "rule"), at("participantIds", "rule")],
  }),
  row({
    action: "updateRitualAction",
    surface: A("rituals"),
    requires: "rituals.manage",
    data: "rituals.updateRitual",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => RitualUpdateInput.parse({ ...ritualForm(s), id: await ritualOf(s), version: "1" }),
    call: (ctx, { id, version, ...input }) => updateRitual(ctx, id, version, input),
    ids: [at("id", "not-found"), at("teamId", "rule"), at("facilitatorId", "rule")],
  }),
  row({
    action: "archiveRitualAction",
    surface: A("rituals"),
    requires: "rituals.manage",
    data: "rituals.setRitualArchived",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => RitualRefInput.parse({ ritualId: await ritualOf(s) }),
    call: (ctx, { ritualId }) => setRitualArchived(ctx, ritualId, true),
    ids: [at("ritualId", "not-found")],
  }),
  row({
    action: "restoreRitualAction",
    surface: A("rituals"),
    requires: "rituals.manage",
    data: "rituals.setRitualArchived",
    variant: "restore",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => {
      const ritualId = await ritualOf(s);
      await setRitualArchived(s.people.ADMIN.ctx, ritualId, true);
      return RitualRefInput.parse({ ritualId });
    },
    call: (ctx, { ritualId }) => setRitualArchived(ctx, ritualId, false),
    ids: [at("ritualId", "not-found")],
  }),
  row({
    action: "openOccurrenceAction",
    surface: A("rituals"),
    requires: null,
    note: RUNS,
    data: "occurrences.openOccurrence",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => OpenOccurrenceInput.parse({ ritualId: await ritualOf(s), date: today() }),
    call: (ctx, { ritualId, date }) => openOccurrence(ctx, ritualId, date),
    ids: [at("ritualId", "not-found")],
  }),
  row({
    action: "saveAgendaNotesAction",
    surface: A("rituals"),
    requires: null,
    note: SEAT,
    data: "occurrences.saveAgendaNotes",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => {
      const { item } = await itemOf(s);
      return AgendaNotesInput.parse({ itemId: item.id, version: String(item.version), notes: "Agreed." });
    },
    call: (ctx, { itemId, version, notes }) => saveAgendaNotes(ctx, itemId, version, notes),
    ids: [at("itemId", "not-found")],
  }),
  row({
    action: "addAgendaItemAction",
    surface: A("rituals"),
    requires: null,
    note: RUNS,
    data: "occurrences.addAgendaItem",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => AgendaItemAddInput.parse({ occurrenceId: await meetingOf(s), title: "Pricing", prompt: "" }),
    call: (ctx, { occurrenceId, title, prompt }) => addAgendaItem(ctx, occurrenceId, title, prompt),
    ids: [at("occurrenceId", "not-found")],
  }),
  row({
    action: "moveAgendaItemAction",
    surface: A("rituals"),
    requires: null,
    note: RUNS,
    data: "occurrences.moveAgendaItem",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => AgendaMoveInput.parse({ itemId: (await itemOf(s)).item.id, direction: "up" }),
    call: (ctx, { itemId, direction }) => moveAgendaItem(ctx, itemId, direction),
    ids: [at("itemId", "not-found")],
  }),
  row({
    action: "removeAgendaItemAction",
    surface: A("rituals"),
    requires: null,
    note: RUNS,
    data: "occurrences.removeAgendaItem",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => AgendaItemRefInput.parse({ itemId: (await itemOf(s)).item.id }),
    call: (ctx, { itemId }) => removeAgendaItem(ctx, itemId),
    ids: [at("itemId", "not-found")],
  }),
  row({
    action: "setAgendaStoryAction",
    surface: A("rituals"),
    requires: null,
    note: SEAT,
    data: "occurrences.setAgendaStory",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => {
      const r = await createRitual(
        s.people.ADMIN.ctx,
        RitualInput.parse(ritualForm(s, { kind: "LEADERSHIP_CHECK_IN" })),
      );
      const occurrenceId = await openOccurrence(s.people.ADMIN.ctx, r, today());
      const item = await db().agendaItem.findFirstOrThrow({
        where: { occurrenceId, section: "CUSTOMER_STORY" },
        select: { id: true },
      });
      return AgendaStoryInput.parse({ itemId: item.id, storyId: await storyOf(s) });
    },
    call: (ctx, { itemId, storyId }) => setAgendaStory(ctx, itemId, storyId),
    ids: [at("itemId", "not-found"), at("storyId", "rule")],
  }),
  ...(["held", "planned", "cancelled"] as const).map((state) =>
    row({
      action: { held: "markHeldAction", planned: "reopenOccurrenceAction", cancelled: "cancelOccurrenceAction" }[state],
      surface: A("rituals"),
      requires: null,
      note: RUNS,
      data: "occurrences.setOccurrenceState",
      variant: state,
      kind: "write",
      allowed: MANAGERS,
      setup: async (s) => {
        const occurrenceId = await meetingOf(s);
        // "Not held after all" undoes a meeting marked held.
        if (state === "planned") await setOccurrenceState(s.people.ADMIN.ctx, occurrenceId, "held");
        return OccurrenceRefInput.parse({ occurrenceId });
      },
      call: (ctx, { occurrenceId }) => setOccurrenceState(ctx, occurrenceId, state),
      ids: [at("occurrenceId", "not-found")],
    }),
  ),
  row({
    action: null,
    surface: "page /rituals/new",
    requires: "rituals.manage",
    data: "rituals.ritualFormOptions",
    kind: "read",
    allowed: MANAGERS,
    setup: async () => ({}),
    call: (ctx) => ritualFormOptions(ctx),
  }),
];

/** Every member sees the organisation's rituals and their meetings. */
export const RITUAL_OPEN_READS: Row<unknown>[] = [
  row({
    action: null,
    surface: "page /rituals",
    requires: null,
    data: "rituals.listRituals",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ r: await ritualOf(s) }),
    call: (ctx) => listRituals(ctx),
  }),
  row({
    action: null,
    surface: "page /rituals/[id]",
    requires: null,
    data: "rituals.getRitual",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: await ritualOf(s) }),
    call: (ctx, i) => getRitual(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /rituals/meetings/[id]",
    requires: null,
    data: "occurrence-view.getOccurrence",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: await meetingOf(s) }),
    call: (ctx, i) => getOccurrence(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "route /rituals/meetings/[id]/agenda.md",
    requires: null,
    data: "occurrence-view.occurrenceMarkdown",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: await meetingOf(s) }),
    call: (ctx, i) => occurrenceMarkdown(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
];
