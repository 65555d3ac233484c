// Hostile-input cases for the behaviour cues' action schemas (issue 17); part of CASES in hostile-cases.ts.
import { CueInput, DeleteCueInput, SendCueTestInput, UpdateCueInput } from "@/lib/schemas/cues";
import { CUE_MESSAGE_MAX } from "@/lib/domain/cues";
import {
  TERM_MAX,
  TERM_SUGGESTION_MAX,
  VideoTestTermInput,
  VideoTestTermRefInput,
} from "@/lib/schemas/video-test-terms";
import type { SchemaCase } from "./hostile-cases";

const ID = "clx0a1b2c3d4e5f6g7h8i9j0k";
const ID2 = "clx0a1b2c3d4e5f6g7h8i9j0m";
const id = { kind: "id", max: 40 } as const;
const version = { kind: "int", min: 1, max: 2_147_483_647 } as const;
/** Every HH:MM of a day: what a cue's local time may be. */
const TIMES = Array.from(
  { length: 24 * 60 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`,
);

const cue = {
  behaviourId: ID,
  message: "Before closing a ticket, ask the customer to confirm the fix",
  weekdays: ["1", "4"],
  localTime: "09:00",
  email: "on",
  webhookId: ID2,
  enabled: "on",
};
const cueRules = {
  behaviourId: id,
  message: { kind: "text", max: CUE_MESSAGE_MAX },
  weekdays: { kind: "ints", min: 1, max: 7, items: 7 },
  localTime: { kind: "enum", values: TIMES },
  email: { kind: "bool" },
  webhookId: { kind: "id", max: 40, nullable: true },
  enabled: { kind: "bool" },
} as const;

export const CUE_CASES: SchemaCase[] = [
  {
    name: "CueInput",
    actions: "createCueAction",
    schema: CueInput,
    base: cue,
    rules: cueRules,
    form: { lists: ["weekdays"] },
  },
  {
    name: "UpdateCueInput",
    actions: "updateCueAction",
    schema: UpdateCueInput,
    base: { ...cue, id: ID, version: "2" },
    rules: { ...cueRules, id, version },
    form: { lists: ["weekdays"] },
  },
  { name: "DeleteCueInput", actions: "deleteCueAction", schema: DeleteCueInput, base: { id: ID }, rules: { id } },
  { name: "SendCueTestInput", actions: "sendCueTestAction", schema: SendCueTestInput, base: { id: ID }, rules: { id } },
];

// The organisation's own video-test terms (issue 18 §1).
export const VIDEO_TEST_TERM_CASES: SchemaCase[] = [
  {
    name: "VideoTestTermInput",
    actions: "addVideoTestTermAction",
    schema: VideoTestTermInput,
    base: { term: "customer-obsessed", suggestion: "Name the act, e.g. 'calls the customer back'." },
    rules: { term: { kind: "text", max: TERM_MAX }, suggestion: { kind: "text", max: TERM_SUGGESTION_MAX } },
  },
  {
    name: "VideoTestTermRefInput",
    actions: "removeVideoTestTermAction",
    schema: VideoTestTermRefInput,
    base: { termId: ID },
    rules: { termId: id },
  },
];
