// The action input schemas fed the hostile corpus (tests/unit/hostile-inputs.test.ts): for each, the
// actions that parse with it, a valid base, and the rule that says what is safe for every field.
import type { z } from "@/lib/schemas/zod";
import {
  EditObservationInput,
  LogBatchInput,
  LogObservationInput,
  UndoObservationInput,
} from "@/lib/schemas/observations";
import {
  BehaviourIdInput,
  BehaviourInput,
  BehaviourUpdateInput,
  RestoreVersionInput,
  ValueInput,
  VideoTestInput,
} from "@/lib/schemas/behaviour";
import { CreateVariantInput } from "@/lib/schemas/variants";
import {
  BarrierInput,
  BarrierStatusInput,
  BarrierUpdateInput,
  COMB_COMPONENTS,
  FEASIBILITIES,
  InterventionInput,
} from "@/lib/schemas/barriers";
import {
  BarrierFromResponseInput,
  SurveyClosesOnInput,
  SurveyIdInput,
  SurveyInput,
  SurveyStatusInput,
} from "@/lib/schemas/surveys";
import {
  DIRECTIONS,
  METRIC_KINDS,
  METRIC_TIMINGS,
  MetricBehavioursInput,
  MetricInput,
  MetricUpdateInput,
  ReadingInput,
  TARGET_TYPES,
} from "@/lib/schemas/metrics";
import { CustomerStoryInput } from "@/lib/schemas/dashboards";
import { GiveRecognitionInput, RecognitionIdInput } from "@/lib/schemas/recognition";
import { TrashInput } from "@/lib/schemas/trash";
import {
  ChangeRoleInput,
  InviteInput,
  NewOrganizationInput,
  RevokeInvitationInput,
  SetMemberStatusInput,
  EraseMemberInput,
  SwitchOrganizationInput,
} from "@/lib/schemas/members";
import { NewAccountFromInvite, SignInInput, SignUpInput } from "@/lib/schemas/auth";
import { ImportInput } from "@/lib/schemas/transfer";
import { OrganizationCalendarInput, PersonalTimeZoneInput, timeZoneNames } from "@/lib/schemas/calendar";
import { RetentionPolicyInput } from "@/lib/schemas/retention";
import { RETENTION_LIMITS } from "@/lib/domain/retention";
import { BackupImportInput } from "@/lib/schemas/backup";
import { MAX_BACKUP_BYTES } from "@/lib/domain/backup";
import { BARRIER_STATUSES } from "@/lib/domain/barriers";
import { INTERVENTION_FUNCTIONS } from "@/lib/domain/interventions";
import { DETERMINANTS } from "@/lib/domain/surveys";
import { TRASH_TYPES } from "@/lib/domain/trash";
import { ROLES } from "@/lib/domain/roles";
import { FEEDBACK_SOURCES, SENTIMENTS } from "@/lib/domain/feedback";
import {
  BarrierFromFeedbackInput,
  FeedbackIdInput,
  FeedbackInput,
  FeedbackStoryInput,
  FeedbackUpdateInput,
} from "@/lib/schemas/feedback";
import { ActionInput, ActionUpdateInput, CloseActionInput, ReopenActionInput } from "@/lib/schemas/actions";
import { AnchorQuestionsInput, DecisionInput, DecisionUpdateInput } from "@/lib/schemas/decisions";
import { HOSTILE_JSON_TEXT, TEN_KB, type Hostile } from "./hostile-corpus";
import { RITUAL_CASES } from "./hostile-cases-rituals";
import { WEBHOOK_CASES } from "./hostile-cases-webhooks";
import { API_CASES } from "./hostile-cases-api";
import { SSO_CASES } from "./hostile-cases-sso";
import { MAIL_CASES } from "./hostile-cases-mail";
import { CUE_CASES, VIDEO_TEST_TERM_CASES } from "./hostile-cases-cues";
import { PARTICIPATION_CASES } from "./hostile-cases-participation";
import { CITATION_CASES } from "./hostile-cases-citations";

/** Postgres `integer`, the column behind every Prisma `Int` (versions, counts, scores). */
export const INT4_MAX = 2_147_483_647;

export type Rule =
  | { kind: "text"; max: number } // trimmed, stored, shown: round-trips unchanged apart from the trim
  | { kind: "id"; max: number; nullable?: true } // a reference the data layer looks up
  | { kind: "ids"; max: number; each: number }
  | { kind: "ints"; min: number; max: number; items: number } // a list of whole numbers (a cue's weekdays)
  | { kind: "key" } // idempotency key: [A-Za-z0-9_-]{8,64}
  | { kind: "secret"; max: number } // passwords and tokens: hashed, never stored or shown as typed
  | { kind: "file"; max: number } // an import file's text: the readers check what is inside (hostile-csv.test.ts)
  | { kind: "email"; optional?: true }
  | { kind: "int"; min: number; max: number; nullable?: true }
  | { kind: "number"; min: number; max: number; nullable?: true }
  | { kind: "date"; nullable?: true; optional?: true }
  | { kind: "enum"; values: readonly string[]; nullable?: true }
  | { kind: "bool" }
  | { kind: "lines"; items: number; each: number } // anchors: one per line in, a list out
  | { kind: "texts"; items: number; each: number } // a list of trimmed texts, each may be empty (decision answers)
  | { kind: "questions" };

export const text = (max: number): Rule => ({ kind: "text", max });
export const id: Rule = { kind: "id", max: 40 };
export const ids = (max: number): Rule => ({ kind: "ids", max, each: 40 });
export const int = (min: number, max: number, nullable?: true): Rule => ({ kind: "int", min, max, nullable });
export const oneOf = (values: readonly string[], nullable?: true): Rule => ({ kind: "enum", values, nullable });
export const version = int(1, INT4_MAX);
export const score = int(1, 5);

export interface SchemaCase {
  /** The schema's export name, and the action(s) that parse with it. */
  name: string;
  actions: string;
  schema: z.ZodType;
  /** A valid input the schema accepts; every key is a field the corpus replaces. */
  base: Record<string, unknown>;
  rules: Record<string, Rule>;
  /** Form actions: how the action builds the object from FormData (checkbox lists, extra shaping). */
  form?: {
    lists?: readonly string[];
    base?: Record<string, string | string[]>;
    shape?: (raw: Record<string, unknown>) => unknown;
  };
  /** Values tried on top of the corpus for one field (e.g. hostile JSON for `questions`). */
  extra?: Record<string, readonly Hostile[]>;
}

// ---------------------------------------------------------------- valid bases

export const ID = "clx0a1b2c3d4e5f6g7h8i9j0k";
export const ID2 = "clx0a1b2c3d4e5f6g7h8i9j0m";

export const QUESTIONS = [
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
export type Q = (typeof QUESTIONS)[number] & Record<string, unknown>;
export const questionsWith = (change: (qs: Q[]) => unknown): string =>
  JSON.stringify(change(structuredClone(QUESTIONS) as Q[]));

/** Survey questions that are valid JSON but hostile inside. */
export const HOSTILE_QUESTIONS: readonly Hostile[] = [
  ...HOSTILE_JSON_TEXT,
  { name: "NUL in a question", value: questionsWith((qs) => ((qs[0]!.text = "Did you\u0000 post it?"), qs)) },
  { name: "RTL override in a question", value: questionsWith((qs) => ((qs[1]!.text = "Is it \u202Edifficult?"), qs)) },
  { name: "C1 control in a response", value: questionsWith((qs) => ((qs[1]!.options[0]!.label = "Ye\u0085s"), qs)) },
  { name: "10 kB question", value: questionsWith((qs) => ((qs[1]!.text = TEN_KB), qs)) },
  { name: "10 kB response", value: questionsWith((qs) => ((qs[1]!.options[0]!.label = TEN_KB), qs)) },
  { name: "response with ;", value: questionsWith((qs) => ((qs[1]!.options[0]!.label = "Yes; always"), qs)) },
  {
    name: "13 responses",
    value: questionsWith(
      (qs) => ((qs[1]!.options = Array.from({ length: 13 }, (_, i) => ({ label: `R${i}`, classifies: null }))), qs),
    ),
  },
  {
    name: "41 questions",
    value: questionsWith((qs) => [
      qs[0],
      ...Array.from({ length: 40 }, (_, i) => ({ ...qs[1], text: `Determinant question ${i}?` })),
    ]),
  },
  {
    name: "a group that does not exist",
    value: questionsWith((qs) => ((qs[0]!.options[0]!.classifies = "ADMIN"), qs)),
  },
  {
    name: "a determinant that does not exist",
    value: questionsWith((qs) => ((qs[1]!.determinant = "'; DROP TABLE x; --"), qs)),
  },
  { name: "multiple as a string", value: questionsWith((qs) => ((qs[1]!.multiple = "yes" as unknown as boolean), qs)) },
  {
    name: "kind missing",
    value: questionsWith((qs) => qs.map(({ kind: _kind, ...q }, i) => (i === 1 ? q : { kind: _kind, ...q }))),
  },
  { name: "options as a string", value: questionsWith((qs) => ((qs[1]!.options = "Yes,No" as never), qs)) },
  { name: "options null", value: questionsWith((qs) => ((qs[1]!.options = null as never), qs)) },
  { name: "a question as a number", value: questionsWith((qs) => [qs[0], 42]) },
  { name: "the same question twice", value: questionsWith((qs) => [qs[0], qs[1], { ...qs[1] }]) },
  { name: "the same response twice", value: questionsWith((qs) => ((qs[1]!.options[1]!.label = " yes "), qs)) },
  { name: "screening only", value: questionsWith((qs) => [qs[0]]) },
  { name: "a multiple-choice screening question", value: questionsWith((qs) => ((qs[0]!.multiple = true), qs)) },
  { name: "negative count of options (empty list)", value: questionsWith((qs) => ((qs[1]!.options = []), qs)) },
  {
    name: "__proto__ in a question",
    value: `[${JSON.stringify(QUESTIONS[0]).replace("{", '{"__proto__":{"polluted":true},')},${JSON.stringify(QUESTIONS[1])}]`,
  },
  {
    name: "HTML and SQL in the text (valid)",
    value: questionsWith((qs) => ((qs[1]!.text = "<script>alert(1)</script> '; DROP TABLE x; --"), qs)),
  },
  { name: "emoji in the text (valid)", value: questionsWith((qs) => ((qs[1]!.options[0]!.label = "👩‍💻 Yes"), qs)) },
];

export const obs = {
  behaviourId: ID,
  teamId: ID2,
  note: "Posted the root cause on the ticket.",
  anonymous: false,
  idempotencyKey: "key-0123456789_abc",
};
export const obsRules = {
  behaviourId: id,
  teamId: id,
  note: text(500),
  anonymous: { kind: "bool" },
  idempotencyKey: { kind: "key" },
} satisfies Record<string, Rule>;

export const behaviour = {
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
export const behaviourRules: Record<string, Rule> = {
  title: text(120),
  valueId: id,
  ownerId: id,
  actor: text(120),
  action: text(300),
  trigger: text(200),
  frequency: text(120),
  completionCriterion: text(300),
  customerOutcome: text(300),
  example: text(500),
  anchors: { kind: "lines", items: 6, each: 200 },
};

export const barrier = {
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
const optionalRef: Rule = { kind: "id", max: 40, nullable: true };

export const action = {
  title: "Ask platform for a staging slot",
  detail: "Before the retro.",
  ownerId: ID,
  dueOn: "2026-11-01",
  teamId: ID2,
  behaviourId: "",
  barrierId: ID,
  interventionId: "",
  metricId: "",
};
export const actionRules: Record<string, Rule> = {
  title: text(160),
  detail: text(2000),
  ownerId: id,
  dueOn: { kind: "date", nullable: true },
  teamId: optionalRef,
  behaviourId: optionalRef,
  barrierId: optionalRef,
  interventionId: optionalRef,
  metricId: optionalRef,
};

export const decision = {
  title: "Answer every ticket with the fix",
  detail: "",
  teamId: ID2,
  questions: ["How does this improve customer outcomes?", "What trade-offs are we making?"],
  answers: ["Customers hear back sooner.", ""],
};
export const decisionRules: Record<string, Rule> = {
  title: text(200),
  detail: text(4000),
  teamId: optionalRef,
  questions: { kind: "texts", items: 16, each: 300 },
  answers: { kind: "texts", items: 16, each: 4000 },
};

export const barrierRules: Record<string, Rule> = {
  title: text(120),
  description: text(1000),
  evidence: text(4000),
  comB: oneOf(COMB_COMPONENTS),
  determinant: oneOf(DETERMINANTS),
  feasibility: oneOf(FEASIBILITIES),
  impact: int(1, 5, true),
  reach: int(1, 5, true),
  ease: int(1, 5, true),
  behaviourIds: ids(50),
  teamIds: ids(50),
};

export const feedback = {
  quote: "I waited three days and nobody told me the fix was live.",
  source: "SUPPORT_TICKET",
  receivedOn: "2026-01-12",
  customer: "Enterprise, EU",
  sentiment: "NEGATIVE",
  behaviourIds: [ID],
  barrierIds: [ID2],
  metricIds: [ID],
  teamIds: [ID2],
};
export const feedbackRules: Record<string, Rule> = {
  quote: text(4000),
  source: oneOf(FEEDBACK_SOURCES),
  receivedOn: { kind: "date" },
  customer: text(200),
  sentiment: oneOf(SENTIMENTS),
  behaviourIds: ids(50),
  barrierIds: ids(50),
  metricIds: ids(50),
  teamIds: ids(50),
};

export const APEASE = [
  "affordability",
  "practicability",
  "effectiveness",
  "acceptability",
  "sideEffects",
  "equity",
] as const;
export const intervention = {
  barrierId: ID,
  function: "ENABLEMENT",
  title: "Ten minutes after each incident",
  description: "The on-call rota keeps ten minutes free.",
  ownerId: ID2,
  teamIds: [ID2],
  techniques: ["2.2", "4.1"],
  startDate: "2026-01-05",
  ...Object.fromEntries(
    APEASE.flatMap((k) => [
      [`${k}Score`, "3"],
      [`${k}Note`, `About ${k}.`],
    ]),
  ),
};
export const interventionRules: Record<string, Rule> = {
  barrierId: id,
  function: oneOf(INTERVENTION_FUNCTIONS),
  title: text(120),
  description: text(2000),
  ownerId: id,
  teamIds: ids(50),
  // BCTTv1 ids ("16.3" at most): anything else is refused.
  techniques: { kind: "ids", max: 30, each: 5 },
  startDate: { kind: "date" },
  ...Object.fromEntries(
    APEASE.flatMap((k) => [
      [`${k}Score`, score],
      [`${k}Note`, text(500)],
    ]),
  ),
};

export const metric = {
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
export const metricRules: Record<string, Rule> = {
  name: text(120),
  unit: text(20),
  description: text(500),
  kind: oneOf(METRIC_KINDS),
  timing: oneOf(METRIC_TIMINGS),
  direction: oneOf(DIRECTIONS),
  ownerId: { kind: "id", max: 40, nullable: true },
  teamIds: ids(100),
  sourceBehaviourId: { kind: "id", max: 40, nullable: true },
  targetType: oneOf(TARGET_TYPES, true),
  targetValue: { kind: "number", min: -1e12, max: 1e12, nullable: true },
  targetDate: { kind: "date", nullable: true },
};

export const signUp = {
  name: "Grace Hopper",
  email: "grace@example.com",
  password: "a-long-passphrase",
  organizationName: "Acme",
};

// ---------------------------------------------------------------- every schema an action parses with

export const ImportForSurvey = ImportInput.extend(SurveyIdInput.shape); // as src/lib/actions/surveys.ts builds it

export const CASES: SchemaCase[] = [
  // Observations: the Log pad calls these with a JSON argument, not a form.
  {
    name: "LogObservationInput",
    actions: "logObservationAction (JSON)",
    schema: LogObservationInput,
    base: { ...obs, outcome: "performed" },
    rules: { ...obsRules, outcome: oneOf(["performed", "missed"]) },
  },
  {
    name: "UndoObservationInput",
    actions: "undoObservationAction (JSON)",
    schema: UndoObservationInput,
    base: { id: ID, token: "t0k3n-abcdefghijklmnopqrstuvwxyz" },
    rules: { id, token: { kind: "secret", max: 100 } },
  },
  {
    name: "EditObservationInput",
    actions: "editObservationAction (JSON)",
    schema: EditObservationInput,
    base: { id: ID, token: "t0k3n-abcdefghijklmnopqrstuvwxyz", outcome: "missed", note: "Forgot the ticket." },
    rules: { id, token: { kind: "secret", max: 100 }, outcome: oneOf(["performed", "missed"]), note: text(500) },
  },
  {
    name: "LogBatchInput",
    actions: "logBatchAction",
    schema: LogBatchInput,
    base: { ...obs, anonymous: true, performed: "4", opportunities: "5", occurredOn: "2026-01-14" },
    rules: {
      ...obsRules,
      performed: int(0, 1000),
      opportunities: int(1, 1000),
      occurredOn: { kind: "date", optional: true },
    },
    form: {
      base: { ...obs, anonymous: "on", performed: "4", opportunities: "5", occurredOn: "2026-01-14" },
      shape: (raw) => ({ ...raw, anonymous: raw.anonymous === "on", occurredOn: raw.occurredOn || undefined }),
    },
  },
  // Catalogue
  {
    name: "BehaviourInput",
    actions: "createBehaviourAction",
    schema: BehaviourInput,
    base: behaviour,
    rules: behaviourRules,
    form: {},
  },
  {
    name: "BehaviourUpdateInput",
    actions: "updateBehaviourAction",
    schema: BehaviourUpdateInput,
    base: { ...behaviour, id: ID, version: "3" },
    rules: { ...behaviourRules, id, version },
    form: {},
  },
  {
    name: "BehaviourIdInput",
    actions: "submitForReviewAction, withdrawAction, retireAction",
    schema: BehaviourIdInput,
    base: { behaviourId: ID },
    rules: { behaviourId: id },
    form: {},
  },
  {
    name: "VideoTestInput",
    actions: "videoTestAction",
    schema: VideoTestInput,
    base: {
      behaviourId: ID,
      version: "2",
      camera: "yes",
      actor: "yes",
      moment: "yes",
      agreement: "yes",
      verdict: "PASS",
      notes: "Two of us agreed.",
    },
    rules: {
      behaviourId: id,
      version,
      camera: oneOf(["yes", "no"]),
      actor: oneOf(["yes", "no"]),
      moment: oneOf(["yes", "no"]),
      agreement: oneOf(["yes", "no"]),
      verdict: oneOf(["PASS", "FAIL"]),
      notes: text(1000),
    },
    form: {},
  },
  {
    name: "RestoreVersionInput",
    actions: "restoreVersionAction",
    schema: RestoreVersionInput,
    base: { behaviourId: ID, restore: "1", version: "3" },
    rules: { behaviourId: id, restore: version, version },
    form: {},
  },
  {
    name: "ValueInput",
    actions: "createValueAction",
    schema: ValueInput,
    base: { name: "Ownership", description: "We own customer outcomes." },
    rules: { name: text(80), description: text(300) },
    form: {},
  },
  {
    name: "CreateVariantInput",
    actions: "createVariantAction",
    schema: CreateVariantInput,
    base: { behaviourId: ID, teamId: ID2, trigger: "when the pager stops", frequency: "every incident" },
    rules: { behaviourId: id, teamId: id, trigger: text(200), frequency: text(120) },
    form: {},
  },
  // Barriers and interventions
  {
    name: "BarrierInput",
    actions: "createBarrierAction",
    schema: BarrierInput,
    base: barrier,
    rules: barrierRules,
    form: { lists: ["behaviourIds", "teamIds"] },
  },
  {
    name: "BarrierUpdateInput",
    actions: "updateBarrierAction",
    schema: BarrierUpdateInput,
    base: { ...barrier, id: ID, version: "3" },
    rules: { ...barrierRules, id, version },
    form: { lists: ["behaviourIds", "teamIds"] },
  },
  {
    name: "BarrierStatusInput",
    actions: "changeBarrierStatusAction",
    schema: BarrierStatusInput,
    base: { id: ID, status: "IN_PROGRESS" },
    rules: { id, status: oneOf(BARRIER_STATUSES) },
    form: {},
  },
  {
    name: "InterventionInput",
    actions: "createInterventionAction",
    schema: InterventionInput,
    base: intervention,
    rules: interventionRules,
    form: { lists: ["teamIds", "techniques"] },
  },
  // Surveys
  {
    name: "SurveyInput",
    actions: "createSurveyAction",
    schema: SurveyInput,
    base: {
      title: "Why no root cause?",
      behaviourId: ID,
      prevalencePct: "25",
      anonymous: "on",
      closesOn: "2099-06-30",
      questions: JSON.stringify(QUESTIONS),
    },
    rules: {
      title: text(120),
      behaviourId: id,
      prevalencePct: { kind: "number", min: 1, max: 99 },
      anonymous: { kind: "bool" },
      closesOn: { kind: "date", nullable: true },
      questions: { kind: "questions" },
    },
    form: {},
    extra: { questions: HOSTILE_QUESTIONS },
  },
  {
    name: "SurveyIdInput",
    actions: "respondToSurveyAction",
    schema: SurveyIdInput,
    base: { surveyId: ID },
    rules: { surveyId: id },
    form: {},
  },
  {
    name: "SurveyStatusInput",
    actions: "setSurveyStatusAction",
    schema: SurveyStatusInput,
    base: { surveyId: ID, status: "CLOSED" },
    rules: { surveyId: id, status: oneOf(["OPEN", "CLOSED"]) },
    form: {},
  },
  {
    name: "SurveyClosesOnInput",
    actions: "setSurveyClosesOnAction",
    schema: SurveyClosesOnInput,
    base: { surveyId: ID, closesOn: "2099-06-30" },
    rules: { surveyId: id, closesOn: { kind: "date", nullable: true } },
    form: {},
  },
  {
    name: "BarrierFromResponseInput",
    actions: "barrierFromResponseAction",
    schema: BarrierFromResponseInput,
    base: { surveyId: ID, optionId: ID2 },
    rules: { surveyId: id, optionId: id },
    form: {},
  },
  {
    name: "ImportInput + SurveyIdInput",
    actions: "previewSurveyImportAction, commitSurveyImportAction",
    schema: ImportForSurvey,
    base: { content: "respondent,group\nr1,doer\n", surveyId: ID },
    rules: { content: { kind: "file", max: 2_000_000 }, surveyId: id },
    form: {},
  },
  // Metrics
  {
    name: "MetricInput",
    actions: "createMetricAction",
    schema: MetricInput,
    base: metric,
    rules: metricRules,
    form: { lists: ["teamIds"] },
  },
  {
    name: "MetricUpdateInput",
    actions: "updateMetricAction",
    schema: MetricUpdateInput,
    base: { ...metric, id: ID, version: "3" },
    rules: { ...metricRules, id, version },
    form: { lists: ["teamIds"] },
  },
  {
    name: "ReadingInput",
    actions: "addReadingAction",
    schema: ReadingInput,
    base: { metricId: ID, date: "2026-01-14", teamId: ID2, value: "42.5" },
    rules: {
      metricId: id,
      date: { kind: "date" },
      teamId: { kind: "id", max: 40, nullable: true },
      value: { kind: "number", min: -1e12, max: 1e12 },
    },
    form: {},
  },
  {
    name: "MetricBehavioursInput",
    actions: "setMetricBehavioursAction",
    schema: MetricBehavioursInput,
    base: { metricId: ID, behaviourIds: [ID2] },
    rules: { metricId: id, behaviourIds: ids(100) },
    form: { lists: ["behaviourIds"] },
  },
  // Dashboards
  {
    name: "CustomerStoryInput",
    actions: "saveCustomerStoryAction",
    schema: CustomerStoryInput,
    base: {
      meetingDate: "2026-01-12",
      story: "A customer thanked us for the root-cause note.",
      customer: "Enterprise, EU",
      source: "INTERVIEW",
      sentiment: "POSITIVE",
    },
    rules: {
      meetingDate: { kind: "date" },
      story: text(2000),
      customer: text(200),
      source: oneOf(FEEDBACK_SOURCES),
      sentiment: oneOf(SENTIMENTS),
    },
    form: {},
  },
  // Recognition
  {
    name: "GiveRecognitionInput",
    actions: "giveRecognitionAction",
    schema: GiveRecognitionInput,
    base: {
      recipientMembershipId: ID,
      recipientTeamId: "",
      behaviourId: ID2,
      act: "Mia called the customer to confirm the fix before closing the ticket.",
      customerEffect: "The customer found a second failing file on the call; it was fixed the same day.",
      observationId: "",
    },
    rules: {
      recipientMembershipId: { kind: "id", max: 40, nullable: true },
      recipientTeamId: { kind: "id", max: 40, nullable: true },
      behaviourId: id,
      act: text(1000),
      customerEffect: text(1000),
      observationId: { kind: "id", max: 40, nullable: true },
    },
    form: {},
  },
  {
    name: "RecognitionIdInput",
    actions: "removeRecognitionAction",
    schema: RecognitionIdInput,
    base: { id: ID },
    rules: { id },
    form: {},
  },
  // Customer feedback (issue 16)
  {
    name: "FeedbackInput",
    actions: "createFeedbackAction",
    schema: FeedbackInput,
    base: feedback,
    rules: feedbackRules,
    form: { lists: ["behaviourIds", "barrierIds", "metricIds", "teamIds"] },
  },
  {
    name: "FeedbackUpdateInput",
    actions: "updateFeedbackAction",
    schema: FeedbackUpdateInput,
    base: { ...feedback, id: ID, version: "2" },
    rules: { ...feedbackRules, id, version },
    form: { lists: ["behaviourIds", "barrierIds", "metricIds", "teamIds"] },
  },
  {
    name: "FeedbackIdInput",
    actions: "deleteFeedbackAction",
    schema: FeedbackIdInput,
    base: { id: ID },
    rules: { id },
    form: {},
  },
  {
    name: "FeedbackStoryInput",
    actions: "markFeedbackStoryAction",
    schema: FeedbackStoryInput,
    base: { id: ID, isStory: "true" },
    rules: { id, isStory: oneOf(["true", "false"]) },
    form: {},
  },
  {
    name: "BarrierFromFeedbackInput",
    actions: "barrierFromFeedbackAction",
    schema: BarrierFromFeedbackInput,
    base: { ...barrier, feedbackIds: [ID] },
    rules: { ...barrierRules, feedbackIds: ids(100) },
    form: { lists: ["behaviourIds", "teamIds", "feedbackIds"] },
  },
  // Trash
  {
    name: "TrashInput",
    actions: "deleteAction, restoreAction",
    schema: TrashInput,
    base: { type: "barrier", id: ID },
    rules: { type: oneOf(TRASH_TYPES), id },
    form: {},
  },
  // Time zones (issue 17)
  {
    name: "OrganizationCalendarInput",
    actions: "setOrganizationCalendarAction",
    schema: OrganizationCalendarInput,
    base: { timeZone: "Pacific/Auckland", weekStartsOn: "1" },
    rules: { timeZone: oneOf(timeZoneNames()), weekStartsOn: int(1, 7) },
    form: {},
  },
  {
    name: "PersonalTimeZoneInput",
    actions: "setOwnTimeZoneAction",
    schema: PersonalTimeZoneInput,
    base: { timeZone: "America/Los_Angeles" },
    rules: { timeZone: oneOf(timeZoneNames(), true) },
    form: {},
  },
  // Privacy and retention (issue 21)
  {
    name: "RetentionPolicyInput",
    actions: "setRetentionPolicyAction",
    schema: RetentionPolicyInput,
    base: { observerDays: "180", noteDays: "365", auditDays: "400" },
    rules: {
      observerDays: int(RETENTION_LIMITS.observerDays.min, RETENTION_LIMITS.observerDays.max),
      noteDays: int(RETENTION_LIMITS.noteDays.min, RETENTION_LIMITS.noteDays.max),
      auditDays: int(RETENTION_LIMITS.auditDays.min, RETENTION_LIMITS.auditDays.max),
    },
    form: {},
  },
  // Members and invitations
  {
    name: "InviteInput",
    actions: "inviteAction",
    schema: InviteInput,
    base: { role: "MEMBER", email: "new.person@example.com" },
    rules: { role: oneOf(ROLES), email: { kind: "email", optional: true } },
    form: {},
  },
  {
    name: "ChangeRoleInput",
    actions: "changeRoleAction",
    schema: ChangeRoleInput,
    base: { membershipId: ID, role: "MANAGER" },
    rules: { membershipId: id, role: oneOf(ROLES) },
    form: {},
  },
  {
    name: "SetMemberStatusInput",
    actions: "setMemberStatusAction",
    schema: SetMemberStatusInput,
    base: { membershipId: ID, status: "DISABLED" },
    rules: { membershipId: id, status: oneOf(["ACTIVE", "DISABLED"]) },
    form: {},
  },
  {
    name: "EraseMemberInput",
    actions: "eraseMemberAction",
    schema: EraseMemberInput,
    base: { membershipId: ID },
    rules: { membershipId: id },
    form: {},
  },
  {
    name: "RevokeInvitationInput",
    actions: "revokeInvitationAction",
    schema: RevokeInvitationInput,
    base: { invitationId: ID },
    rules: { invitationId: id },
    form: {},
  },
  {
    name: "NewOrganizationInput",
    actions: "createOrganizationAction",
    schema: NewOrganizationInput,
    base: { organizationName: "Acme Support" },
    rules: { organizationName: text(80) },
    form: {},
  },
  {
    name: "SwitchOrganizationInput",
    actions: "switchOrganizationAction",
    schema: SwitchOrganizationInput,
    base: { organizationId: ID },
    rules: { organizationId: id },
    form: {},
  },
  // Actions, decisions and anchor questions (issue 16)
  {
    name: "ActionInput",
    actions: "createActionItemAction",
    schema: ActionInput,
    base: { ...action, occurrenceId: "" },
    rules: { ...actionRules, occurrenceId: optionalRef },
    form: {},
  },
  {
    name: "ActionUpdateInput",
    actions: "updateActionItemAction",
    schema: ActionUpdateInput,
    base: { ...action, id: ID, version: "2" },
    rules: { ...actionRules, id, version },
    form: {},
  },
  {
    name: "CloseActionInput",
    actions: "closeActionItemAction",
    schema: CloseActionInput,
    base: { id: ID, version: "1", status: "DROPPED", reason: "The platform team found a better route." },
    rules: { id, version, status: oneOf(["DONE", "DROPPED"]), reason: text(500) },
    form: {},
  },
  {
    name: "ReopenActionInput",
    actions: "reopenActionItemAction",
    schema: ReopenActionInput,
    base: { id: ID, version: "3" },
    rules: { id, version },
    form: {},
  },
  {
    name: "DecisionInput",
    actions: "createDecisionAction",
    schema: DecisionInput,
    base: { ...decision, behaviourId: "", occurrenceId: ID2 },
    rules: { ...decisionRules, behaviourId: optionalRef, occurrenceId: optionalRef },
    form: { lists: ["questions", "answers"] },
  },
  {
    name: "DecisionUpdateInput",
    actions: "updateDecisionAction",
    schema: DecisionUpdateInput,
    base: { ...decision, id: ID, version: "4" },
    rules: { ...decisionRules, id, version },
    form: { lists: ["questions", "answers"] },
  },
  {
    name: "AnchorQuestionsInput",
    actions: "saveAnchorQuestionsAction",
    schema: AnchorQuestionsInput,
    base: {
      stamp: "0a1b2c3d",
      ids: [ID, "new"],
      texts: ["How does this improve customer outcomes?", "Who pays for it?"],
    },
    rules: { stamp: { kind: "key" }, ids: ids(10), texts: { kind: "texts", items: 10, each: 300 } },
    form: { lists: ["ids", "texts"] },
  },
  // Accounts
  {
    name: "SignUpInput",
    actions: "signUpAction",
    schema: SignUpInput,
    base: signUp,
    rules: {
      name: text(80),
      email: { kind: "email" },
      password: { kind: "secret", max: 128 },
      organizationName: text(80),
    },
    form: {},
  },
  {
    name: "SignInInput",
    actions: "credentials sign-in (src/lib/server/auth.ts)",
    schema: SignInInput,
    base: { email: signUp.email, password: signUp.password },
    rules: { email: { kind: "email" }, password: { kind: "secret", max: 128 } },
  },
  {
    name: "NewAccountFromInvite",
    actions: "acceptInviteAsNewUserAction",
    schema: NewAccountFromInvite,
    base: { name: signUp.name, email: signUp.email, password: signUp.password, token: "inv1t3-abcdefghijklmnop" },
    rules: {
      name: text(80),
      email: { kind: "email" },
      password: { kind: "secret", max: 128 },
      token: { kind: "secret", max: 200 },
    },
    form: {},
  },
  // Organisation backup: the file's text; parseBackupDocument and checkBackup judge what is inside (tests/unit/backup.test.ts)
  {
    name: "BackupImportInput",
    actions: "importOrganisationAction",
    schema: BackupImportInput,
    base: { content: '{"format":"conduct-organisation-backup","version":1}' },
    rules: { content: { kind: "file", max: MAX_BACKUP_BYTES } },
    form: {},
  },
  // Catalogue, observation and reading imports
  {
    name: "ImportInput",
    actions:
      "previewImportAction, commitImportAction, preview/commitObservationImportAction, preview/commitReadingImportAction",
    schema: ImportInput,
    base: { content: "date,team,behaviour,performed,missed\n2026-01-14,Platform,Post the root cause,4,1\n" },
    rules: { content: { kind: "file", max: 2_000_000 } },
    form: {},
  },
  ...RITUAL_CASES,
  ...WEBHOOK_CASES,
  ...API_CASES,
  ...SSO_CASES,
  ...MAIL_CASES,
  ...CUE_CASES,
  ...PARTICIPATION_CASES,
  ...VIDEO_TEST_TERM_CASES,
  ...CITATION_CASES,
];
