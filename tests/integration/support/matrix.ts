// The role × action matrix of issue 7, kept as data: for every operation a server action (or a
// role-restricted page or route) exposes, the data-layer function it calls, a setup that produces
// valid input for a fresh scenario, and the roles allowed. tests/integration/role-matrix.test.ts
// walks it for each role and again across organisations. Server actions need a request, so the
// rows drive the data-layer functions the actions call (src/lib/actions/*.ts), with inputs parsed
// by the same zod schemas the actions use.
import { createHash } from "node:crypto";
import { database, db } from "@/lib/server/db";
import { ROLES, type Permission, type Role } from "@/lib/domain/roles";
import type { MemberContext } from "@/lib/server/data/accounts";
import { BehaviourIdInput, BehaviourInput, BehaviourUpdateInput, RestoreVersionInput, ValueInput, VideoTestInput } from "@/lib/schemas/behaviour";
import { CreateVariantInput } from "@/lib/schemas/variants";
import { BarrierInput, BarrierStatusInput, BarrierUpdateInput, InterventionInput } from "@/lib/schemas/barriers";
import { CustomerStoryInput, DashboardFilter } from "@/lib/schemas/dashboards";
import { ChangeRoleInput, InviteInput, RevokeInvitationInput, SetMemberStatusInput } from "@/lib/schemas/members";
import { MetricBehavioursInput, MetricInput, MetricUpdateInput, ReadingInput } from "@/lib/schemas/metrics";
import { EditObservationInput, LogBatchInput, LogObservationInput, ObservationFilter, UndoObservationInput } from "@/lib/schemas/observations";
import { BarrierFromResponseInput, responseChoices, SurveyIdInput, SurveyInput, SurveyStatusInput, type SurveyDto } from "@/lib/schemas/surveys";
import { ImportInput } from "@/lib/schemas/transfer";
import { TrashInput } from "@/lib/schemas/trash";
import { AuditFilter } from "@/lib/schemas/audit-trail";
import { behaviourForEdit, createBehaviour, createValue, editorOptions, restoreVersion, updateBehaviour } from "@/lib/server/data/behaviour-editor";
import { changeStatus, listVersions, listVideoTests, recordVideoTest, submitForReview } from "@/lib/server/data/behaviour-review";
import { createVariant, listVariants } from "@/lib/server/data/behaviour-variants";
import { commitCatalogueImport, previewCatalogueImport } from "@/lib/server/data/catalogue-transfer";
import { editObservation, logBatch, logObservation, undoObservation } from "@/lib/server/data/observation-log";
import { commitObservationImport, exportObservationsCsv, previewObservationImport } from "@/lib/server/data/observation-transfer";
import { changeRole, createInvitation, listInvitations, listMembers, revokeInvitation, setMemberStatus } from "@/lib/server/data/members";
import { barrierForEdit, barrierOptions, changeBarrierStatus, createBarrier, getBarrier, listBarriers, missedNotes, updateBarrier } from "@/lib/server/data/barriers";
import { createIntervention, getIntervention, interventionFormContext } from "@/lib/server/data/interventions";
import { createSurvey, getSurvey, hasResponded, respondToSurvey, setSurveyStatus, surveyBehaviours, surveyTabulation } from "@/lib/server/data/surveys";
import { barrierFromResponse, commitSurveyImport, exportTabulationCsv, previewSurveyImport } from "@/lib/server/data/survey-transfer";
import { createMetric, getMetric, listMetrics, metricForEdit, metricOptions, metricsAudit, metricSeries, setMetricBehaviours, updateMetric } from "@/lib/server/data/metrics";
import { addReading, commitReadingImport, exportReadingsCsv, previewReadingImport } from "@/lib/server/data/metric-readings";
import { saveCustomerStory } from "@/lib/server/data/customer-stories";
import { auditActorOptions, exportAuditCsv, listAuditEvents } from "@/lib/server/data/audit-trail";
import { behaviourOutcome, organisationOverview, standup, teamView } from "@/lib/server/data/dashboards";
import { listCoverageGaps } from "@/lib/server/data/coverage";
import { listHonestyFlags } from "@/lib/server/data/honesty";
import { listDeleted, restoreDeleted, softDelete } from "@/lib/server/data/trash";
import { behaviourLinks, behaviourWeeks, getBehaviour } from "@/lib/server/data/catalogue";
import { getTeam } from "@/lib/server/data/teams";
import { listRecentObservations } from "@/lib/server/data/observations";
import { buildBehaviour, buildMember, buildOrgScenario, buildTeam } from "../../factories";
import { contextFor } from "./context";

// ---------------------------------------------------------------- the scenario

export interface Person {
  role: Role;
  userId: string;
  email: string;
  membershipId: string;
  ctx: MemberContext;
}

/** One organisation with every role (all four in its team), a value and an ACTIVE behaviour; the rest on demand, once. */
export interface Side {
  org: { id: string; name: string };
  people: Record<Role, Person>;
  team: { id: string; name: string };
  value: { id: string; name: string };
  behaviour: { id: string; title: string };
  barrier(): Promise<string>;
  survey(): Promise<SurveyDto>;
  metric(): Promise<{ id: string; name: string }>;
  observation(): Promise<{ id: string; token: string }>;
  invitation(): Promise<string>;
}

export interface Scenario {
  a: Side;
  b: Side;
}

let seq = 0;
export const uid = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** An id that never existed, shaped like the app's cuids. */
export const randomId = () => `c${Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join("")}`;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const key = () => `k${uid()}`.replace(/[^A-Za-z0-9_-]/g, "").padEnd(8, "0");
const once = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};

const SCREENING = "Did you post the root cause on every ticket last week?";
const ACCESS = "Is it difficult to find the logs you need?";
const NORMS = "Do your colleagues approve of posting root causes?";
const QUESTIONS = [
  { text: SCREENING, kind: "SCREENING", options: [{ label: "Yes", classifies: "DOER" }, { label: "No", classifies: "NON_DOER" }, { label: "No tickets", classifies: "EXCLUDED" }] },
  { text: ACCESS, kind: "DETERMINANT", determinant: "ACCESS", options: [{ label: "Yes" }, { label: "No" }] },
  { text: NORMS, kind: "DETERMINANT", determinant: "SOCIAL_NORMS", options: [{ label: "Yes" }, { label: "Not sure" }, { label: "No" }] },
];
const surveyCsv = (rows: string[][]) => [["respondent", "group", SCREENING, ACCESS, NORMS], ...rows].map((r) => r.join(",")).join("\n") + "\n";
/** 45 doers and 45 non-doers: "Yes" to the access question is a significant barrier (as in surveys.test.ts). */
function significantRespondents(): string[][] {
  const rows: string[][] = [];
  const norms = (i: number, yes: number) => (i < yes ? "Yes" : i < yes + 10 ? "Not sure" : "No");
  for (let i = 0; i < 45; i++) rows.push([`d${i}`, "", "Yes", i < 8 ? "Yes" : "No", norms(i, 30)]);
  for (let i = 0; i < 45; i++) rows.push([`n${i}`, "", "No", i < 30 ? "Yes" : "No", norms(i, 28)]);
  return rows;
}

const behaviourForm = (s: Side, title = `Confirms the fix with the customer ${uid()}`) => ({
  title, valueId: s.value.id, ownerId: s.people.LEADER.membershipId, actor: "The support engineer",
  action: "replies on the ticket with the fix and asks the customer to confirm it", trigger: "When a fix is deployed", frequency: "within 4 hours",
  completionCriterion: "A reply asking for confirmation is visible on the ticket", customerOutcome: "Customers hear that their problem is solved", example: "", anchors: "Would the customer notice?",
});
const barrierForm = (s: Side) => ({
  title: `Logs are hard to find ${uid()}`, description: "Engineers cannot find the logs of a customer's request.", evidence: "", comB: "PHYSICAL_OPPORTUNITY",
  determinant: "ACCESS", feasibility: "DIFFICULT", impact: "4", reach: "3", ease: "2", behaviourIds: [s.behaviour.id], teamIds: [s.team.id],
});
const metricForm = (s: Side, name: string) => ({
  name, unit: "%", description: "", kind: "CUSTOMER_OUTCOME", timing: "LAGGING", direction: "UP", ownerId: s.people.LEADER.membershipId,
  teamIds: [s.team.id], sourceBehaviourId: "", targetType: "AT_LEAST", targetValue: "90", targetDate: "",
});
const logForm = (s: Side, over: Record<string, unknown> = {}) => ({ behaviourId: s.behaviour.id, teamId: s.team.id, outcome: "performed", note: "", anonymous: false, idempotencyKey: key(), ...over });

/** A behaviour in the given status, written by someone other than `notBy` (a reviewer may not test their own). */
async function behaviourIn(s: Side, status: "DRAFT" | "IN_REVIEW", notBy: Role) {
  const author = s.people[notBy === "MEMBER" ? "LEADER" : "MEMBER"].membershipId;
  const b = await buildBehaviour(db(), { organizationId: s.org.id, valueId: s.value.id, ownerId: s.people.LEADER.membershipId, authorId: author }, { status, title: `Root cause on the ticket ${uid()}` });
  return b.id;
}

export async function buildSide(label: string): Promise<Side> {
  const p = db();
  const s = await buildOrgScenario(p, { name: `${label} ${uid()}` });
  const built = { ADMIN: s.admin, LEADER: s.leader, MANAGER: s.manager, MEMBER: s.member };
  await p.teamMember.createMany({ data: ROLES.map((r) => ({ organizationId: s.org.id, teamId: s.team.id, membershipId: built[r].membership.id })) });
  const people = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => {
      const m = built[role];
      return [role, { role, userId: m.user.id, email: m.user.email, membershipId: m.membership.id, ctx: await contextFor(m.user.id, s.org.id) }] as const;
    })),
  ) as Record<Role, Person>;
  const side: Side = {
    org: { id: s.org.id, name: s.org.name },
    people,
    team: { id: s.team.id, name: s.team.name },
    value: { id: s.value.id, name: s.value.name },
    behaviour: { id: s.behaviour.id, title: s.behaviour.title },
    barrier: once(() => createBarrier(people.MANAGER.ctx, BarrierInput.parse(barrierForm(side)))),
    survey: once(async () => {
      const form = { title: "Why root causes go unposted", behaviourId: side.behaviour.id, prevalencePct: "", anonymous: "", questions: JSON.stringify(QUESTIONS) };
      return getSurvey(people.MANAGER.ctx, await createSurvey(people.MANAGER.ctx, SurveyInput.parse(form)));
    }),
    metric: once(async () => {
      const name = `Customer retention ${uid()}`;
      const id = await createMetric(people.MANAGER.ctx, MetricInput.parse(metricForm(side, name)));
      await addReading(people.MANAGER.ctx, ReadingInput.parse({ metricId: id, date: today(), teamId: "", value: "92" }));
      return { id, name };
    }),
    observation: once(async () => {
      const o = await logObservation(people.MEMBER.ctx, LogObservationInput.parse(logForm(side)));
      return { id: o.id, token: o.undoToken };
    }),
    invitation: once(async () => {
      const { token } = await createInvitation(people.ADMIN.ctx, InviteInput.parse({ role: "MEMBER", email: "" }));
      const tokenHash = createHash("sha256").update(token).digest("hex");
      return (await p.invitation.findUniqueOrThrow({ where: { tokenHash }, select: { id: true } })).id;
    }),
  };
  return side;
}

/** Two fresh organisations, each with every role. */
export async function buildScenario(): Promise<Scenario> {
  const [a, b] = await Promise.all([buildSide("Org A"), buildSide("Org B")]);
  return { a, b };
}

// ---------------------------------------------------------------- the matrix

/**
 * How a call with another organisation's id must fail: exactly as with an id that never existed.
 * not-found: NotFoundError (the record named by the URL or form); rule: the same RuleError on the
 * same field (a reference the form names); same: the same result (a filter narrows to nothing).
 */
export type Expect = "not-found" | "rule" | "same";

/** An id parameter: by default `param` is its path in the input object (an array of ids gets one id). */
export interface IdParam<I> {
  param: string;
  expect: Expect;
  /** Organisation A's valid input with this parameter taken from organisation B's valid input. */
  swap?(a: I, b: I): I;
  /** Organisation A's valid input with this parameter replaced by an id that never existed. */
  random?(a: I, id: string): I;
}

export interface Row<I> {
  /** The server action's name in src/lib/actions, or null for a read that a page or route makes. */
  action: string | null;
  /** The action's file, or the page/route that makes the read. */
  surface: string;
  /** Distinguishes rows of one action (e.g. the kind of record deleted). */
  variant?: string;
  /** What the action's requireMember (or the page's check) asks; null: any member, the data layer decides. */
  requires: Permission | null;
  /** Why the allowed roles differ from `requires` (required when `requires` is null). */
  note?: string;
  /** The data-layer function: "<file in src/lib/server/data>.<function>". */
  data: string;
  kind: "write" | "read";
  allowed: readonly Role[];
  setup(s: Side, me: Person): Promise<I>;
  call(ctx: MemberContext, input: NoInfer<I>): Promise<unknown>;
  ids?: IdParam<NoInfer<I>>[];
}

export const at = (path: string, expect: Expect): IdParam<never> => ({ param: path, expect });

const getPath = (o: unknown, keys: string[]) => keys.reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);
function putPath<I>(o: I, keys: string[], v: unknown): I {
  const copy = structuredClone(o);
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((x, k) => x[k] as Record<string, unknown>, copy as Record<string, unknown>);
  parent[keys.at(-1)!] = v;
  return copy;
}

export function swapId<I>(p: IdParam<I>, a: I, b: I): I {
  return p.swap ? p.swap(a, b) : putPath(a, p.param.split("."), getPath(b, p.param.split(".")));
}

export function randomizeId<I>(p: IdParam<I>, a: I, id: string): I {
  if (p.random) return p.random(a, id);
  const keys = p.param.split(".");
  return putPath(a, keys, Array.isArray(getPath(a, keys)) ? [id] : id);
}

/** An observation is named by its id and the undo token that goes with it: take both from B. */
const observationId = <I extends { id: string; token: string }>(): IdParam<I> => ({
  param: "id (with its undo token)", expect: "not-found", swap: (a, b) => ({ ...a, id: b.id, token: b.token }), random: (a, id) => ({ ...a, id }),
});

const row = <I>(r: Row<I>): Row<unknown> => r as Row<unknown>;
const ALL = ROLES;
const EDITORS = ["ADMIN", "LEADER"] as const;
const MANAGERS = ["ADMIN", "LEADER", "MANAGER"] as const;
const ADMINS = ["ADMIN"] as const;
const A = (file: string) => `src/lib/actions/${file}.ts`;

const catalogueDoc = (s: Side) => ({
  content: JSON.stringify({
    format: "conduct-catalogue", version: 1, values: [{ name: s.value.name, description: "" }],
    behaviours: [{ value: s.value.name, title: `Imported behaviour ${uid()}`, actor: "The on-call engineer", action: "posts the root cause on the customer's ticket", trigger: "When a customer reports a defect", frequency: "within 24 hours", completionCriterion: "A comment headed Root cause is visible on the ticket", customerOutcome: "Customers know what happened", anchors: [], ownerEmail: s.people.LEADER.email }],
  }),
});

export const MATRIX: readonly Row<unknown>[] = [
  // ------------------------------------------------ catalogue
  row({
    action: "createBehaviourAction", surface: A("catalogue"), requires: "catalogue.edit", data: "behaviour-editor.createBehaviour", kind: "write", allowed: EDITORS,
    setup: async (s) => BehaviourInput.parse(behaviourForm(s)),
    call: (ctx, input) => createBehaviour(ctx, input),
    ids: [at("valueId", "rule"), at("ownerId", "rule")],
  }),
  row({
    action: "updateBehaviourAction", surface: A("catalogue"), requires: "catalogue.edit", data: "behaviour-editor.updateBehaviour", kind: "write", allowed: EDITORS,
    setup: async (s) => {
      const { id, version, ...input } = BehaviourUpdateInput.parse({ ...behaviourForm(s, s.behaviour.title), id: s.behaviour.id, version: "1" });
      return { id, version, input };
    },
    call: (ctx, { id, version, input }) => updateBehaviour(ctx, id, version, input),
    ids: [at("id", "not-found"), at("input.valueId", "rule"), at("input.ownerId", "rule")],
  }),
  row({
    action: "submitForReviewAction", surface: A("catalogue"), requires: "catalogue.edit", data: "behaviour-review.submitForReview", kind: "write", allowed: EDITORS,
    setup: async (s, me) => BehaviourIdInput.parse({ behaviourId: await behaviourIn(s, "DRAFT", me.role) }),
    call: (ctx, { behaviourId }) => submitForReview(ctx, behaviourId),
    ids: [at("behaviourId", "not-found")],
  }),
  row({
    action: "withdrawAction", surface: A("catalogue"), requires: "catalogue.edit", data: "behaviour-review.changeStatus", kind: "write", allowed: EDITORS,
    setup: async (s, me) => BehaviourIdInput.parse({ behaviourId: await behaviourIn(s, "IN_REVIEW", me.role) }),
    call: (ctx, { behaviourId }) => changeStatus(ctx, behaviourId, "DRAFT"),
    ids: [at("behaviourId", "not-found")],
  }),
  row({
    action: "retireAction", surface: A("catalogue"), requires: "catalogue.edit", data: "behaviour-review.changeStatus", kind: "write", allowed: EDITORS,
    setup: async (s) => BehaviourIdInput.parse({ behaviourId: s.behaviour.id }),
    call: (ctx, { behaviourId }) => changeStatus(ctx, behaviourId, "RETIRED"),
    ids: [at("behaviourId", "not-found")],
  }),
  row({
    action: "videoTestAction", surface: A("catalogue"), requires: "catalogue.review", data: "behaviour-review.recordVideoTest", kind: "write", allowed: MANAGERS,
    setup: async (s, me) =>
      VideoTestInput.parse({ behaviourId: await behaviourIn(s, "IN_REVIEW", me.role), version: "1", camera: "yes", actor: "yes", moment: "yes", agreement: "yes", verdict: "PASS", notes: "" }),
    call: (ctx, input) => recordVideoTest(ctx, input),
    ids: [at("behaviourId", "not-found")],
  }),
  row({
    action: "restoreVersionAction", surface: A("catalogue"), requires: "catalogue.edit", data: "behaviour-editor.restoreVersion", kind: "write", allowed: EDITORS,
    setup: async (s) => RestoreVersionInput.parse({ behaviourId: s.behaviour.id, restore: "1", version: "1" }),
    call: (ctx, i) => restoreVersion(ctx, i.behaviourId, i.restore, i.version),
    ids: [at("behaviourId", "not-found")],
  }),
  row({
    action: "createValueAction", surface: A("catalogue"), requires: "catalogue.edit", data: "behaviour-editor.createValue", kind: "write", allowed: EDITORS,
    setup: async () => ValueInput.parse({ name: `Ownership of outcomes ${uid()}`, description: "" }),
    call: (ctx, input) => createValue(ctx, input),
  }),
  row({
    action: "createVariantAction", surface: A("catalogue"), requires: null, data: "behaviour-variants.createVariant", kind: "write", allowed: MANAGERS,
    note: "requireMember() only: createVariant allows catalogue.edit, or a MANAGER who belongs to the team (every role is in the scenario's team)",
    setup: async (s) => {
      const { behaviourId, ...input } = CreateVariantInput.parse({ behaviourId: s.behaviour.id, teamId: s.team.id, trigger: "When a customer reports a defect in the mobile app", frequency: "within 4 hours" });
      return { behaviourId, input };
    },
    call: (ctx, { behaviourId, input }) => createVariant(ctx, behaviourId, input),
    ids: [at("behaviourId", "not-found"), at("input.teamId", "rule")],
  }),
  row({
    action: "createVariantAction", surface: A("catalogue"), variant: "a team the caller is not in", requires: null, data: "behaviour-variants.createVariant", kind: "write", allowed: EDITORS,
    note: "a MANAGER may adapt a behaviour only for a team they belong to",
    setup: async (s) => {
      const team = await buildTeam(db(), s.org.id);
      const { behaviourId, ...input } = CreateVariantInput.parse({ behaviourId: s.behaviour.id, teamId: team.id, trigger: "When a customer reports a defect by e-mail", frequency: "within 6 hours" });
      return { behaviourId, input };
    },
    call: (ctx, { behaviourId, input }) => createVariant(ctx, behaviourId, input),
  }),
  // ------------------------------------------------ barriers and interventions
  row({
    action: "createBarrierAction", surface: A("barriers"), requires: "barriers.propose", data: "barriers.createBarrier", kind: "write", allowed: ALL,
    setup: async (s) => BarrierInput.parse(barrierForm(s)),
    call: (ctx, input) => createBarrier(ctx, input),
    ids: [at("behaviourIds", "rule"), at("teamIds", "rule")],
  }),
  row({
    action: "updateBarrierAction", surface: A("barriers"), requires: "barriers.manage", data: "barriers.updateBarrier", kind: "write", allowed: MANAGERS,
    setup: async (s) => {
      const id = await s.barrier();
      const { updatedAt } = await db().barrier.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
      const { id: _id, updatedAt: expected, ...input } = BarrierUpdateInput.parse({ ...barrierForm(s), id, updatedAt: updatedAt.toISOString() });
      return { id, expected, input };
    },
    call: (ctx, { id, expected, input }) => updateBarrier(ctx, id, expected, input),
    ids: [at("id", "not-found"), at("input.behaviourIds", "rule"), at("input.teamIds", "rule")],
  }),
  row({
    action: "changeBarrierStatusAction", surface: A("barriers"), requires: "barriers.manage", data: "barriers.changeBarrierStatus", kind: "write", allowed: MANAGERS,
    setup: async (s) => BarrierStatusInput.parse({ id: await s.barrier(), status: "INTERVENTION_PLANNED" }),
    call: (ctx, { id, status }) => changeBarrierStatus(ctx, id, status),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "createInterventionAction", surface: A("barriers"), requires: "barriers.manage", data: "interventions.createIntervention", kind: "write", allowed: MANAGERS,
    setup: async (s) => {
      const scores = Object.fromEntries(["affordability", "practicability", "effectiveness", "acceptability", "sideEffects", "equity"].map((k) => [`${k}Score`, "4"]));
      return InterventionInput.parse({ barrierId: await s.barrier(), function: "ENVIRONMENTAL_RESTRUCTURING", title: "Link the logs from every alert", ownerId: s.people.MANAGER.membershipId, teamIds: [s.team.id], startDate: today(), ...scores });
    },
    call: (ctx, input) => createIntervention(ctx, input),
    ids: [at("barrierId", "not-found"), at("ownerId", "rule"), at("teamIds", "rule")],
  }),
  // ------------------------------------------------ dashboards
  row({
    action: "saveCustomerStoryAction", surface: A("dashboards"), requires: "dashboards.view", data: "customer-stories.saveCustomerStory", kind: "write", allowed: MANAGERS,
    setup: async () => CustomerStoryInput.parse({ meetingDate: today(), story: "A customer thanked us for the root cause on their ticket." }),
    call: (ctx, input) => saveCustomerStory(ctx, input),
  }),
  // ------------------------------------------------ members
  row({
    action: "inviteAction", surface: A("members"), requires: "members.manage", data: "members.createInvitation", kind: "write", allowed: ADMINS,
    setup: async () => InviteInput.parse({ role: "MANAGER", email: `invitee-${uid()}@example.test` }),
    call: (ctx, input) => createInvitation(ctx, input),
  }),
  row({
    action: "changeRoleAction", surface: A("members"), requires: "members.manage", data: "members.changeRole", kind: "write", allowed: ADMINS,
    setup: async (s) => ChangeRoleInput.parse({ membershipId: s.people.MEMBER.membershipId, role: "MANAGER" }),
    call: (ctx, i) => changeRole(ctx, i.membershipId, i.role),
    ids: [at("membershipId", "not-found")],
  }),
  row({
    action: "setMemberStatusAction", surface: A("members"), requires: "members.manage", data: "members.setMemberStatus", kind: "write", allowed: ADMINS,
    setup: async (s) => SetMemberStatusInput.parse({ membershipId: (await buildMember(db(), s.org.id, "MEMBER")).membership.id, status: "DISABLED" }),
    call: (ctx, i) => setMemberStatus(ctx, i.membershipId, i.status),
    ids: [at("membershipId", "not-found")],
  }),
  row({
    action: "revokeInvitationAction", surface: A("members"), requires: "members.manage", data: "members.revokeInvitation", kind: "write", allowed: ADMINS,
    setup: async (s) => RevokeInvitationInput.parse({ invitationId: await s.invitation() }),
    call: (ctx, i) => revokeInvitation(ctx, i.invitationId),
    ids: [at("invitationId", "not-found")],
  }),
  // ------------------------------------------------ metrics
  row({
    action: "createMetricAction", surface: A("metrics"), requires: "metrics.manage", data: "metrics.createMetric", kind: "write", allowed: MANAGERS,
    // A derived metric, so that every id the form can name is in the input.
    setup: async (s) => MetricInput.parse({ ...metricForm(s, `Adoption of fix confirmations ${uid()}`), kind: "INTERNAL_PROCESS", timing: "LEADING", sourceBehaviourId: s.behaviour.id }),
    call: (ctx, input) => createMetric(ctx, input),
    ids: [at("ownerId", "rule"), at("teamIds", "rule"), at("sourceBehaviourId", "rule")],
  }),
  row({
    action: "updateMetricAction", surface: A("metrics"), requires: "metrics.manage", data: "metrics.updateMetric", kind: "write", allowed: MANAGERS,
    setup: async (s) => {
      const m = await s.metric();
      const { updatedAt } = await db().metric.findUniqueOrThrow({ where: { id: m.id }, select: { updatedAt: true } });
      const { id, updatedAt: expected, ...input } = MetricUpdateInput.parse({ ...metricForm(s, m.name), targetValue: "95", id: m.id, updatedAt: updatedAt.toISOString() });
      return { id, expected, input };
    },
    call: (ctx, { id, expected, input }) => updateMetric(ctx, id, expected, input),
    ids: [at("id", "not-found"), at("input.ownerId", "rule"), at("input.teamIds", "rule")],
  }),
  row({
    action: "addReadingAction", surface: A("metrics"), requires: "metrics.manage", data: "metric-readings.addReading", kind: "write", allowed: MANAGERS,
    setup: async (s) => ReadingInput.parse({ metricId: (await s.metric()).id, date: today(), teamId: s.team.id, value: "88.5" }),
    call: (ctx, input) => addReading(ctx, input),
    ids: [at("metricId", "not-found"), at("teamId", "rule")],
  }),
  row({
    action: "setMetricBehavioursAction", surface: A("metrics"), requires: "metrics.manage", data: "metrics.setMetricBehaviours", kind: "write", allowed: MANAGERS,
    setup: async (s) => MetricBehavioursInput.parse({ metricId: (await s.metric()).id, behaviourIds: [s.behaviour.id] }),
    call: (ctx, i) => setMetricBehaviours(ctx, i.metricId, i.behaviourIds),
    ids: [at("metricId", "not-found"), at("behaviourIds", "rule")],
  }),
  row({
    action: "previewReadingImportAction", surface: A("metrics"), requires: "metrics.manage", data: "metric-readings.previewReadingImport", kind: "read", allowed: MANAGERS,
    setup: async (s) => ImportInput.parse({ content: `date,metric,team,value\n${today()},${(await s.metric()).name},${s.team.name},91\n` }),
    call: (ctx, i) => previewReadingImport(ctx, i.content),
  }),
  row({
    action: "commitReadingImportAction", surface: A("metrics"), requires: "metrics.manage", data: "metric-readings.commitReadingImport", kind: "write", allowed: MANAGERS,
    setup: async (s) => ImportInput.parse({ content: `date,metric,team,value\n${daysAgo(1)},${(await s.metric()).name},${s.team.name},91\n` }),
    call: (ctx, i) => commitReadingImport(ctx, i.content),
  }),
  // ------------------------------------------------ observations
  row({
    action: "logObservationAction", surface: A("observations"), requires: "observations.log", data: "observation-log.logObservation", kind: "write", allowed: ALL,
    setup: async (s) => LogObservationInput.parse(logForm(s)),
    call: (ctx, input) => logObservation(ctx, input),
    ids: [at("behaviourId", "rule"), at("teamId", "rule")],
  }),
  row({
    action: "undoObservationAction", surface: A("observations"), requires: "observations.log", data: "observation-log.undoObservation", kind: "write", allowed: ALL,
    setup: async (s, me) => {
      const o = await logObservation(me.ctx, LogObservationInput.parse(logForm(s)));
      return UndoObservationInput.parse({ id: o.id, token: o.undoToken });
    },
    call: (ctx, i) => undoObservation(ctx, i.id, i.token),
    ids: [observationId()],
  }),
  row({
    action: "logBatchAction", surface: A("observations"), requires: "observations.log", data: "observation-log.logBatch", kind: "write", allowed: ALL,
    setup: async (s) => LogBatchInput.parse({ ...logForm(s, { note: "sprint review" }), performed: "3", opportunities: "4", occurredOn: today() }),
    call: (ctx, input) => logBatch(ctx, input),
    ids: [at("behaviourId", "rule"), at("teamId", "rule")],
  }),
  row({
    action: "previewObservationImportAction", surface: A("observations"), requires: "observations.import", data: "observation-transfer.previewObservationImport", kind: "read", allowed: MANAGERS,
    setup: async (s) => ImportInput.parse({ content: `date,team,behaviour,performed,missed,note\n${today()},${s.team.name},${s.behaviour.title},4,1,\n` }),
    call: (ctx, i) => previewObservationImport(ctx, i.content),
  }),
  row({
    action: "commitObservationImportAction", surface: A("observations"), requires: "observations.import", data: "observation-transfer.commitObservationImport", kind: "write", allowed: MANAGERS,
    setup: async (s) => ImportInput.parse({ content: `date,team,behaviour,performed,missed,note\n${today()},${s.team.name},${s.behaviour.title},4,1,\n` }),
    call: (ctx, i) => commitObservationImport(ctx, i.content),
  }),
  row({
    action: "editObservationAction", surface: A("observations"), requires: "observations.log", data: "observation-log.editObservation", kind: "write", allowed: ALL,
    setup: async (s, me) => {
      const o = await logObservation(me.ctx, LogObservationInput.parse(logForm(s)));
      return EditObservationInput.parse({ id: o.id, token: o.undoToken, outcome: "missed", note: "The customer was away." });
    },
    call: (ctx, i) => editObservation(ctx, i.id, i.token, { outcome: i.outcome, note: i.note }),
    ids: [observationId<ReturnType<typeof EditObservationInput.parse>>()],
  }),
  // ------------------------------------------------ surveys
  row({
    action: "createSurveyAction", surface: A("surveys"), requires: "barriers.manage", data: "surveys.createSurvey", kind: "write", allowed: MANAGERS,
    setup: async (s) => SurveyInput.parse({ title: "Why fixes go unconfirmed", behaviourId: s.behaviour.id, prevalencePct: "20", anonymous: "on", questions: JSON.stringify(QUESTIONS) }),
    call: (ctx, input) => createSurvey(ctx, input),
    ids: [at("behaviourId", "rule")],
  }),
  row({
    action: "respondToSurveyAction", surface: A("surveys"), requires: "surveys.respond", data: "surveys.respondToSurvey", kind: "write", allowed: ALL,
    setup: async (s) => {
      const survey = await s.survey();
      const form = new FormData();
      form.set("surveyId", survey.id);
      for (const q of survey.questions) form.set(`q_${q.id}`, q.options[0]!.id);
      return { surveyId: SurveyIdInput.parse({ surveyId: form.get("surveyId") }).surveyId, choices: responseChoices(form) };
    },
    call: (ctx, i) => respondToSurvey(ctx, i.surveyId, i.choices),
    ids: [
      at("surveyId", "not-found"),
      {
        // A's questions answered with B's responses, question by question.
        param: "choices (option ids)", expect: "rule",
        swap: (a, b) => ({ ...a, choices: new Map([...a.choices.keys()].map((q, i) => [q, [...b.choices.values()][i]!])) }),
        random: (a, id) => ({ ...a, choices: new Map([...a.choices.keys()].map((q) => [q, [id]])) }),
      },
    ],
  }),
  row({
    action: "setSurveyStatusAction", surface: A("surveys"), requires: "barriers.manage", data: "surveys.setSurveyStatus", kind: "write", allowed: MANAGERS,
    setup: async (s) => SurveyStatusInput.parse({ surveyId: (await s.survey()).id, status: "CLOSED" }),
    call: (ctx, i) => setSurveyStatus(ctx, i.surveyId, i.status),
    ids: [at("surveyId", "not-found")],
  }),
  row({
    action: "previewSurveyImportAction", surface: A("surveys"), requires: "barriers.manage", data: "survey-transfer.previewSurveyImport", kind: "read", allowed: MANAGERS,
    setup: async (s) => ImportInput.extend(SurveyIdInput.shape).parse({ surveyId: (await s.survey()).id, content: surveyCsv([[`r${uid()}`, "", "Yes", "No", "Yes"], [`r${uid()}`, "", "No", "Yes", "No"]]) }),
    call: (ctx, i) => previewSurveyImport(ctx, i.surveyId, i.content),
    ids: [at("surveyId", "not-found")],
  }),
  row({
    action: "commitSurveyImportAction", surface: A("surveys"), requires: "barriers.manage", data: "survey-transfer.commitSurveyImport", kind: "write", allowed: MANAGERS,
    setup: async (s) => ImportInput.extend(SurveyIdInput.shape).parse({ surveyId: (await s.survey()).id, content: surveyCsv([[`r${uid()}`, "", "Yes", "No", "Yes"], [`r${uid()}`, "", "No", "Yes", "No"]]) }),
    call: (ctx, i) => commitSurveyImport(ctx, i.surveyId, i.content),
    ids: [at("surveyId", "not-found")],
  }),
  row({
    action: "barrierFromResponseAction", surface: A("surveys"), requires: "barriers.manage", data: "survey-transfer.barrierFromResponse", kind: "write", allowed: MANAGERS,
    setup: async (s) => {
      const survey = await s.survey();
      await commitSurveyImport(s.people.MANAGER.ctx, survey.id, surveyCsv(significantRespondents()));
      const optionId = survey.questions.find((q) => q.text === ACCESS)!.options.find((o) => o.label === "Yes")!.id;
      return BarrierFromResponseInput.parse({ surveyId: survey.id, optionId });
    },
    call: (ctx, i) => barrierFromResponse(ctx, i.surveyId, i.optionId),
    ids: [at("surveyId", "not-found"), at("optionId", "not-found")],
  }),
  // ------------------------------------------------ catalogue transfer
  row({
    action: "previewImportAction", surface: A("transfer"), requires: "catalogue.edit", data: "catalogue-transfer.previewCatalogueImport", kind: "read", allowed: EDITORS,
    setup: async (s) => ImportInput.parse(catalogueDoc(s)),
    call: (ctx, i) => previewCatalogueImport(ctx, i.content),
  }),
  row({
    action: "commitImportAction", surface: A("transfer"), requires: "catalogue.edit", data: "catalogue-transfer.commitCatalogueImport", kind: "write", allowed: EDITORS,
    setup: async (s) => ImportInput.parse(catalogueDoc(s)),
    call: (ctx, i) => commitCatalogueImport(ctx, i.content),
  }),
  // ------------------------------------------------ deleting and restoring
  ...([
    ["behaviour", EDITORS, "catalogue.edit"],
    ["barrier", MANAGERS, "barriers.manage"],
    ["metric", MANAGERS, "metrics.manage"],
  ] as const).map(([type, allowed, perm]) =>
    row({
      action: "deleteAction", surface: A("trash"), variant: type, requires: null, data: "trash.softDelete", kind: "write", allowed,
      note: `requireMember() only: softDelete asks ${perm} for a ${type}`,
      setup: async (s) => TrashInput.parse({ type, id: type === "behaviour" ? s.behaviour.id : type === "barrier" ? await s.barrier() : (await s.metric()).id }),
      call: (ctx, i) => softDelete(ctx, i.type, i.id),
      ids: [at("id", "not-found")],
    }),
  ),
  row({
    action: "restoreAction", surface: A("trash"), requires: "members.manage", data: "trash.restoreDeleted", kind: "write", allowed: ADMINS,
    setup: async (s) => {
      const id = await s.barrier();
      await softDelete(s.people.MANAGER.ctx, "barrier", id);
      return TrashInput.parse({ type: "barrier", id });
    },
    call: (ctx, i) => restoreDeleted(ctx, i.type, i.id),
    ids: [at("id", "not-found")],
  }),
  // ------------------------------------------------ role-restricted reads (pages and routes)
  row({ action: null, surface: "page /catalogue/new", requires: "catalogue.edit", data: "behaviour-editor.editorOptions", kind: "read", allowed: EDITORS, setup: async () => ({}), call: (ctx) => editorOptions(ctx) }),
  row({
    action: null, surface: "page /catalogue/[id]/edit", requires: "catalogue.edit", data: "behaviour-editor.behaviourForEdit", kind: "read", allowed: EDITORS,
    setup: async (s) => ({ id: s.behaviour.id }), call: (ctx, i) => behaviourForEdit(ctx, i.id), ids: [at("id", "not-found")],
  }),
  row({
    action: null, surface: "page /settings", requires: "members.manage", data: "members.listMembers", kind: "read", allowed: ADMINS,
    note: "the page calls it for admins only; the DTO carries every member's e-mail",
    setup: async () => ({}), call: (ctx) => listMembers(ctx),
  }),
  row({ action: null, surface: "page /settings", requires: "members.manage", data: "members.listInvitations", kind: "read", allowed: ADMINS, setup: async (s) => ({ inv: await s.invitation() }), call: (ctx) => listInvitations(ctx) }),
  row({ action: null, surface: "page /settings/deleted", requires: "members.manage", data: "trash.listDeleted", kind: "read", allowed: ADMINS, setup: async () => ({}), call: (ctx) => listDeleted(ctx) }),
  row({ action: null, surface: "page /barriers/new", requires: "barriers.propose", data: "barriers.barrierOptions", kind: "read", allowed: ALL, setup: async () => ({}), call: (ctx) => barrierOptions(ctx) }),
  row({
    action: null, surface: "page /barriers/[id]/edit", requires: "barriers.manage", data: "barriers.barrierForEdit", kind: "read", allowed: MANAGERS,
    setup: async (s) => ({ id: await s.barrier() }), call: (ctx, i) => barrierForEdit(ctx, i.id), ids: [at("id", "not-found")],
  }),
  row({
    action: null, surface: "page /barriers/[id]/interventions/new", requires: "barriers.manage", data: "interventions.interventionFormContext", kind: "read", allowed: MANAGERS,
    setup: async (s) => ({ barrierId: await s.barrier() }), call: (ctx, i) => interventionFormContext(ctx, i.barrierId), ids: [at("barrierId", "not-found")],
  }),
  row({ action: null, surface: "page /surveys/new", requires: "barriers.manage", data: "surveys.surveyBehaviours", kind: "read", allowed: MANAGERS, setup: async () => ({}), call: (ctx) => surveyBehaviours(ctx) }),
  row({
    action: null, surface: "page /surveys/[id]", requires: "barriers.manage", data: "surveys.surveyTabulation", kind: "read", allowed: MANAGERS,
    note: "the page asks requireMemberPage() and sends others to /respond; the function itself refuses",
    setup: async (s) => ({ id: (await s.survey()).id }), call: (ctx, i) => surveyTabulation(ctx, i.id), ids: [at("id", "not-found")],
  }),
  row({
    action: null, surface: "route /surveys/[id]/export", requires: "barriers.manage", data: "survey-transfer.exportTabulationCsv", kind: "read", allowed: MANAGERS,
    setup: async (s) => ({ id: (await s.survey()).id }), call: (ctx, i) => exportTabulationCsv(ctx, i.id), ids: [at("id", "not-found")],
  }),
  row({ action: null, surface: "page /metrics", requires: "dashboards.view", data: "metrics.listMetrics", kind: "read", allowed: MANAGERS, setup: async (s) => ({ m: await s.metric() }), call: (ctx) => listMetrics(ctx) }),
  row({
    action: null, surface: "page /metrics/[id]", requires: "dashboards.view", data: "metrics.getMetric", kind: "read", allowed: MANAGERS,
    setup: async (s) => ({ id: (await s.metric()).id }), call: (ctx, i) => getMetric(ctx, i.id), ids: [at("id", "not-found")],
  }),
  row({
    action: null, surface: "page /dashboards/behaviour, through behaviourOutcome", requires: "dashboards.view", data: "metrics.metricSeries", kind: "read", allowed: MANAGERS,
    setup: async (s) => ({ id: (await s.metric()).id, from: daysAgo(90), to: today() }), call: (ctx, i) => metricSeries(ctx, i.id, i.from, i.to), ids: [at("id", "not-found")],
  }),
  row({ action: null, surface: "page /metrics/audit", requires: "dashboards.view", data: "metrics.metricsAudit", kind: "read", allowed: MANAGERS, setup: async (s) => ({ m: await s.metric() }), call: (ctx) => metricsAudit(ctx) }),
  row({ action: null, surface: "page /metrics/new", requires: "metrics.manage", data: "metrics.metricOptions", kind: "read", allowed: MANAGERS, setup: async () => ({}), call: (ctx) => metricOptions(ctx) }),
  row({
    action: null, surface: "page /metrics/[id]/edit", requires: "metrics.manage", data: "metrics.metricForEdit", kind: "read", allowed: MANAGERS,
    setup: async (s) => ({ id: (await s.metric()).id }), call: (ctx, i) => metricForEdit(ctx, i.id), ids: [at("id", "not-found")],
  }),
  row({
    action: null, surface: "no page or route yet (the readings export)", requires: "dashboards.view", data: "metric-readings.exportReadingsCsv", kind: "read", allowed: MANAGERS,
    setup: async (s) => ({ m: await s.metric() }), call: (ctx) => exportReadingsCsv(ctx),
  }),
  row({
    action: null, surface: "page /dashboards", requires: "dashboards.view", data: "dashboards.organisationOverview", kind: "read", allowed: MANAGERS,
    setup: async (s) => {
      await s.observation();
      return { filter: DashboardFilter.parse({ period: "12w", team: s.team.id, value: s.value.id }) };
    },
    call: (ctx, i) => organisationOverview(ctx, i.filter),
    ids: [at("filter.team", "same"), at("filter.value", "same")],
  }),
  row({
    action: null, surface: "page /dashboards/behaviour", requires: "dashboards.view", data: "dashboards.behaviourOutcome", kind: "read", allowed: MANAGERS,
    setup: async (s) => {
      const m = await s.metric();
      await setMetricBehaviours(s.people.MANAGER.ctx, m.id, [s.behaviour.id]);
      return { filter: DashboardFilter.parse({}), ids: { behaviour: s.behaviour.id, metric: m.id } };
    },
    call: (ctx, i) => behaviourOutcome(ctx, i.filter, i.ids),
    ids: [at("ids.behaviour", "not-found"), at("ids.metric", "same")],
  }),
  row({
    action: null, surface: "page /dashboards/team", requires: "dashboards.view", data: "dashboards.teamView", kind: "read", allowed: MANAGERS,
    setup: async (s) => ({ filter: DashboardFilter.parse({}), teamId: s.team.id }), call: (ctx, i) => teamView(ctx, i.filter, i.teamId), ids: [at("teamId", "not-found")],
  }),
  row({ action: null, surface: "page /dashboards/standup", requires: "dashboards.view", data: "dashboards.standup", kind: "read", allowed: MANAGERS, setup: async () => ({}), call: (ctx) => standup(ctx) }),
  row({ action: null, surface: "page /dashboards/team, through teamView", requires: "dashboards.view", data: "coverage.listCoverageGaps", kind: "read", allowed: MANAGERS, setup: async () => ({}), call: (ctx) => listCoverageGaps(ctx) }),
  row({ action: null, surface: "page /log/honesty", requires: "honesty.review", data: "honesty.listHonestyFlags", kind: "read", allowed: EDITORS, setup: async (s) => ({ o: await s.observation() }), call: (ctx) => listHonestyFlags(ctx) }),
  row({
    action: null, surface: "page /settings/audit", requires: "members.manage", data: "audit-trail.listAuditEvents", kind: "read", allowed: ADMINS,
    setup: async (s, me) => ({ inv: await s.invitation(), filter: AuditFilter.parse({ actor: me.userId }) }), call: (ctx, i) => listAuditEvents(ctx, i.filter), ids: [at("filter.actor", "same")],
  }),
  row({ action: null, surface: "page /settings/audit", requires: "members.manage", data: "audit-trail.auditActorOptions", kind: "read", allowed: ADMINS, setup: async () => ({}), call: (ctx) => auditActorOptions(ctx) }),
  row({
    action: null, surface: "route /settings/audit/export", requires: "members.manage", data: "audit-trail.exportAuditCsv", kind: "read", allowed: ADMINS,
    note: "writes only its own audit event, which dataCounts leaves out",
    setup: async (s, me) => ({ inv: await s.invitation(), filter: AuditFilter.parse({ actor: me.userId }) }), call: (ctx, i) => exportAuditCsv(ctx, i.filter), ids: [at("filter.actor", "same")],
  }),
];

/**
 * Reads open to every member that take an id: not part of the role walk (no role is refused), but
 * part of the cross-organisation walk.
 */
export const OPEN_READS: readonly Row<unknown>[] = [
  row({ action: null, surface: "page /catalogue/[id]", requires: null, data: "catalogue.getBehaviour", kind: "read", allowed: ALL, setup: async (s) => ({ id: s.behaviour.id }), call: (ctx, i) => getBehaviour(ctx, i.id), ids: [at("id", "not-found")] }),
  row({ action: null, surface: "page /catalogue/[id]", requires: null, data: "catalogue.behaviourLinks", kind: "read", allowed: ALL, setup: async (s) => ({ b: await s.barrier(), id: s.behaviour.id }), call: (ctx, i) => behaviourLinks(ctx, i.id), ids: [at("id", "same")] }),
  row({
    action: null, surface: "page /catalogue/[id]", requires: null, data: "catalogue.behaviourWeeks", kind: "read", allowed: ALL,
    setup: async (s) => ({ o: await s.observation(), behaviourId: s.behaviour.id, teamId: s.team.id }), call: (ctx, i) => behaviourWeeks(ctx, i.behaviourId, i.teamId), ids: [at("behaviourId", "same"), at("teamId", "same")],
  }),
  row({
    action: null, surface: "page /catalogue/[id]", requires: null, data: "behaviour-variants.listVariants", kind: "read", allowed: ALL,
    setup: async (s) => {
      await createVariant(s.people.LEADER.ctx, s.behaviour.id, { teamId: s.team.id, trigger: "When a customer reports a defect by phone", frequency: "within 8 hours" });
      return { id: s.behaviour.id };
    },
    call: (ctx, i) => listVariants(ctx, i.id), ids: [at("id", "same")],
  }),
  row({
    action: null, surface: "page /catalogue/[id]", requires: null, data: "behaviour-review.listVideoTests", kind: "read", allowed: ALL,
    setup: async (s, me) => {
      const id = await behaviourIn(s, "IN_REVIEW", me.role);
      const reviewer = s.people[me.role === "MANAGER" ? "ADMIN" : "MANAGER"];
      await recordVideoTest(reviewer.ctx, VideoTestInput.parse({ behaviourId: id, version: "1", camera: "yes", actor: "yes", moment: "no", agreement: "yes", verdict: "FAIL", notes: "Say when." }));
      return { id };
    },
    call: (ctx, i) => listVideoTests(ctx, i.id), ids: [at("id", "same")],
  }),
  row({ action: null, surface: "page /catalogue/[id]", requires: null, data: "behaviour-review.listVersions", kind: "read", allowed: ALL, setup: async (s) => ({ id: s.behaviour.id }), call: (ctx, i) => listVersions(ctx, i.id), ids: [at("id", "same")] }),
  row({ action: null, surface: "page /barriers/[id]", requires: null, data: "barriers.getBarrier", kind: "read", allowed: ALL, setup: async (s) => ({ id: await s.barrier() }), call: (ctx, i) => getBarrier(ctx, i.id), ids: [at("id", "not-found")] }),
  row({
    action: null, surface: "page /barriers/[id]", requires: null, data: "barriers.missedNotes", kind: "read", allowed: ALL,
    setup: async (s, me) => {
      await logObservation(me.ctx, LogObservationInput.parse(logForm(s, { outcome: "missed", note: "Could not find the logs." })));
      return { behaviourIds: [s.behaviour.id], teamIds: [s.team.id] };
    },
    call: (ctx, i) => missedNotes(ctx, i.behaviourIds, i.teamIds), ids: [at("behaviourIds", "same"), at("teamIds", "same")],
  }),
  row({
    action: null, surface: "page /barriers", requires: null, data: "barriers.listBarriers", kind: "read", allowed: ALL,
    setup: async (s) => ({ b: await s.barrier(), filter: { behaviourId: s.behaviour.id } }), call: (ctx, i) => listBarriers(ctx, i.filter), ids: [at("filter.behaviourId", "same")],
  }),
  row({
    action: null, surface: "page /interventions/[id]", requires: null, data: "interventions.getIntervention", kind: "read", allowed: ALL,
    setup: async (s) => {
      const scores = Object.fromEntries(["affordability", "practicability", "effectiveness", "acceptability", "sideEffects", "equity"].map((k) => [`${k}Score`, "3"]));
      const input = InterventionInput.parse({ barrierId: await s.barrier(), function: "TRAINING", title: "Show where the logs are", ownerId: s.people.MANAGER.membershipId, teamIds: [s.team.id], startDate: daysAgo(7), ...scores });
      return { id: await createIntervention(s.people.MANAGER.ctx, input) };
    },
    call: (ctx, i) => getIntervention(ctx, i.id), ids: [at("id", "not-found")],
  }),
  row({ action: null, surface: "page /surveys/[id]/respond", requires: null, data: "surveys.getSurvey", kind: "read", allowed: ALL, setup: async (s) => ({ id: (await s.survey()).id }), call: (ctx, i) => getSurvey(ctx, i.id), ids: [at("id", "not-found")] }),
  row({
    action: null, surface: "page /surveys/[id]/respond", requires: null, data: "surveys.hasResponded", kind: "read", allowed: ALL,
    setup: async (s, me) => {
      const survey = await s.survey();
      await respondToSurvey(me.ctx, survey.id, new Map(survey.questions.map((q) => [q.id, [q.options[0]!.id]])));
      return { surveyId: survey.id };
    },
    call: (ctx, i) => hasResponded(ctx, i.surveyId), ids: [at("surveyId", "same")],
  }),
  row({ action: null, surface: "page /teams/[id]", requires: null, data: "teams.getTeam", kind: "read", allowed: ALL, setup: async (s) => ({ id: s.team.id }), call: (ctx, i) => getTeam(ctx, i.id), ids: [at("id", "not-found")] }),
  row({
    action: null, surface: "page /log", requires: null, data: "observations.listRecentObservations", kind: "read", allowed: ALL,
    setup: async (s) => ({ o: await s.observation(), filter: ObservationFilter.parse({ team: s.team.id, behaviour: s.behaviour.id }) }),
    call: (ctx, i) => listRecentObservations(ctx, i.filter), ids: [at("filter.team", "same"), at("filter.behaviour", "same")],
  }),
  row({
    action: null, surface: "route /log/export", requires: null, data: "observation-transfer.exportObservationsCsv", kind: "read", allowed: ALL,
    setup: async (s) => ({ o: await s.observation(), filter: ObservationFilter.parse({ team: s.team.id, behaviour: s.behaviour.id }) }),
    call: (ctx, i) => exportObservationsCsv(ctx, i.filter), ids: [at("filter.team", "same"), at("filter.behaviour", "same")],
  }),
];

/**
 * Actions that ask for no permission: the caller has no organisation yet, or acts only on their
 * own account. Each is covered by accounts.test.ts / members.test.ts.
 */
export const NO_PERMISSION_ACTIONS: Record<string, string> = {
  signUpAction: "creates a new user and their own organisation",
  acceptInviteAsNewUserAction: "a new person accepts an invitation link; the token is the authority",
  acceptInviteAction: "a signed-in user accepts an invitation link; the token is the authority",
  switchOrganizationAction: "only ever to an organisation the user is an active member of (memberContext)",
  createOrganizationAction: "any signed-in user may start another organisation, becoming its admin",
};

export const rowLabel = (r: Row<unknown>) => `${r.action ?? r.surface}${r.variant ? ` [${r.variant}]` : ""} → ${r.data}`;

/** The least privileged role a row allows (ROLES runs from most to least privileged). */
export const leastAllowed = (r: Row<unknown>): Role => [...ROLES].reverse().find((role) => r.allowed.includes(role))!;

// ---------------------------------------------------------------- "did any row change?"

let tables: string[] | undefined;

/**
 * A hash of every row of every table except the append-only audit trail: unlike row counts it
 * also changes when a row is updated, so it shows that an allowed write did something and that a
 * refused one changed nothing at all.
 */
export async function rowFingerprint(): Promise<Record<string, string>> {
  const sql = database().sql;
  tables ??= (
    await sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'AuditEvent' ORDER BY table_name`)
  ).map((t) => t.table_name);
  const rows = await sql.query<{ t: string; h: string }>(
    tables.map((t) => `SELECT '${t}' AS t, count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) AS h FROM "${t}" x`).join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}
