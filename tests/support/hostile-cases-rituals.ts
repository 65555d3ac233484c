// Hostile-input cases for the rituals' action schemas (issue 16); part of CASES in hostile-cases.ts.
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
import { CADENCES, RITUAL_KINDS } from "@/lib/domain/rituals";
import type { SchemaCase } from "./hostile-cases";

const ID = "clx0a1b2c3d4e5f6g7h8i9j0k";
const ID2 = "clx0a1b2c3d4e5f6g7h8i9j0m";
const id = { kind: "id", max: 40 } as const;
const text = (max: number) => ({ kind: "text", max }) as const;
const version = { kind: "int", min: 1, max: 2_147_483_647 } as const;
/** Every HH:MM of a day: what the start time may be. */
const TIMES = Array.from(
  { length: 24 * 60 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`,
);

const ritual = {
  kind: "RETROSPECTIVE",
  title: "Support retrospective",
  teamId: ID,
  cadence: "FORTNIGHTLY",
  weekday: "5",
  weekOfMonth: "",
  startTime: "15:00",
  startsOn: "2026-11-13",
  facilitatorId: ID2,
  participantIds: [ID],
};
const ritualRules = {
  kind: { kind: "enum", values: RITUAL_KINDS },
  title: text(120),
  teamId: { kind: "id", max: 40, nullable: true },
  cadence: { kind: "enum", values: CADENCES },
  weekday: { kind: "int", min: 1, max: 7 },
  weekOfMonth: { kind: "int", min: 1, max: 5, nullable: true },
  startTime: { kind: "enum", values: TIMES, nullable: true },
  startsOn: { kind: "date" },
  facilitatorId: id,
  participantIds: { kind: "ids", max: 200, each: 40 },
} as const;

export const RITUAL_CASES: SchemaCase[] = [
  {
    name: "RitualInput",
    actions: "createRitualAction",
    schema: RitualInput,
    base: ritual,
    rules: ritualRules,
    form: { lists: ["participantIds"] },
  },
  {
    name: "RitualUpdateInput",
    actions: "updateRitualAction",
    schema: RitualUpdateInput,
    base: { ...ritual, id: ID, version: "2" },
    rules: { ...ritualRules, id, version },
    form: { lists: ["participantIds"] },
  },
  {
    name: "RitualRefInput",
    actions: "archiveRitualAction, restoreRitualAction",
    schema: RitualRefInput,
    base: { ritualId: ID },
    rules: { ritualId: id },
    form: {},
  },
  {
    name: "OpenOccurrenceInput",
    actions: "openOccurrenceAction",
    schema: OpenOccurrenceInput,
    base: { ritualId: ID, date: "2026-11-27" },
    rules: { ritualId: id, date: { kind: "date" } },
    form: {},
  },
  {
    name: "OccurrenceRefInput",
    actions: "markHeldAction, reopenOccurrenceAction, cancelOccurrenceAction",
    schema: OccurrenceRefInput,
    base: { occurrenceId: ID },
    rules: { occurrenceId: id },
    form: {},
  },
  {
    name: "AgendaNotesInput",
    actions: "saveAgendaNotesAction",
    schema: AgendaNotesInput,
    base: { itemId: ID, notes: "Two customers reopened tickets.", version: "1" },
    rules: { itemId: id, notes: text(5000), version },
    form: {},
  },
  {
    name: "AgendaItemAddInput",
    actions: "addAgendaItemAction",
    schema: AgendaItemAddInput,
    base: { occurrenceId: ID, title: "Pricing page", prompt: "What did the customer try first?" },
    rules: { occurrenceId: id, title: text(200), prompt: text(500) },
    form: {},
  },
  {
    name: "AgendaMoveInput",
    actions: "moveAgendaItemAction",
    schema: AgendaMoveInput,
    base: { itemId: ID, direction: "up" },
    rules: { itemId: id, direction: { kind: "enum", values: ["up", "down"] } },
    form: {},
  },
  {
    name: "AgendaItemRefInput",
    actions: "removeAgendaItemAction",
    schema: AgendaItemRefInput,
    base: { itemId: ID },
    rules: { itemId: id },
    form: {},
  },
  {
    name: "AgendaStoryInput",
    actions: "setAgendaStoryAction",
    schema: AgendaStoryInput,
    base: { itemId: ID, storyId: ID2 },
    rules: { itemId: id, storyId: { kind: "id", max: 40, nullable: true } },
    form: {},
  },
];
