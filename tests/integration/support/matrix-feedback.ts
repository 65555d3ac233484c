// Matrix rows for customer feedback (src/lib/actions/feedback.ts, issue 16) and the reads of its pages.
import {
  BarrierFromFeedbackInput,
  FeedbackFilter,
  FeedbackIdInput,
  FeedbackInput,
  FeedbackStoryInput,
  FeedbackUpdateInput,
} from "@/lib/schemas/feedback";
import { ImportInput } from "@/lib/schemas/transfer";
import {
  createFeedback,
  deleteFeedback,
  getFeedback,
  listFeedback,
  setFeedbackStory,
  updateFeedback,
} from "@/lib/server/data/feedback";
import { commitFeedbackImport, exportFeedbackCsv, previewFeedbackImport } from "@/lib/server/data/feedback-transfer";
import { barrierFeedback, createBarrierFromFeedback, painPoints } from "@/lib/server/data/feedback-evidence";
import { recentStories } from "@/lib/server/data/customer-stories";
import { type Row, at, row, ALL, MANAGERS, A } from "./matrix-core";
import { barrierForm, daysAgo, today, uid, type Person, type Side } from "./matrix-scenario";

/** A valid feedback form of the side, linked to its behaviour, barrier, metric and team. */
export const feedbackForm = async (s: Side, over: Record<string, unknown> = {}) => ({
  quote: `I waited three days and nobody told me the fix was live ${uid()}`,
  source: "SUPPORT_TICKET",
  receivedOn: today(),
  customer: "Enterprise, EU",
  sentiment: "NEGATIVE",
  behaviourIds: [s.behaviour.id],
  barrierIds: [await s.barrier()],
  metricIds: [(await s.metric()).id],
  teamIds: [s.team.id],
  ...over,
});

/** An item recorded by `me` (so any role may change it), linked like feedbackForm. */
const ownItem = async (s: Side, me: Person, over: Record<string, unknown> = {}) =>
  createFeedback(me.ctx, FeedbackInput.parse(await feedbackForm(s, over)));

const LINKS = ["behaviourIds", "barrierIds", "metricIds", "teamIds"].map((k) => at(k, "not-found"));

const csv = (s: Side) =>
  `quote,source,date,customer,sentiment,team\n"The export timed out again ${uid()}",support ticket,${today()},Acme,negative,${s.team.name}\n`;

export const FEEDBACK_ACTION_ROWS: Row<unknown>[] = [
  row({
    action: "createFeedbackAction",
    surface: A("feedback"),
    requires: "feedback.record",
    data: "feedback.createFeedback",
    kind: "write",
    allowed: ALL,
    setup: async (s) => FeedbackInput.parse(await feedbackForm(s)),
    call: (ctx, i) => createFeedback(ctx, i),
    ids: LINKS,
  }),
  row({
    action: "updateFeedbackAction",
    surface: A("feedback"),
    requires: "feedback.record",
    note: "everyone edits their own; feedback.manage edits anyone's (feedback.test.ts)",
    data: "feedback.updateFeedback",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) =>
      FeedbackUpdateInput.parse({
        ...(await feedbackForm(s, { quote: `Edited: the export timed out ${uid()}` })),
        id: await ownItem(s, me),
        version: "1",
      }),
    call: (ctx, { id, version, ...input }) => updateFeedback(ctx, id, version, input),
    ids: [at("id", "not-found"), ...LINKS],
  }),
  row({
    action: "deleteFeedbackAction",
    surface: A("feedback"),
    requires: "feedback.record",
    note: "everyone deletes their own; feedback.manage anyone's (feedback.test.ts)",
    data: "feedback.deleteFeedback",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) => FeedbackIdInput.parse({ id: await ownItem(s, me) }),
    call: (ctx, i) => deleteFeedback(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "markFeedbackStoryAction",
    surface: A("feedback"),
    requires: "feedback.record",
    note: "everyone marks their own; feedback.manage anyone's (feedback.test.ts)",
    data: "feedback.setFeedbackStory",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) => FeedbackStoryInput.parse({ id: await ownItem(s, me), isStory: "true" }),
    call: (ctx, i) => setFeedbackStory(ctx, i.id, i.isStory),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "previewFeedbackImportAction",
    surface: A("feedback"),
    requires: "feedback.manage",
    data: "feedback-transfer.previewFeedbackImport",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ImportInput.parse({ content: csv(s) }),
    call: (ctx, i) => previewFeedbackImport(ctx, i.content),
  }),
  row({
    action: "commitFeedbackImportAction",
    surface: A("feedback"),
    requires: "feedback.manage",
    data: "feedback-transfer.commitFeedbackImport",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => ImportInput.parse({ content: csv(s) }),
    call: (ctx, i) => commitFeedbackImport(ctx, i.content),
  }),
  row({
    action: "barrierFromFeedbackAction",
    surface: A("feedback"),
    requires: "barriers.manage",
    data: "feedback-evidence.createBarrierFromFeedback",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      BarrierFromFeedbackInput.parse({
        ...barrierForm(s),
        feedbackIds: [await ownItem(s, s.people.MEMBER)],
      }),
    call: (ctx, { feedbackIds, occurrenceId, ...input }) =>
      createBarrierFromFeedback(ctx, feedbackIds, input, { occurrenceId }),
    ids: [at("feedbackIds", "not-found"), at("behaviourIds", "rule"), at("teamIds", "rule")],
  }),
];

/** Reads every member may make (the feedback pages, the barrier page's evidence, the standup's stories). */
export const FEEDBACK_OPEN_READS: Row<unknown>[] = [
  row({
    action: null,
    surface: "page /feedback/[id]",
    requires: null,
    data: "feedback.getFeedback",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: await ownItem(s, s.people.MEMBER) }),
    call: (ctx, i) => getFeedback(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /feedback",
    requires: null,
    data: "feedback.listFeedback",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      await ownItem(s, s.people.MEMBER);
      return FeedbackFilter.parse({ team: s.team.id, behaviour: s.behaviour.id, barrier: await s.barrier() });
    },
    call: (ctx, f) => listFeedback(ctx, f),
    ids: [at("team", "same"), at("behaviour", "same"), at("barrier", "same")],
  }),
  row({
    action: null,
    surface: "route /feedback/export",
    requires: null,
    data: "feedback-transfer.feedbackCsvChunks",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      await ownItem(s, s.people.MEMBER);
      return FeedbackFilter.parse({ team: s.team.id });
    },
    call: (ctx, f) => exportFeedbackCsv(ctx, f),
    ids: [at("team", "same")],
  }),
  row({
    action: null,
    surface: "page /barriers/[id]",
    requires: null,
    data: "feedback-evidence.barrierFeedback",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      await ownItem(s, s.people.MEMBER);
      return { id: await s.barrier() };
    },
    call: (ctx, i) => barrierFeedback(ctx, i.id),
    ids: [at("id", "same")],
  }),
  row({
    action: null,
    surface: "clinic agenda (src/lib/server/data/feedback-evidence.ts)",
    requires: null,
    data: "feedback-evidence.painPoints",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      await ownItem(s, s.people.MEMBER);
      return { teamId: s.team.id };
    },
    call: (ctx, i) => painPoints(ctx, { from: daysAgo(30), to: today() }, i),
    ids: [at("teamId", "same")],
  }),
  row({
    action: null,
    surface: "page /dashboards/standup",
    requires: null,
    data: "customer-stories.recentStories",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      await ownItem(s, s.people.MEMBER, { isStory: "on" });
      return {};
    },
    call: (ctx) => recentStories(ctx),
  }),
];
