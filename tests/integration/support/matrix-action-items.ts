// Matrix rows for actions, decisions and the anchor questions (issue 16: src/lib/actions/action-items.ts
// and decisions.ts), and the reads of their pages.
import { db } from "@/lib/server/db";
import {
  ActionFilter,
  ActionInput,
  ActionUpdateInput,
  CloseActionInput,
  ReopenActionInput,
} from "@/lib/schemas/actions";
import { AnchorQuestionsInput, DecisionFilter, DecisionInput, DecisionUpdateInput } from "@/lib/schemas/decisions";
import { actionForEdit, closeAction, createAction, reopenAction, updateAction } from "@/lib/server/data/actions";
import { exportActionsCsv, getAction, listActions } from "@/lib/server/data/action-lists";
import { createDecision, decisionFormOptions, getDecision, updateDecision } from "@/lib/server/data/decisions";
import { exportDecisionsCsv, listDecisions } from "@/lib/server/data/decision-log";
import { anchorQuestionList, currentAnchorQuestions, saveAnchorQuestions } from "@/lib/server/data/anchor-questions";
import { readText } from "./read-text";
import { type Row, at, row, ALL, MANAGERS, ADMINS, A } from "./matrix-core";
import { uid } from "./matrix-scenario";
import type { Side } from "./matrix-scenario";
import { buildOccurrence } from "./embedding-fixtures";

const actionForm = (s: Side, over: Record<string, unknown> = {}) => ({
  title: `Ask platform for a staging slot ${uid()}`,
  detail: "",
  ownerId: s.people.ADMIN.membershipId,
  dueOn: "2026-11-01",
  teamId: s.team.id,
  behaviourId: s.behaviour.id,
  barrierId: "",
  interventionId: "",
  metricId: "",
  occurrenceId: "",
  ...over,
});

/** An action owned by the side's admin (so the owner rule lets no one else through). */
const anAction = (s: Side) => createAction(s.people.ADMIN.ctx, ActionInput.parse(actionForm(s)));

/** The questions a decision about the side's behaviour asks: the organisation's, then the behaviour's own. */
async function questionsFor(s: Side): Promise<string[]> {
  const org = (await currentAnchorQuestions(s.org.id)).map((q) => q.text);
  const b = await db().behaviour.findUniqueOrThrow({ where: { id: s.behaviour.id }, select: { anchors: true } });
  return [...org, ...b.anchors.filter((a) => !org.includes(a))];
}

async function decisionForm(s: Side, over: Record<string, unknown> = {}) {
  const questions = await questionsFor(s);
  return {
    title: `Answer every ticket with the fix ${uid()}`,
    detail: "",
    teamId: s.team.id,
    behaviourId: s.behaviour.id,
    occurrenceId: "",
    questions,
    answers: questions.map((_, i) => (i === 0 ? "" : "Customers hear back sooner.")),
    ...over,
  };
}

const aDecision = async (s: Side) => createDecision(s.people.ADMIN.ctx, DecisionInput.parse(await decisionForm(s)));

/** The side's anchor questions written as rows (an admin saved the defaults once). */
async function savedAnchors(s: Side) {
  const list = await anchorQuestionList(s.people.ADMIN.ctx);
  if (list.isDefault)
    await saveAnchorQuestions(
      s.people.ADMIN.ctx,
      AnchorQuestionsInput.parse({
        stamp: list.stamp,
        ids: list.questions.map(() => "new"),
        texts: list.questions.map((q) => q.text),
      }),
    );
  return anchorQuestionList(s.people.ADMIN.ctx);
}

export const ACTION_ITEM_ROWS: Row<unknown>[] = [
  row({
    action: "createActionItemAction",
    surface: A("action-items"),
    requires: null,
    note: "actions.manage outside a meeting (a participant of a meeting creates its actions: the next row)",
    data: "actions.createAction",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      ActionInput.parse(actionForm(s, { metricId: (await s.metric()).id, barrierId: await s.barrier() })),
    call: (ctx, i) => createAction(ctx, i),
    ids: [
      at("ownerId", "rule"),
      at("teamId", "rule"),
      at("behaviourId", "rule"),
      at("barrierId", "rule"),
      at("metricId", "rule"),
    ],
  }),
  row({
    action: "createActionItemAction",
    variant: "in a meeting the caller takes part in",
    surface: A("action-items"),
    requires: null,
    note: "any participant or the facilitator of the meeting, whatever their role",
    data: "actions.createAction",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) => {
      const { occurrenceId } = await buildOccurrence(s.org.id, {
        facilitatorId: s.people.ADMIN.membershipId,
        participantIds: me.role === "ADMIN" ? [] : [me.membershipId],
      });
      return ActionInput.parse(actionForm(s, { occurrenceId }));
    },
    call: (ctx, i) => createAction(ctx, i),
    ids: [at("occurrenceId", "not-found")],
  }),
  row({
    action: "updateActionItemAction",
    surface: A("action-items"),
    requires: "actions.manage",
    data: "actions.updateAction",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      ActionUpdateInput.parse({ ...actionForm(s, { title: `Renamed ${uid()}` }), id: await anAction(s), version: 1 }),
    call: (ctx, i) => updateAction(ctx, i),
    ids: [at("id", "not-found"), at("ownerId", "rule"), at("teamId", "rule")],
  }),
  row({
    action: "closeActionItemAction",
    surface: A("action-items"),
    requires: null,
    note: "the owner (here the admin), or actions.manage",
    data: "actions.closeAction",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      CloseActionInput.parse({ id: await anAction(s), version: 1, status: "DROPPED", reason: "Not needed." }),
    call: (ctx, i) => closeAction(ctx, i),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "reopenActionItemAction",
    surface: A("action-items"),
    requires: null,
    note: "the owner (here the admin), or actions.manage",
    data: "actions.reopenAction",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => {
      const id = await anAction(s);
      await closeAction(s.people.ADMIN.ctx, CloseActionInput.parse({ id, version: 1, status: "DONE" }));
      return ReopenActionInput.parse({ id, version: 2 });
    },
    call: (ctx, i) => reopenAction(ctx, i.id, i.version),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "createDecisionAction",
    surface: A("decisions"),
    requires: "decisions.record",
    data: "decisions.createDecision",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => {
      const { occurrenceId } = await buildOccurrence(s.org.id, { facilitatorId: s.people.ADMIN.membershipId });
      return DecisionInput.parse(await decisionForm(s, { occurrenceId }));
    },
    call: (ctx, i) => createDecision(ctx, i),
    ids: [at("teamId", "rule"), at("behaviourId", "rule"), at("occurrenceId", "not-found")],
  }),
  row({
    action: "updateDecisionAction",
    surface: A("decisions"),
    requires: "decisions.record",
    data: "decisions.updateDecision",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => {
      const { id } = await aDecision(s);
      const { questions } = await decisionForm(s);
      return DecisionUpdateInput.parse({
        id,
        version: 1,
        title: `Answer every ticket ${uid()}`,
        detail: "",
        teamId: s.team.id,
        questions,
        answers: questions.map(() => "Customers hear back sooner."),
      });
    },
    call: (ctx, i) => updateDecision(ctx, i),
    ids: [at("id", "not-found"), at("teamId", "rule")],
  }),
  row({
    action: "saveAnchorQuestionsAction",
    surface: A("decisions"),
    requires: "anchors.manage",
    data: "anchor-questions.saveAnchorQuestions",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => {
      const list = await savedAnchors(s);
      const qs = [...list.questions].reverse();
      return AnchorQuestionsInput.parse({
        stamp: list.stamp,
        ids: qs.map((q) => q.id!),
        texts: qs.map((q, i) => (i === 0 ? `${q.text} (reworded ${uid()})` : q.text)),
      });
    },
    call: (ctx, i) => saveAnchorQuestions(ctx, i),
    ids: [at("ids", "rule")],
  }),
  row({
    action: null,
    surface: "page /actions/[id]/edit",
    requires: "actions.manage",
    data: "actions.actionForEdit",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ id: await anAction(s) }),
    call: (ctx, i) => actionForEdit(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /decisions/new",
    requires: "decisions.record",
    data: "decisions.decisionFormOptions",
    kind: "read",
    allowed: MANAGERS,
    setup: async () => ({}),
    call: (ctx) => decisionFormOptions(ctx),
  }),
  row({
    action: null,
    surface: "page /settings/anchors",
    requires: "anchors.manage",
    data: "anchor-questions.anchorQuestionList",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => anchorQuestionList(ctx),
  }),
];

/** Reads every member may make, walked across organisations. */
export const ACTION_ITEM_OPEN_READS: Row<unknown>[] = [
  row({
    action: null,
    surface: "page /actions/[id]",
    requires: null,
    data: "action-lists.getAction",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: await anAction(s) }),
    call: (ctx, i) => getAction(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /actions",
    requires: null,
    data: "action-lists.listActions",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      await anAction(s);
      return { filter: ActionFilter.parse({ scope: "team", team: s.team.id }) };
    },
    call: (ctx, i) => listActions(ctx, i.filter),
    ids: [at("filter.team", "same")],
  }),
  row({
    action: null,
    surface: "route /actions/export",
    requires: null,
    data: "action-lists.exportActionsCsv",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      await anAction(s);
      return { filter: ActionFilter.parse({ scope: "team", team: s.team.id }) };
    },
    call: (ctx, i) => readText(exportActionsCsv(ctx, i.filter)),
    ids: [at("filter.team", "same")],
  }),
  row({
    action: null,
    surface: "page /decisions/[id]",
    requires: null,
    data: "decisions.getDecision",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: (await aDecision(s)).id }),
    call: (ctx, i) => getDecision(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /decisions",
    requires: null,
    data: "decision-log.listDecisions",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      const { ritual, occurrenceId } = await buildOccurrence(s.org.id, { facilitatorId: s.people.ADMIN.membershipId });
      await createDecision(
        s.people.ADMIN.ctx,
        DecisionInput.parse(
          await decisionForm(s, { occurrenceId, answers: (await questionsFor(s)).map(() => "Yes.") }),
        ),
      );
      return { team: DecisionFilter.parse({ team: s.team.id }), ritual: DecisionFilter.parse({ ritual: ritual.id }) };
    },
    call: async (ctx, i) => [await listDecisions(ctx, i.team), await listDecisions(ctx, i.ritual)],
    ids: [at("team.team", "same"), at("ritual.ritual", "same")],
  }),
  row({
    action: null,
    surface: "route /decisions/export",
    requires: null,
    data: "decision-log.exportDecisionsCsv",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      await aDecision(s);
      return { filter: DecisionFilter.parse({ team: s.team.id, status: "DRAFT" }) };
    },
    call: (ctx, i) => readText(exportDecisionsCsv(ctx, i.filter)),
    ids: [at("filter.team", "same")],
  }),
];
