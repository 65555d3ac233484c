// Matrix rows for "what got in the way" on missed entries (issue 18 §2): citing a barrier from the
// Log pad, turning "something else" texts into a barrier, and the barrier pages' citation reads.
import { BarrierFromNotesInput, CiteBarrierInput } from "@/lib/schemas/barrier-citations";
import { LogObservationInput } from "@/lib/schemas/observations";
import { logObservation } from "@/lib/server/data/observation-log";
import {
  barrierCitations,
  barrierFromNotes,
  citeBarrier,
  missedBarrierOptions,
  somethingElseGroups,
} from "@/lib/server/data/barrier-citations";
import { interventionComparisons } from "@/lib/server/data/intervention-comparison";
import { type Row, at, observationId, row, ALL, MANAGERS, A } from "./matrix-core";
import { logForm, uid, type Person, type Side } from "./matrix-scenario";

async function missed(s: Side, who: Person) {
  const o = await logObservation(who.ctx, LogObservationInput.parse(logForm(s, { outcome: "missed" })));
  return { id: o.id, token: o.undoToken };
}

/** A "something else" text waiting on a missed entry of the side's behaviour. */
async function waitingText(s: Side) {
  const o = await missed(s, s.people.MEMBER);
  await citeBarrier(s.people.MEMBER.ctx, CiteBarrierInput.parse({ ...o, note: `Printer out of paper ${uid()}` }));
  return o.id;
}

export const CITATION_ROWS: readonly Row<unknown>[] = [
  row({
    action: "citeBarrierAction",
    surface: A("barrier-citations"),
    requires: "observations.log",
    data: "barrier-citations.citeBarrier",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) => CiteBarrierInput.parse({ ...(await missed(s, me)), barrierId: await s.barrier() }),
    call: (ctx, i) => citeBarrier(ctx, i),
    ids: [observationId<ReturnType<typeof CiteBarrierInput.parse>>(), at("barrierId", "not-found")],
  }),
  row({
    action: "barrierFromNotesAction",
    surface: A("barrier-citations"),
    requires: "barriers.manage",
    data: "barrier-citations.barrierFromNotes",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      BarrierFromNotesInput.parse({
        behaviourId: s.behaviour.id,
        observationIds: [await waitingText(s)],
        title: "The printer is out of paper",
        comB: "PHYSICAL_OPPORTUNITY",
        determinant: "ACCESS",
      }),
    call: (ctx, i) => barrierFromNotes(ctx, i),
    ids: [at("behaviourId", "not-found"), at("observationIds", "not-found")],
  }),
  row({
    action: null,
    surface: "page /barriers",
    requires: "barriers.manage",
    data: "barrier-citations.somethingElseGroups",
    kind: "read",
    allowed: MANAGERS,
    note: "the page shows the texts, and the form that turns them into a barrier, to leaders and managers only",
    setup: async (s) => ({ id: await waitingText(s) }),
    call: (ctx) => somethingElseGroups(ctx),
  }),
];

export const CITATION_OPEN_READS: readonly Row<unknown>[] = [
  row({
    action: null,
    surface: "page /barriers/[id]",
    requires: null,
    data: "intervention-comparison.interventionComparisons",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: await s.barrier() }),
    call: (ctx, i) => interventionComparisons(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /barriers/[id]",
    requires: null,
    data: "barrier-citations.barrierCitations",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: await s.barrier() }),
    call: (ctx, i) => barrierCitations(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /log",
    requires: null,
    data: "barrier-citations.missedBarrierOptions",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: await s.barrier() }),
    call: (ctx) => missedBarrierOptions(ctx),
  }),
];
