// Hostile-input cases for "what got in the way" on missed entries (issue 18 §2); part of CASES in hostile-cases.ts.
import { BarrierFromNotesInput, CiteBarrierInput, NOTE_MAX } from "@/lib/schemas/barrier-citations";
import { COMB_COMPONENTS } from "@/lib/schemas/barriers";
import { DETERMINANTS } from "@/lib/domain/surveys";
import type { SchemaCase } from "./hostile-cases";

const ID = "clx0a1b2c3d4e5f6g7h8i9j0k";
const id = { kind: "id", max: 40 } as const;
const token = { kind: "secret", max: 100 } as const;
const TOKEN = "t0k3n-abcdefghijklmnopqrstuvwxyz";

export const CITATION_CASES: SchemaCase[] = [
  {
    name: "CiteBarrierInput (a barrier)",
    actions: "citeBarrierAction (JSON)",
    schema: CiteBarrierInput,
    base: { id: ID, token: TOKEN, barrierId: ID, note: "" },
    rules: { id, token, barrierId: { ...id, nullable: true }, note: { kind: "text", max: NOTE_MAX } },
  },
  {
    name: "CiteBarrierInput (something else)",
    actions: "citeBarrierAction (JSON)",
    schema: CiteBarrierInput,
    base: { id: ID, token: TOKEN, barrierId: "", note: "The printer was out of paper" },
    rules: { id, token, barrierId: { ...id, nullable: true }, note: { kind: "text", max: NOTE_MAX } },
  },
  {
    name: "BarrierFromNotesInput",
    actions: "barrierFromNotesAction",
    schema: BarrierFromNotesInput,
    base: {
      behaviourId: ID,
      observationIds: [ID],
      title: "The printer is out of paper",
      comB: "PHYSICAL_OPPORTUNITY",
      determinant: "ACCESS",
    },
    rules: {
      behaviourId: id,
      observationIds: { kind: "ids", max: 200, each: 40 },
      title: { kind: "text", max: 120 },
      comB: { kind: "enum", values: COMB_COMPONENTS },
      determinant: { kind: "enum", values: DETERMINANTS },
    },
    form: { lists: ["observationIds"] },
  },
];
