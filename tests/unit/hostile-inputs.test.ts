// Issue 7, "Hostile input": every input schema a server action parses with is fed the hostile
// corpus, one field at a time and as a whole body. A schema must never throw; a refusal names the
// field with a message a person can read; and whatever it accepts is safe to store and to show.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { z } from "@/lib/schemas/zod";
import { formObjectWithLists, zodFieldErrors } from "@/lib/schemas/action-result";
import { CONTROL } from "@/lib/schemas/text";
import { EditObservationInput, LogBatchInput, LogObservationInput, ObservationFilter, UndoObservationInput } from "@/lib/schemas/observations";
import { BehaviourIdInput, BehaviourInput, BehaviourUpdateInput, RestoreVersionInput, ValueInput, VideoTestInput } from "@/lib/schemas/behaviour";
import { CreateVariantInput } from "@/lib/schemas/variants";
import { BarrierInput, BarrierStatusInput, BarrierUpdateInput, COMB_COMPONENTS, FEASIBILITIES, InterventionInput } from "@/lib/schemas/barriers";
import { BarrierFromResponseInput, responseChoices, SurveyIdInput, SurveyInput, SurveyStatusInput } from "@/lib/schemas/surveys";
import { DIRECTIONS, METRIC_KINDS, METRIC_TIMINGS, MetricBehavioursInput, MetricInput, MetricUpdateInput, ReadingInput, TARGET_TYPES } from "@/lib/schemas/metrics";
import { CustomerStoryInput, parseDashboardFilter, PERIODS } from "@/lib/schemas/dashboards";
import { TrashInput } from "@/lib/schemas/trash";
import { ChangeRoleInput, InviteInput, NewOrganizationInput, RevokeInvitationInput, SetMemberStatusInput, SwitchOrganizationInput } from "@/lib/schemas/members";
import { NewAccountFromInvite, SignInInput, SignUpInput } from "@/lib/schemas/auth";
import { ImportInput } from "@/lib/schemas/transfer";
import { AUDIT_OUTCOMES, parseAuditParams } from "@/lib/schemas/audit-trail";
import { CatalogueFilter } from "@/lib/schemas/catalogue";
import { BARRIER_STATUSES } from "@/lib/domain/barriers";
import { INTERVENTION_FUNCTIONS } from "@/lib/domain/interventions";
import { DETERMINANTS } from "@/lib/domain/surveys";
import { TRASH_TYPES } from "@/lib/domain/trash";
import { ROLES } from "@/lib/domain/roles";
import { HOSTILE, HOSTILE_JSON_TEXT, HOSTILE_STRINGS, TEN_KB, WRONG_BODIES, type Hostile } from "../support/hostile-corpus";

// ---------------------------------------------------------------- what "safe" means per field

/** Postgres `integer`, the column behind every Prisma `Int` (versions, counts, scores). */
const INT4_MAX = 2_147_483_647;

type Rule =
  | { kind: "text"; max: number } // trimmed, stored, shown: round-trips unchanged apart from the trim
  | { kind: "id"; max: number; nullable?: true } // a reference the data layer looks up
  | { kind: "ids"; max: number; each: number }
  | { kind: "key" } // idempotency key: [A-Za-z0-9_-]{8,64}
  | { kind: "secret"; max: number } // passwords and tokens: hashed, never stored or shown as typed
  | { kind: "file"; max: number } // an import file's text: the readers check what is inside (hostile-csv.test.ts)
  | { kind: "email"; optional?: true }
  | { kind: "int"; min: number; max: number; nullable?: true }
  | { kind: "number"; min: number; max: number; nullable?: true }
  | { kind: "date"; nullable?: true; optional?: true }
  | { kind: "timestamp" } // an ISO date-time the data layer turns into a Date
  | { kind: "enum"; values: readonly string[]; nullable?: true }
  | { kind: "bool" }
  | { kind: "lines"; items: number; each: number } // anchors: one per line in, a list out
  | { kind: "questions" };

const text = (max: number): Rule => ({ kind: "text", max });
const id: Rule = { kind: "id", max: 40 };
const ids = (max: number): Rule => ({ kind: "ids", max, each: 40 });
const int = (min: number, max: number, nullable?: true): Rule => ({ kind: "int", min, max, nullable });
const oneOf = (values: readonly string[], nullable?: true): Rule => ({ kind: "enum", values, nullable });
const version = int(1, INT4_MAX);
const score = int(1, 5);

interface SchemaCase {
  /** The schema's export name, and the action(s) that parse with it. */
  name: string;
  actions: string;
  schema: z.ZodType;
  /** A valid input the schema accepts; every key is a field the corpus replaces. */
  base: Record<string, unknown>;
  rules: Record<string, Rule>;
  /** Form actions: how the action builds the object from FormData (checkbox lists, extra shaping). */
  form?: { lists?: readonly string[]; base?: Record<string, string | string[]>; shape?: (raw: Record<string, unknown>) => unknown };
  /** Values tried on top of the corpus for one field (e.g. hostile JSON for `questions`). */
  extra?: Record<string, readonly Hostile[]>;
}

// ---------------------------------------------------------------- valid bases

const ID = "clx0a1b2c3d4e5f6g7h8i9j0k";
const ID2 = "clx0a1b2c3d4e5f6g7h8i9j0m";
const UPDATED_AT = "2026-01-15T09:30:00.000Z";

const QUESTIONS = [
  {
    text: "Did you post the root cause every time?",
    kind: "SCREENING",
    multiple: false,
    options: [
      { label: "Yes", classifies: "DOER" },
      { label: "No", classifies: "NON_DOER" },
    ],
  },
  {
    text: "Is it difficult to get the tools you need?",
    kind: "DETERMINANT",
    determinant: "ACCESS",
    multiple: false,
    options: [
      { label: "Yes", classifies: null },
      { label: "No", classifies: null },
    ],
  },
];
type Q = (typeof QUESTIONS)[number] & Record<string, unknown>;
const questionsWith = (change: (qs: Q[]) => unknown): string => JSON.stringify(change(structuredClone(QUESTIONS) as Q[]));

/** Survey questions that are valid JSON but hostile inside. */
const HOSTILE_QUESTIONS: readonly Hostile[] = [
  ...HOSTILE_JSON_TEXT,
  { name: "NUL in a question", value: questionsWith((qs) => ((qs[0]!.text = "Did you\u0000 post it?"), qs)) },
  { name: "RTL override in a question", value: questionsWith((qs) => ((qs[1]!.text = "Is it \u202Edifficult?"), qs)) },
  { name: "C1 control in a response", value: questionsWith((qs) => ((qs[1]!.options[0]!.label = "Ye\u0085s"), qs)) },
  { name: "10 kB question", value: questionsWith((qs) => ((qs[1]!.text = TEN_KB), qs)) },
  { name: "10 kB response", value: questionsWith((qs) => ((qs[1]!.options[0]!.label = TEN_KB), qs)) },
  { name: "response with ;", value: questionsWith((qs) => ((qs[1]!.options[0]!.label = "Yes; always"), qs)) },
  { name: "13 responses", value: questionsWith((qs) => ((qs[1]!.options = Array.from({ length: 13 }, (_, i) => ({ label: `R${i}`, classifies: null }))), qs)) },
  { name: "41 questions", value: questionsWith((qs) => [qs[0], ...Array.from({ length: 40 }, (_, i) => ({ ...qs[1], text: `Determinant question ${i}?` }))]) },
  { name: "a group that does not exist", value: questionsWith((qs) => ((qs[0]!.options[0]!.classifies = "ADMIN"), qs)) },
  { name: "a determinant that does not exist", value: questionsWith((qs) => ((qs[1]!.determinant = "'; DROP TABLE x; --"), qs)) },
  { name: "multiple as a string", value: questionsWith((qs) => ((qs[1]!.multiple = "yes" as unknown as boolean), qs)) },
  { name: "kind missing", value: questionsWith((qs) => qs.map(({ kind: _kind, ...q }, i) => (i === 1 ? q : { kind: _kind, ...q }))) },
  { name: "options as a string", value: questionsWith((qs) => ((qs[1]!.options = "Yes,No" as never), qs)) },
  { name: "options null", value: questionsWith((qs) => ((qs[1]!.options = null as never), qs)) },
  { name: "a question as a number", value: questionsWith((qs) => [qs[0], 42]) },
  { name: "the same question twice", value: questionsWith((qs) => [qs[0], qs[1], { ...qs[1] }]) },
  { name: "the same response twice", value: questionsWith((qs) => ((qs[1]!.options[1]!.label = " yes "), qs)) },
  { name: "screening only", value: questionsWith((qs) => [qs[0]]) },
  { name: "a multiple-choice screening question", value: questionsWith((qs) => ((qs[0]!.multiple = true), qs)) },
  { name: "negative count of options (empty list)", value: questionsWith((qs) => ((qs[1]!.options = []), qs)) },
  { name: "__proto__ in a question", value: `[${JSON.stringify(QUESTIONS[0]).replace("{", '{"__proto__":{"polluted":true},')},${JSON.stringify(QUESTIONS[1])}]` },
  { name: "HTML and SQL in the text (valid)", value: questionsWith((qs) => ((qs[1]!.text = "<script>alert(1)</script> '; DROP TABLE x; --"), qs)) },
  { name: "emoji in the text (valid)", value: questionsWith((qs) => ((qs[1]!.options[0]!.label = "👩‍💻 Yes"), qs)) },
];

const obs = { behaviourId: ID, teamId: ID2, note: "Posted the root cause on the ticket.", anonymous: false, idempotencyKey: "key-0123456789_abc" };
const obsRules = { behaviourId: id, teamId: id, note: text(500), anonymous: { kind: "bool" }, idempotencyKey: { kind: "key" } } satisfies Record<string, Rule>;

const behaviour = {
  title: "Post the root cause",
  valueId: ID,
  ownerId: ID2,
  actor: "The engineer on call",
  action: "posts the root cause on the ticket",
  trigger: "when an incident is closed",
  frequency: "every incident",
  completionCriterion: "a root-cause note is on the ticket",
  customerOutcome: "customers hear what went wrong",
  example: "Ticket 24: the cache expired early.",
  anchors: "Is the cause named?\nIs it on the ticket?",
};
const behaviourRules: Record<string, Rule> = {
  title: text(120), valueId: id, ownerId: id, actor: text(120), action: text(300), trigger: text(200), frequency: text(120),
  completionCriterion: text(300), customerOutcome: text(300), example: text(500), anchors: { kind: "lines", items: 6, each: 200 },
};

const barrier = {
  title: "No time after incidents",
  description: "Engineers move to the next ticket before writing anything down.",
  evidence: "Survey of 40 engineers, March.",
  comB: "PHYSICAL_OPPORTUNITY",
  determinant: "ACCESS",
  feasibility: "DIFFICULT",
  impact: "4",
  reach: "3",
  ease: "2",
  behaviourIds: [ID],
  teamIds: [ID2],
};
const barrierRules: Record<string, Rule> = {
  title: text(120), description: text(1000), evidence: text(4000), comB: oneOf(COMB_COMPONENTS), determinant: oneOf(DETERMINANTS), feasibility: oneOf(FEASIBILITIES),
  impact: int(1, 5, true), reach: int(1, 5, true), ease: int(1, 5, true), behaviourIds: ids(50), teamIds: ids(50),
};

const APEASE = ["affordability", "practicability", "effectiveness", "acceptability", "sideEffects", "equity"] as const;
const intervention = {
  barrierId: ID,
  function: "ENABLEMENT",
  title: "Ten minutes after each incident",
  description: "The on-call rota keeps ten minutes free.",
  ownerId: ID2,
  teamIds: [ID2],
  startDate: "2026-01-05",
  ...Object.fromEntries(APEASE.flatMap((k) => [[`${k}Score`, "3"], [`${k}Note`, `About ${k}.`]])),
};
const interventionRules: Record<string, Rule> = {
  barrierId: id, function: oneOf(INTERVENTION_FUNCTIONS), title: text(120), description: text(2000), ownerId: id, teamIds: ids(50), startDate: { kind: "date" },
  ...Object.fromEntries(APEASE.flatMap((k) => [[`${k}Score`, score], [`${k}Note`, text(500)]])),
};

const metric = {
  name: "Incidents with a root cause",
  unit: "%",
  description: "Share of incidents closed with a root-cause note.",
  kind: "INTERNAL_PROCESS",
  timing: "LEADING",
  direction: "UP",
  ownerId: ID,
  teamIds: [ID2],
  sourceBehaviourId: ID,
  targetType: "INCREASE_TO",
  targetValue: "60",
  targetDate: "2027-01-31",
};
const metricRules: Record<string, Rule> = {
  name: text(120), unit: text(20), description: text(500), kind: oneOf(METRIC_KINDS), timing: oneOf(METRIC_TIMINGS), direction: oneOf(DIRECTIONS),
  ownerId: { kind: "id", max: 40, nullable: true }, teamIds: ids(100), sourceBehaviourId: { kind: "id", max: 40, nullable: true }, targetType: oneOf(TARGET_TYPES, true),
  targetValue: { kind: "number", min: -1e12, max: 1e12, nullable: true }, targetDate: { kind: "date", nullable: true },
};

const signUp = { name: "Grace Hopper", email: "grace@example.com", password: "a-long-passphrase", organizationName: "Acme" };

// ---------------------------------------------------------------- every schema an action parses with

const ImportForSurvey = ImportInput.extend(SurveyIdInput.shape); // as src/lib/actions/surveys.ts builds it

const CASES: SchemaCase[] = [
  // Observations: the Log pad calls these with a JSON argument, not a form.
  { name: "LogObservationInput", actions: "logObservationAction (JSON)", schema: LogObservationInput, base: { ...obs, outcome: "performed" }, rules: { ...obsRules, outcome: oneOf(["performed", "missed"]) } },
  { name: "UndoObservationInput", actions: "undoObservationAction (JSON)", schema: UndoObservationInput, base: { id: ID, token: "t0k3n-abcdefghijklmnopqrstuvwxyz" }, rules: { id, token: { kind: "secret", max: 100 } } },
  {
    name: "EditObservationInput", actions: "editObservationAction (JSON)", schema: EditObservationInput,
    base: { id: ID, token: "t0k3n-abcdefghijklmnopqrstuvwxyz", outcome: "missed", note: "Forgot the ticket." },
    rules: { id, token: { kind: "secret", max: 100 }, outcome: oneOf(["performed", "missed"]), note: text(500) },
  },
  {
    name: "LogBatchInput", actions: "logBatchAction", schema: LogBatchInput,
    base: { ...obs, anonymous: true, performed: "4", opportunities: "5", occurredOn: "2026-01-14" },
    rules: { ...obsRules, performed: int(0, 1000), opportunities: int(1, 1000), occurredOn: { kind: "date", optional: true } },
    form: {
      base: { ...obs, anonymous: "on", performed: "4", opportunities: "5", occurredOn: "2026-01-14" },
      shape: (raw) => ({ ...raw, anonymous: raw.anonymous === "on", occurredOn: raw.occurredOn || undefined }),
    },
  },
  // Catalogue
  { name: "BehaviourInput", actions: "createBehaviourAction", schema: BehaviourInput, base: behaviour, rules: behaviourRules, form: {} },
  { name: "BehaviourUpdateInput", actions: "updateBehaviourAction", schema: BehaviourUpdateInput, base: { ...behaviour, id: ID, version: "3" }, rules: { ...behaviourRules, id, version }, form: {} },
  { name: "BehaviourIdInput", actions: "submitForReviewAction, withdrawAction, retireAction", schema: BehaviourIdInput, base: { behaviourId: ID }, rules: { behaviourId: id }, form: {} },
  {
    name: "VideoTestInput", actions: "videoTestAction", schema: VideoTestInput,
    base: { behaviourId: ID, version: "2", camera: "yes", actor: "yes", moment: "yes", agreement: "yes", verdict: "PASS", notes: "Two of us agreed." },
    rules: { behaviourId: id, version, camera: oneOf(["yes", "no"]), actor: oneOf(["yes", "no"]), moment: oneOf(["yes", "no"]), agreement: oneOf(["yes", "no"]), verdict: oneOf(["PASS", "FAIL"]), notes: text(1000) },
    form: {},
  },
  { name: "RestoreVersionInput", actions: "restoreVersionAction", schema: RestoreVersionInput, base: { behaviourId: ID, restore: "1", version: "3" }, rules: { behaviourId: id, restore: version, version }, form: {} },
  { name: "ValueInput", actions: "createValueAction", schema: ValueInput, base: { name: "Ownership", description: "We own customer outcomes." }, rules: { name: text(80), description: text(300) }, form: {} },
  {
    name: "CreateVariantInput", actions: "createVariantAction", schema: CreateVariantInput,
    base: { behaviourId: ID, teamId: ID2, trigger: "when the pager stops", frequency: "every incident" },
    rules: { behaviourId: id, teamId: id, trigger: text(200), frequency: text(120) },
    form: {},
  },
  // Barriers and interventions
  { name: "BarrierInput", actions: "createBarrierAction", schema: BarrierInput, base: barrier, rules: barrierRules, form: { lists: ["behaviourIds", "teamIds"] } },
  {
    name: "BarrierUpdateInput", actions: "updateBarrierAction", schema: BarrierUpdateInput, base: { ...barrier, id: ID, updatedAt: UPDATED_AT },
    rules: { ...barrierRules, id, updatedAt: { kind: "timestamp" } }, form: { lists: ["behaviourIds", "teamIds"] },
  },
  { name: "BarrierStatusInput", actions: "changeBarrierStatusAction", schema: BarrierStatusInput, base: { id: ID, status: "IN_PROGRESS" }, rules: { id, status: oneOf(BARRIER_STATUSES) }, form: {} },
  { name: "InterventionInput", actions: "createInterventionAction", schema: InterventionInput, base: intervention, rules: interventionRules, form: { lists: ["teamIds"] } },
  // Surveys
  {
    name: "SurveyInput", actions: "createSurveyAction", schema: SurveyInput,
    base: { title: "Why no root cause?", behaviourId: ID, prevalencePct: "25", anonymous: "on", questions: JSON.stringify(QUESTIONS) },
    rules: { title: text(120), behaviourId: id, prevalencePct: { kind: "number", min: 1, max: 99 }, anonymous: { kind: "bool" }, questions: { kind: "questions" } },
    form: {},
    extra: { questions: HOSTILE_QUESTIONS },
  },
  { name: "SurveyIdInput", actions: "respondToSurveyAction", schema: SurveyIdInput, base: { surveyId: ID }, rules: { surveyId: id }, form: {} },
  { name: "SurveyStatusInput", actions: "setSurveyStatusAction", schema: SurveyStatusInput, base: { surveyId: ID, status: "CLOSED" }, rules: { surveyId: id, status: oneOf(["OPEN", "CLOSED"]) }, form: {} },
  { name: "BarrierFromResponseInput", actions: "barrierFromResponseAction", schema: BarrierFromResponseInput, base: { surveyId: ID, optionId: ID2 }, rules: { surveyId: id, optionId: id }, form: {} },
  {
    name: "ImportInput + SurveyIdInput", actions: "previewSurveyImportAction, commitSurveyImportAction", schema: ImportForSurvey,
    base: { content: "respondent,group\nr1,doer\n", surveyId: ID }, rules: { content: { kind: "file", max: 2_000_000 }, surveyId: id }, form: {},
  },
  // Metrics
  { name: "MetricInput", actions: "createMetricAction", schema: MetricInput, base: metric, rules: metricRules, form: { lists: ["teamIds"] } },
  {
    name: "MetricUpdateInput", actions: "updateMetricAction", schema: MetricUpdateInput, base: { ...metric, id: ID, updatedAt: UPDATED_AT },
    rules: { ...metricRules, id, updatedAt: { kind: "timestamp" } }, form: { lists: ["teamIds"] },
  },
  {
    name: "ReadingInput", actions: "addReadingAction", schema: ReadingInput, base: { metricId: ID, date: "2026-01-14", teamId: ID2, value: "42.5" },
    rules: { metricId: id, date: { kind: "date" }, teamId: { kind: "id", max: 40, nullable: true }, value: { kind: "number", min: -1e12, max: 1e12 } }, form: {},
  },
  { name: "MetricBehavioursInput", actions: "setMetricBehavioursAction", schema: MetricBehavioursInput, base: { metricId: ID, behaviourIds: [ID2] }, rules: { metricId: id, behaviourIds: ids(100) }, form: { lists: ["behaviourIds"] } },
  // Dashboards
  { name: "CustomerStoryInput", actions: "saveCustomerStoryAction", schema: CustomerStoryInput, base: { meetingDate: "2026-01-12", story: "A customer thanked us for the root-cause note." }, rules: { meetingDate: { kind: "date" }, story: text(2000) }, form: {} },
  // Trash
  { name: "TrashInput", actions: "deleteAction, restoreAction", schema: TrashInput, base: { type: "barrier", id: ID }, rules: { type: oneOf(TRASH_TYPES), id }, form: {} },
  // Members and invitations
  { name: "InviteInput", actions: "inviteAction", schema: InviteInput, base: { role: "MEMBER", email: "new.person@example.com" }, rules: { role: oneOf(ROLES), email: { kind: "email", optional: true } }, form: {} },
  { name: "ChangeRoleInput", actions: "changeRoleAction", schema: ChangeRoleInput, base: { membershipId: ID, role: "MANAGER" }, rules: { membershipId: id, role: oneOf(ROLES) }, form: {} },
  { name: "SetMemberStatusInput", actions: "setMemberStatusAction", schema: SetMemberStatusInput, base: { membershipId: ID, status: "DISABLED" }, rules: { membershipId: id, status: oneOf(["ACTIVE", "DISABLED"]) }, form: {} },
  { name: "RevokeInvitationInput", actions: "revokeInvitationAction", schema: RevokeInvitationInput, base: { invitationId: ID }, rules: { invitationId: id }, form: {} },
  { name: "NewOrganizationInput", actions: "createOrganizationAction", schema: NewOrganizationInput, base: { organizationName: "Acme Support" }, rules: { organizationName: text(80) }, form: {} },
  { name: "SwitchOrganizationInput", actions: "switchOrganizationAction", schema: SwitchOrganizationInput, base: { organizationId: ID }, rules: { organizationId: id }, form: {} },
  // Accounts
  { name: "SignUpInput", actions: "signUpAction", schema: SignUpInput, base: signUp, rules: { name: text(80), email: { kind: "email" }, password: { kind: "secret", max: 128 }, organizationName: text(80) }, form: {} },
  { name: "SignInInput", actions: "credentials sign-in (src/lib/server/auth.ts)", schema: SignInInput, base: { email: signUp.email, password: signUp.password }, rules: { email: { kind: "email" }, password: { kind: "secret", max: 128 } } },
  {
    name: "NewAccountFromInvite", actions: "acceptInviteAsNewUserAction", schema: NewAccountFromInvite, base: { name: signUp.name, email: signUp.email, password: signUp.password, token: "inv1t3-abcdefghijklmnop" },
    rules: { name: text(80), email: { kind: "email" }, password: { kind: "secret", max: 128 }, token: { kind: "secret", max: 200 } }, form: {},
  },
  // Catalogue, observation and reading imports
  {
    name: "ImportInput", actions: "previewImportAction, commitImportAction, preview/commitObservationImportAction, preview/commitReadingImportAction", schema: ImportInput,
    base: { content: "date,team,behaviour,performed,missed\n2026-01-14,Platform,Post the root cause,4,1\n" }, rules: { content: { kind: "file", max: 2_000_000 } }, form: {},
  },
];

// ---------------------------------------------------------------- checks

const isRealDate = (s: unknown): boolean => {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const show = (v: unknown): string => {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v);
  if (typeof v === "bigint") return `${v}n`;
  if (Array.isArray(v)) return `array(${v.length})`;
  return String(v);
};

/** Every string in the parsed value without control characters, every number finite. */
function walk(v: unknown, at: string, out: string[]): void {
  if (typeof v === "string") {
    if (CONTROL.test(v)) out.push(`${at}: control character in ${show(v)}`);
  } else if (typeof v === "number") {
    if (!Number.isFinite(v)) out.push(`${at}: non-finite number ${v}`);
  } else if (typeof v === "bigint") {
    out.push(`${at}: a bigint got through`);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, `${at}[${i}]`, out));
  } else if (v && typeof v === "object") {
    if (Object.prototype.hasOwnProperty.call(v, "__proto__")) out.push(`${at}: kept a __proto__ key`);
    for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`, out);
  }
}

/** Why an accepted value is not safe for its field (empty when it is). */
function unsafe(rule: Rule, out: unknown, sent: unknown): string[] {
  const bad: string[] = [];
  const fail = (why: string) => bad.push(`accepted as ${show(out)}: ${why}`);
  const inRange = (min: number, max: number, integer: boolean) => {
    if (typeof out !== "number" || !Number.isFinite(out)) return fail("not a finite number");
    if (integer && !Number.isInteger(out)) fail("not a whole number");
    if (out < min || out > max) fail(`outside ${min}…${max}`);
  };
  if (out !== undefined && typeof out !== "boolean" && rule.kind !== "secret" && rule.kind !== "file") walk(out, "value", bad);
  switch (rule.kind) {
    case "text":
      if (typeof out !== "string") fail("not a string");
      else if (out.length > rule.max) fail(`longer than ${rule.max}`);
      else if (typeof sent === "string" && out !== sent.trim()) fail("did not round-trip unchanged");
      break;
    case "id":
      if (rule.nullable && out === null) break;
      if (typeof out !== "string" || out.length < 1 || out.length > rule.max) fail(`not an id of 1…${rule.max} characters`);
      break;
    case "ids":
      if (!Array.isArray(out) || out.length > rule.max) fail(`not a list of at most ${rule.max}`);
      else if (out.some((x) => typeof x !== "string" || x.length < 1 || x.length > rule.each)) fail("an item is not an id");
      break;
    case "key":
      if (typeof out !== "string" || !/^[A-Za-z0-9_-]{8,64}$/.test(out)) fail("not a key");
      break;
    case "secret":
    case "file":
      if (typeof out !== "string" || out.length > rule.max) fail(`not a string of at most ${rule.max}`);
      break;
    case "email":
      if (rule.optional && out === undefined) break;
      if (typeof out !== "string" || out.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(out) || out !== out.toLowerCase()) fail("not a normalised e-mail address");
      break;
    case "int":
    case "number":
      if (rule.nullable && out === null) break;
      inRange(rule.min, rule.max, rule.kind === "int");
      break;
    case "date":
      if ((rule.nullable && out === null) || (rule.optional && out === undefined)) break;
      if (!isRealDate(out)) fail("not a real YYYY-MM-DD date");
      break;
    case "timestamp":
      if (typeof out !== "string" || Number.isNaN(new Date(out).getTime())) fail("not a readable date-time (new Date() is Invalid Date)");
      break;
    case "enum":
      if ((rule.nullable && out === null) || rule.values.includes(out as string)) break;
      fail(`not one of ${rule.values.join(", ")}`);
      break;
    case "bool":
      if (typeof out !== "boolean") fail("not a boolean");
      break;
    case "lines":
      if (!Array.isArray(out) || out.length > rule.items) fail(`not at most ${rule.items} lines`);
      else if (out.some((l) => typeof l !== "string" || l.length > rule.each || l !== l.trim() || l === "")) fail(`a line is empty, untrimmed or longer than ${rule.each}`);
      break;
    case "questions":
      if (!Array.isArray(out) || out.length < 2 || out.length > 40) fail("not 2…40 questions");
      else
        for (const q of out as { text: unknown; options: { label: unknown }[] }[]) {
          if (typeof q.text !== "string" || q.text.length > 300) fail("a question is not text of at most 300 characters");
          if (!Array.isArray(q.options) || q.options.length < 2 || q.options.length > 12) fail("a question has not 2…12 responses");
          else if (q.options.some((o) => typeof o.label !== "string" || o.label.length > 120 || o.label.includes(";"))) fail("a response is not text of at most 120 characters without ;");
        }
      break;
  }
  return bad;
}

let tried = 0;

/** Parses one input; returns the problems (empty when the outcome is a clean refusal or a safe value). */
function attempt(c: SchemaCase, field: string, input: unknown, label: string): string[] {
  tried++;
  const where = `${c.name}.${field} ← ${label}`;
  let result: ReturnType<z.ZodType["safeParse"]>;
  try {
    result = c.schema.safeParse(input);
  } catch (err) {
    return [`${where}: threw ${(err as Error)?.message ?? String(err)}`];
  }
  const sent = input && typeof input === "object" ? (input as Record<string, unknown>)[field] : undefined;
  if (result.success) {
    const out = (result.data as Record<string, unknown>)[field];
    const problems = unsafe(c.rules[field]!, out, sent);
    // No other field may let something through either (a transform or refinement that moved it).
    for (const [key, v] of Object.entries(result.data as Record<string, unknown>)) {
      const kind = c.rules[key]?.kind;
      if (key !== field && kind !== "secret" && kind !== "file") walk(v, key, problems);
    }
    return problems.map((p) => `${where}: ${p}`);
  }
  const problems: string[] = [];
  const issues = result.error.issues;
  if (issues.length === 0) problems.push("failed with no issue");
  for (const issue of issues) if (typeof issue.message !== "string" || issue.message.trim() === "") problems.push(`an issue at ${issue.path.join(".") || "(root)"} has no message`);
  const errors = zodFieldErrors(result.error);
  if (issues.some((i) => i.path[0] === field)) {
    if (!errors[field]?.trim()) problems.push(`no message for ${field} in the error map`);
  } else if (!issues.every((i) => i.code === "custom" && i.path.length > 0 && errors[String(i.path[0])]?.trim())) {
    // The value was fine for the field but broke a rule between fields: that rule must name a field.
    problems.push(`refused without naming ${field}: ${JSON.stringify(errors)}`);
  }
  return problems.map((p) => `${where}: ${p}`);
}

function toFormData(base: Record<string, unknown>): FormData {
  const fd = new FormData();
  fd.append("$ACTION_ID_abc", ""); // what React adds; formObject must drop it
  for (const [k, v] of Object.entries(base)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, String(x));
  return fd;
}

/** The action's own path: the hostile string sent as the field of a form. */
function attemptForm(c: SchemaCase, field: string, value: string, label: string): string[] {
  const formBase = c.form!.base ?? (c.base as Record<string, string | string[]>);
  const fd = toFormData(formBase);
  fd.delete(field);
  fd.append(field, value);
  const raw = formObjectWithLists(fd, (c.form!.lists ?? []) as string[]);
  const input = c.form!.shape ? c.form!.shape(raw) : raw;
  return attempt(c, field, input, `form ${label}`);
}

// ---------------------------------------------------------------- the suite

describe("hostile input reaches every action schema", () => {
  it("lists a rule for every field of every base, and a form base of strings for every form action", () => {
    for (const c of CASES) {
      expect(Object.keys(c.rules).sort(), c.name).toEqual(Object.keys(c.base).sort());
      if (c.form) for (const v of Object.values(c.form.base ?? c.base)) expect(typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string")), c.name).toBe(true);
    }
    expect(CASES.length).toBeGreaterThanOrEqual(36);
  });

  for (const c of CASES) {
    describe(`${c.name} (${c.actions})`, () => {
      it("accepts its valid base, directly and as a form", () => {
        const r = c.schema.safeParse(c.base);
        expect(r.success ? [] : zodFieldErrors(r.error)).toEqual([]);
        if (c.form) {
          const raw = formObjectWithLists(toFormData(c.form.base ?? c.base), (c.form.lists ?? []) as string[]);
          const f = c.schema.safeParse(c.form.shape ? c.form.shape(raw) : raw);
          expect(f.success ? [] : zodFieldErrors(f.error)).toEqual([]);
        }
      });

      it("refuses a body that is not an object, cleanly", () => {
        const problems: string[] = [];
        for (const body of WRONG_BODIES) {
          tried++;
          try {
            const r = c.schema.safeParse(body.value);
            if (r.success) problems.push(`${body.name}: accepted`);
            else if (!zodFieldErrors(r.error).form?.trim()) problems.push(`${body.name}: no form-level message`);
          } catch (err) {
            problems.push(`${body.name}: threw ${(err as Error).message}`);
          }
        }
        expect(problems).toEqual([]);
      });

      for (const field of Object.keys(c.base)) {
        it(`${field}: every hostile value is refused with a message, or accepted safe`, () => {
          const problems: string[] = [];
          for (const h of [...HOSTILE, ...(c.extra?.[field] ?? [])]) {
            const input = { ...c.base };
            if (h.value === undefined) delete input[field];
            else input[field] = h.value;
            problems.push(...attempt(c, field, input, h.name));
          }
          if (c.form) for (const h of [...HOSTILE_STRINGS, ...((c.extra?.[field] ?? []).filter((x) => typeof x.value === "string") as (Hostile & { value: string })[])]) problems.push(...attemptForm(c, field, h.value, h.name));
          expect(problems).toEqual([]);
        });
      }
    });
  }

  it("keeps HTML, SQL and emoji as data: accepted text round-trips unchanged", () => {
    const samples = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', `'; DROP TABLE "Observation"; --`, "1 OR 1=1", "👩‍💻 on call", "שלום עולם"];
    for (const s of samples) {
      tried += 4;
      expect(ValueInput.parse({ name: s }).name).toBe(s);
      expect(LogObservationInput.parse({ ...obs, outcome: "performed", note: s }).note).toBe(s);
      expect(BehaviourInput.parse({ ...behaviour, anchors: `${s}\n${s}!` }).anchors).toEqual([s, `${s}!`]);
      const q = SurveyInput.parse({ title: "Why not?", behaviourId: ID, prevalencePct: "", anonymous: "", questions: questionsWith((qs) => ((qs[1]!.text = `Is it hard? ${s}`), qs)) });
      expect(q.questions[1]!.text).toBe(`Is it hard? ${s}`);
    }
  });

  it("never pollutes Object.prototype from __proto__ keys in JSON", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });
});

// ---------------------------------------------------------------- URL filters and survey responses

/** URL parameters are never refused (bad ones are dropped), but what survives must be safe. */
describe("hostile URL parameters", () => {
  const filters: { name: string; parse: (key: string, value: string | string[]) => Record<string, unknown>; keys: readonly string[]; safe: Record<string, (v: unknown) => boolean> }[] = [
    {
      name: "audit trail (parseAuditParams)",
      parse: (key, value) => {
        const { filter, cursor } = parseAuditParams({ [key]: value });
        return { ...filter, cursor };
      },
      keys: ["action", "outcome", "actor", "from", "to", "cursor"],
      safe: {
        action: (v) => typeof v === "string" && /^[a-z0-9.-]{1,60}$/.test(v),
        outcome: (v) => (AUDIT_OUTCOMES as readonly unknown[]).includes(v),
        actor: (v) => typeof v === "string" && /^[a-z0-9]{1,40}$/.test(v),
        from: isRealDate,
        to: isRealDate,
        cursor: (v) => typeof v === "string" && v.length <= 70 && !CONTROL.test(v),
      },
    },
    {
      name: "observation list and export (ObservationFilter)",
      parse: (key, value) => ObservationFilter.parse({ [key]: Array.isArray(value) ? value[0] : value }),
      keys: ["team", "behaviour", "from", "to"],
      safe: { team: (v) => typeof v === "string" && /^[a-z0-9]{1,40}$/.test(v), behaviour: (v) => typeof v === "string" && /^[a-z0-9]{1,40}$/.test(v), from: isRealDate, to: isRealDate },
    },
    {
      name: "catalogue (CatalogueFilter)",
      parse: (key, value) => CatalogueFilter.parse({ [key]: Array.isArray(value) ? value[0] : value }),
      keys: ["q", "value", "owner", "team", "status"],
      safe: {
        q: (v) => typeof v === "string" && v.length <= 100 && !CONTROL.test(v),
        value: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
        owner: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
        team: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
        status: (v) => ["DRAFT", "IN_REVIEW", "ACTIVE", "RETIRED"].includes(v as string),
      },
    },
    {
      name: "dashboards (parseDashboardFilter)",
      parse: (key, value) => parseDashboardFilter({ [key]: value }),
      keys: ["period", "stream", "team", "value"],
      safe: {
        period: (v) => Object.keys(PERIODS).includes(v as string),
        stream: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
        team: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
        value: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
      },
    },
  ];

  for (const f of filters) {
    for (const key of f.keys) {
      it(`${f.name}: ${key} never throws and keeps only safe values`, () => {
        const problems: string[] = [];
        for (const h of [...HOSTILE_STRINGS.map((x) => x as Hostile), { name: "repeated parameter", value: ["a\u0000b", "ok"] }]) {
          tried++;
          try {
            const out = f.parse(key, h.value as string | string[])[key];
            if (out !== undefined && !f.safe[key]!(out)) problems.push(`${key} ← ${h.name}: kept ${show(out)}`);
          } catch (err) {
            problems.push(`${key} ← ${h.name}: threw ${(err as Error).message}`);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }

  it("survey responses (responseChoices) keep only short option ids without control characters", () => {
    const fd = new FormData();
    fd.append("surveyId", ID);
    for (const h of HOSTILE_STRINGS) {
      tried++;
      fd.append(`q_${ID}`, h.value);
      fd.append(`q_${h.value.slice(0, 50)}`, ID);
    }
    let choices: Map<string, string[]> = new Map();
    expect(() => (choices = responseChoices(fd))).not.toThrow();
    for (const [qid, values] of choices) {
      expect(qid.length).toBeLessThanOrEqual(40);
      for (const v of values) {
        expect(v.length).toBeLessThanOrEqual(40);
        expect(CONTROL.test(v), JSON.stringify(v)).toBe(false);
      }
    }
  });
});

// ---------------------------------------------------------------- rendering

describe("text is always rendered escaped", () => {
  it("no source file writes raw HTML (dangerouslySetInnerHTML, innerHTML, insertAdjacentHTML, document.write)", () => {
    const root = path.resolve(import.meta.dirname, "../../src");
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(tsx?|jsx?|mjs)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const raw = files.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(readFileSync(path.join(root, f), "utf8")));
    expect(raw).toEqual([]);
  });

  it("React escapes the markup samples as text", () => {
    const html = renderToStaticMarkup(createElement("p", { title: '"><img src=x onerror=alert(1)>' }, "<script>alert(1)</script>"));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
});

// Last: the suite must not quietly shrink (a schema or corpus entry dropped, a loop cut short).
describe("coverage", () => {
  it("tried enough hostile cases", () => {
    expect(tried).toBeGreaterThan(35_000);
  });
});
