// Matrix rows for every server action that needs a permission (src/lib/actions/*.ts).
import { db } from "@/lib/server/db";
import {
  BehaviourIdInput,
  BehaviourInput,
  BehaviourUpdateInput,
  RestoreVersionInput,
  ValueInput,
  VideoTestInput,
} from "@/lib/schemas/behaviour";
import { CreateVariantInput } from "@/lib/schemas/variants";
import { BarrierInput, BarrierStatusInput, BarrierUpdateInput, InterventionInput } from "@/lib/schemas/barriers";
import { CustomerStoryInput } from "@/lib/schemas/dashboards";
import {
  ChangeRoleInput,
  EraseMemberInput,
  InviteInput,
  RevokeInvitationInput,
  SetMemberStatusInput,
} from "@/lib/schemas/members";
import { MetricBehavioursInput, MetricInput, MetricUpdateInput, ReadingInput } from "@/lib/schemas/metrics";
import {
  EditObservationInput,
  LogBatchInput,
  LogObservationInput,
  UndoObservationInput,
} from "@/lib/schemas/observations";
import {
  BarrierFromResponseInput,
  responseChoices,
  SurveyIdInput,
  SurveyInput,
  SurveyStatusInput,
  SurveyClosesOnInput,
} from "@/lib/schemas/surveys";
import { ImportInput } from "@/lib/schemas/transfer";
import { TrashInput } from "@/lib/schemas/trash";
import { createBehaviour, createValue, restoreVersion, updateBehaviour } from "@/lib/server/data/behaviour-editor";
import { changeStatus, recordVideoTest, submitForReview } from "@/lib/server/data/behaviour-review";
import { createVariant } from "@/lib/server/data/behaviour-variants";
import { commitCatalogueImport, previewCatalogueImport } from "@/lib/server/data/catalogue-transfer";
import { editObservation, logBatch, logObservation, undoObservation } from "@/lib/server/data/observation-log";
import { commitObservationImport, previewObservationImport } from "@/lib/server/data/observation-transfer";
import { changeRole, createInvitation, revokeInvitation, setMemberStatus } from "@/lib/server/data/members";
import { eraseMember } from "@/lib/server/data/erasure";
import { changeBarrierStatus, createBarrier, updateBarrier } from "@/lib/server/data/barriers";
import { createIntervention } from "@/lib/server/data/interventions";
import { createSurvey, respondToSurvey, setSurveyClosesOn, setSurveyStatus } from "@/lib/server/data/surveys";
import { barrierFromResponse, commitSurveyImport, previewSurveyImport } from "@/lib/server/data/survey-transfer";
import { createMetric, setMetricBehaviours, updateMetric } from "@/lib/server/data/metric-editor";
import { addReading, commitReadingImport, previewReadingImport } from "@/lib/server/data/metric-readings";
import { saveCustomerStory } from "@/lib/server/data/customer-stories";
import { restoreDeleted, softDelete } from "@/lib/server/data/trash";
import { importOrganisationFile } from "@/lib/server/data/backup";
import { exportOrganisation } from "@/lib/server/data/backup-export";
import { readText } from "./read-text";
import { createOrganizationFor } from "@/lib/server/data/accounts";
import { BackupImportInput } from "@/lib/schemas/backup";
import { contextFor } from "./context";
import { buildMember, buildTeam } from "../../factories";
import { type Row, at, observationId, row, ALL, EDITORS, MANAGERS, ADMINS, A } from "./matrix-core";
import {
  uid,
  today,
  daysAgo,
  ACCESS,
  QUESTIONS,
  surveyCsv,
  significantRespondents,
  behaviourForm,
  barrierForm,
  metricForm,
  logForm,
  behaviourIn,
} from "./matrix-scenario";
import type { Side } from "./matrix-scenario";

const catalogueDoc = (s: Side) => ({
  content: JSON.stringify({
    format: "conduct-catalogue",
    version: 1,
    values: [{ name: s.value.name, description: "" }],
    behaviours: [
      {
        value: s.value.name,
        title: `Imported behaviour ${uid()}`,
        actor: "The on-call engineer",
        action: "posts the root cause on the customer's ticket",
        trigger: "When a customer reports a defect",
        frequency: "within 24 hours",
        completionCriterion: "A comment headed Root cause is visible on the ticket",
        customerOutcome: "Customers know what happened",
        anchors: [],
        ownerEmail: s.people.LEADER.email,
      },
    ],
  }),
});

export const ACTION_ROWS: readonly Row<unknown>[] = [
  // ------------------------------------------------ catalogue
  row({
    action: "createBehaviourAction",
    surface: A("catalogue"),
    requires: "catalogue.edit",
    data: "behaviour-editor.createBehaviour",
    kind: "write",
    allowed: EDITORS,
    setup: async (s) => BehaviourInput.parse(behaviourForm(s)),
    call: (ctx, input) => createBehaviour(ctx, input),
    ids: [at("valueId", "rule"), at("ownerId", "rule")],
  }),
  row({
    action: "updateBehaviourAction",
    surface: A("catalogue"),
    requires: "catalogue.edit",
    data: "behaviour-editor.updateBehaviour",
    kind: "write",
    allowed: EDITORS,
    setup: async (s) => {
      const { id, version, ...input } = BehaviourUpdateInput.parse({
        ...behaviourForm(s, s.behaviour.title),
        id: s.behaviour.id,
        version: "1",
      });
      return { id, version, input };
    },
    call: (ctx, { id, version, input }) => updateBehaviour(ctx, id, version, input),
    ids: [at("id", "not-found"), at("input.valueId", "rule"), at("input.ownerId", "rule")],
  }),
  row({
    action: "submitForReviewAction",
    surface: A("catalogue"),
    requires: "catalogue.edit",
    data: "behaviour-review.submitForReview",
    kind: "write",
    allowed: EDITORS,
    setup: async (s, me) => BehaviourIdInput.parse({ behaviourId: await behaviourIn(s, "DRAFT", me.role) }),
    call: (ctx, { behaviourId }) => submitForReview(ctx, behaviourId),
    ids: [at("behaviourId", "not-found")],
  }),
  row({
    action: "withdrawAction",
    surface: A("catalogue"),
    requires: "catalogue.edit",
    data: "behaviour-review.changeStatus",
    kind: "write",
    allowed: EDITORS,
    setup: async (s, me) => BehaviourIdInput.parse({ behaviourId: await behaviourIn(s, "IN_REVIEW", me.role) }),
    call: (ctx, { behaviourId }) => changeStatus(ctx, behaviourId, "DRAFT"),
    ids: [at("behaviourId", "not-found")],
  }),
  row({
    action: "retireAction",
    surface: A("catalogue"),
    requires: "catalogue.edit",
    data: "behaviour-review.changeStatus",
    kind: "write",
    allowed: EDITORS,
    setup: async (s) => BehaviourIdInput.parse({ behaviourId: s.behaviour.id }),
    call: (ctx, { behaviourId }) => changeStatus(ctx, behaviourId, "RETIRED"),
    ids: [at("behaviourId", "not-found")],
  }),
  row({
    action: "videoTestAction",
    surface: A("catalogue"),
    requires: "catalogue.review",
    data: "behaviour-review.recordVideoTest",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s, me) =>
      VideoTestInput.parse({
        behaviourId: await behaviourIn(s, "IN_REVIEW", me.role),
        version: "1",
        camera: "yes",
        actor: "yes",
        moment: "yes",
        agreement: "yes",
        verdict: "PASS",
        notes: "",
      }),
    call: (ctx, input) => recordVideoTest(ctx, input),
    ids: [at("behaviourId", "not-found")],
  }),
  row({
    action: "restoreVersionAction",
    surface: A("catalogue"),
    requires: "catalogue.edit",
    data: "behaviour-editor.restoreVersion",
    kind: "write",
    allowed: EDITORS,
    setup: async (s) => RestoreVersionInput.parse({ behaviourId: s.behaviour.id, restore: "1", version: "1" }),
    call: (ctx, i) => restoreVersion(ctx, i.behaviourId, i.restore, i.version),
    ids: [at("behaviourId", "not-found")],
  }),
  row({
    action: "createValueAction",
    surface: A("catalogue"),
    requires: "catalogue.edit",
    data: "behaviour-editor.createValue",
    kind: "write",
    allowed: EDITORS,
    setup: async () => ValueInput.parse({ name: `Ownership of outcomes ${uid()}`, description: "" }),
    call: (ctx, input) => createValue(ctx, input),
  }),
  row({
    action: "createVariantAction",
    surface: A("catalogue"),
    requires: null,
    data: "behaviour-variants.createVariant",
    kind: "write",
    allowed: MANAGERS,
    note: "requireMember() only: createVariant allows catalogue.edit, or a MANAGER who belongs to the team (every role is in the scenario's team)",
    setup: async (s) => {
      const { behaviourId, ...input } = CreateVariantInput.parse({
        behaviourId: s.behaviour.id,
        teamId: s.team.id,
        trigger: "When a customer reports a defect in the mobile app",
        frequency: "within 4 hours",
      });
      return { behaviourId, input };
    },
    call: (ctx, { behaviourId, input }) => createVariant(ctx, behaviourId, input),
    ids: [at("behaviourId", "not-found"), at("input.teamId", "rule")],
  }),
  row({
    action: "createVariantAction",
    surface: A("catalogue"),
    variant: "a team the caller is not in",
    requires: null,
    data: "behaviour-variants.createVariant",
    kind: "write",
    allowed: EDITORS,
    note: "a MANAGER may adapt a behaviour only for a team they belong to",
    setup: async (s) => {
      const team = await buildTeam(db(), s.org.id);
      const { behaviourId, ...input } = CreateVariantInput.parse({
        behaviourId: s.behaviour.id,
        teamId: team.id,
        trigger: "When a customer reports a defect by e-mail",
        frequency: "within 6 hours",
      });
      return { behaviourId, input };
    },
    call: (ctx, { behaviourId, input }) => createVariant(ctx, behaviourId, input),
  }),
  // ------------------------------------------------ barriers and interventions
  row({
    action: "createBarrierAction",
    surface: A("barriers"),
    requires: "barriers.propose",
    data: "barriers.createBarrier",
    kind: "write",
    allowed: ALL,
    setup: async (s) => BarrierInput.parse(barrierForm(s)),
    call: (ctx, input) => createBarrier(ctx, input),
    ids: [at("behaviourIds", "rule"), at("teamIds", "rule")],
  }),
  row({
    action: "updateBarrierAction",
    surface: A("barriers"),
    requires: "barriers.manage",
    data: "barriers.updateBarrier",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => {
      const id = await s.barrier();
      const { version } = await db().barrier.findUniqueOrThrow({ where: { id }, select: { version: true } });
      const {
        id: _id,
        version: expected,
        ...input
      } = BarrierUpdateInput.parse({ ...barrierForm(s), id, version: String(version) });
      return { id, expected, input };
    },
    call: (ctx, { id, expected, input }) => updateBarrier(ctx, id, expected, input),
    ids: [at("id", "not-found"), at("input.behaviourIds", "rule"), at("input.teamIds", "rule")],
  }),
  row({
    action: "changeBarrierStatusAction",
    surface: A("barriers"),
    requires: "barriers.manage",
    data: "barriers.changeBarrierStatus",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => BarrierStatusInput.parse({ id: await s.barrier(), status: "INTERVENTION_PLANNED" }),
    call: (ctx, { id, status }) => changeBarrierStatus(ctx, id, status),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "createInterventionAction",
    surface: A("barriers"),
    requires: "barriers.manage",
    data: "interventions.createIntervention",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => {
      const scores = Object.fromEntries(
        ["affordability", "practicability", "effectiveness", "acceptability", "sideEffects", "equity"].map((k) => [
          `${k}Score`,
          "4",
        ]),
      );
      return InterventionInput.parse({
        barrierId: await s.barrier(),
        function: "ENVIRONMENTAL_RESTRUCTURING",
        title: "Link the logs from every alert",
        ownerId: s.people.MANAGER.membershipId,
        teamIds: [s.team.id],
        startDate: today(),
        ...scores,
      });
    },
    call: (ctx, input) => createIntervention(ctx, input),
    ids: [at("barrierId", "not-found"), at("ownerId", "rule"), at("teamIds", "rule")],
  }),
  // ------------------------------------------------ dashboards
  row({
    action: "saveCustomerStoryAction",
    surface: A("dashboards"),
    requires: "dashboards.view",
    data: "customer-stories.saveCustomerStory",
    kind: "write",
    allowed: MANAGERS,
    setup: async () =>
      CustomerStoryInput.parse({
        meetingDate: today(),
        story: "A customer thanked us for the root cause on their ticket.",
        source: "SUPPORT_TICKET",
        sentiment: "POSITIVE",
      }),
    call: (ctx, input) => saveCustomerStory(ctx, input),
  }),
  // ------------------------------------------------ members
  row({
    action: "inviteAction",
    surface: A("members"),
    requires: "members.manage",
    data: "members.createInvitation",
    kind: "write",
    allowed: ADMINS,
    setup: async () => InviteInput.parse({ role: "MANAGER", email: `invitee-${uid()}@example.test` }),
    call: (ctx, input) => createInvitation(ctx, input),
  }),
  row({
    action: "changeRoleAction",
    surface: A("members"),
    requires: "members.manage",
    data: "members.changeRole",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => ChangeRoleInput.parse({ membershipId: s.people.MEMBER.membershipId, role: "MANAGER" }),
    call: (ctx, i) => changeRole(ctx, i.membershipId, i.role),
    ids: [at("membershipId", "not-found")],
  }),
  row({
    action: "setMemberStatusAction",
    surface: A("members"),
    requires: "members.manage",
    data: "members.setMemberStatus",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) =>
      SetMemberStatusInput.parse({
        membershipId: (await buildMember(db(), s.org.id, "MEMBER")).membership.id,
        status: "DISABLED",
      }),
    call: (ctx, i) => setMemberStatus(ctx, i.membershipId, i.status),
    ids: [at("membershipId", "not-found")],
  }),
  row({
    action: "eraseMemberAction",
    surface: A("members"),
    requires: "members.manage",
    data: "erasure.eraseMember",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => {
      const person = await buildMember(db(), s.org.id, "MEMBER");
      await db().membership.update({ where: { id: person.membership.id }, data: { status: "DISABLED" } });
      return EraseMemberInput.parse({ membershipId: person.membership.id });
    },
    call: (ctx, i) => eraseMember(ctx, i.membershipId),
    ids: [at("membershipId", "not-found")],
  }),
  row({
    action: "revokeInvitationAction",
    surface: A("members"),
    requires: "members.manage",
    data: "members.revokeInvitation",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => RevokeInvitationInput.parse({ invitationId: await s.invitation() }),
    call: (ctx, i) => revokeInvitation(ctx, i.invitationId),
    ids: [at("invitationId", "not-found")],
  }),
  // ------------------------------------------------ metrics
  row({
    action: "createMetricAction",
    surface: A("metrics"),
    requires: "metrics.manage",
    data: "metric-editor.createMetric",
    kind: "write",
    allowed: MANAGERS,
    // A derived metric, so that every id the form can name is in the input.
    setup: async (s) =>
      MetricInput.parse({
        ...metricForm(s, `Adoption of fix confirmations ${uid()}`),
        kind: "INTERNAL_PROCESS",
        timing: "LEADING",
        sourceBehaviourId: s.behaviour.id,
      }),
    call: (ctx, input) => createMetric(ctx, input),
    ids: [at("ownerId", "rule"), at("teamIds", "rule"), at("sourceBehaviourId", "rule")],
  }),
  row({
    action: "updateMetricAction",
    surface: A("metrics"),
    requires: "metrics.manage",
    data: "metric-editor.updateMetric",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => {
      const m = await s.metric();
      const { version } = await db().metric.findUniqueOrThrow({ where: { id: m.id }, select: { version: true } });
      const {
        id,
        version: expected,
        ...input
      } = MetricUpdateInput.parse({
        ...metricForm(s, m.name),
        targetValue: "95",
        id: m.id,
        version: String(version),
      });
      return { id, expected, input };
    },
    call: (ctx, { id, expected, input }) => updateMetric(ctx, id, expected, input),
    ids: [at("id", "not-found"), at("input.ownerId", "rule"), at("input.teamIds", "rule")],
  }),
  row({
    action: "addReadingAction",
    surface: A("metrics"),
    requires: "metrics.manage",
    data: "metric-readings.addReading",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      ReadingInput.parse({ metricId: (await s.metric()).id, date: today(), teamId: s.team.id, value: "88.5" }),
    call: (ctx, input) => addReading(ctx, input),
    ids: [at("metricId", "not-found"), at("teamId", "rule")],
  }),
  row({
    action: "setMetricBehavioursAction",
    surface: A("metrics"),
    requires: "metrics.manage",
    data: "metric-editor.setMetricBehaviours",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      MetricBehavioursInput.parse({ metricId: (await s.metric()).id, behaviourIds: [s.behaviour.id] }),
    call: (ctx, i) => setMetricBehaviours(ctx, i.metricId, i.behaviourIds),
    ids: [at("metricId", "not-found"), at("behaviourIds", "rule")],
  }),
  row({
    action: "previewReadingImportAction",
    surface: A("metrics"),
    requires: "metrics.manage",
    data: "metric-readings.previewReadingImport",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) =>
      ImportInput.parse({
        content: `date,metric,team,value\n${today()},${(await s.metric()).name},${s.team.name},91\n`,
      }),
    call: (ctx, i) => previewReadingImport(ctx, i.content),
  }),
  row({
    action: "commitReadingImportAction",
    surface: A("metrics"),
    requires: "metrics.manage",
    data: "metric-readings.commitReadingImport",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      ImportInput.parse({
        content: `date,metric,team,value\n${daysAgo(1)},${(await s.metric()).name},${s.team.name},91\n`,
      }),
    call: (ctx, i) => commitReadingImport(ctx, i.content),
  }),
  // ------------------------------------------------ observations
  row({
    action: "logObservationAction",
    surface: A("observations"),
    requires: "observations.log",
    data: "observation-log.logObservation",
    kind: "write",
    allowed: ALL,
    setup: async (s) => LogObservationInput.parse(logForm(s)),
    call: (ctx, input) => logObservation(ctx, input),
    ids: [at("behaviourId", "rule"), at("teamId", "rule")],
  }),
  row({
    action: "undoObservationAction",
    surface: A("observations"),
    requires: "observations.log",
    data: "observation-log.undoObservation",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) => {
      const o = await logObservation(me.ctx, LogObservationInput.parse(logForm(s)));
      return UndoObservationInput.parse({ id: o.id, token: o.undoToken });
    },
    call: (ctx, i) => undoObservation(ctx, i.id, i.token),
    ids: [observationId()],
  }),
  row({
    action: "logBatchAction",
    surface: A("observations"),
    requires: "observations.log",
    data: "observation-log.logBatch",
    kind: "write",
    allowed: ALL,
    setup: async (s) =>
      LogBatchInput.parse({
        ...logForm(s, { note: "sprint review" }),
        performed: "3",
        opportunities: "4",
        occurredOn: today(),
      }),
    call: (ctx, input) => logBatch(ctx, input),
    ids: [at("behaviourId", "rule"), at("teamId", "rule")],
  }),
  row({
    action: "previewObservationImportAction",
    surface: A("observations"),
    requires: "observations.import",
    data: "observation-transfer.previewObservationImport",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) =>
      ImportInput.parse({
        content: `date,team,behaviour,performed,missed,note\n${today()},${s.team.name},${s.behaviour.title},4,1,\n`,
      }),
    call: (ctx, i) => previewObservationImport(ctx, i.content),
  }),
  row({
    action: "commitObservationImportAction",
    surface: A("observations"),
    requires: "observations.import",
    data: "observation-transfer.commitObservationImport",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      ImportInput.parse({
        content: `date,team,behaviour,performed,missed,note\n${today()},${s.team.name},${s.behaviour.title},4,1,\n`,
      }),
    call: (ctx, i) => commitObservationImport(ctx, i.content),
  }),
  row({
    action: "editObservationAction",
    surface: A("observations"),
    requires: "observations.log",
    data: "observation-log.editObservation",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) => {
      const o = await logObservation(me.ctx, LogObservationInput.parse(logForm(s)));
      return EditObservationInput.parse({
        id: o.id,
        token: o.undoToken,
        outcome: "missed",
        note: "The customer was away.",
      });
    },
    call: (ctx, i) => editObservation(ctx, i.id, i.token, { outcome: i.outcome, note: i.note }),
    ids: [observationId<ReturnType<typeof EditObservationInput.parse>>()],
  }),
  // ------------------------------------------------ surveys
  row({
    action: "createSurveyAction",
    surface: A("surveys"),
    requires: "barriers.manage",
    data: "surveys.createSurvey",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      SurveyInput.parse({
        title: "Why fixes go unconfirmed",
        behaviourId: s.behaviour.id,
        prevalencePct: "20",
        anonymous: "on",
        questions: JSON.stringify(QUESTIONS),
      }),
    call: (ctx, input) => createSurvey(ctx, input),
    ids: [at("behaviourId", "rule")],
  }),
  row({
    action: "respondToSurveyAction",
    surface: A("surveys"),
    requires: "surveys.respond",
    data: "surveys.respondToSurvey",
    kind: "write",
    allowed: ALL,
    setup: async (s) => {
      const survey = await s.survey();
      const form = new FormData();
      form.set("surveyId", survey.id);
      for (const q of survey.questions) form.set(`q_${q.id}`, q.options[0]!.id);
      return {
        surveyId: SurveyIdInput.parse({ surveyId: form.get("surveyId") }).surveyId,
        choices: responseChoices(form),
      };
    },
    call: (ctx, i) => respondToSurvey(ctx, i.surveyId, i.choices),
    ids: [
      at("surveyId", "not-found"),
      {
        // A's questions answered with B's responses, question by question.
        param: "choices (option ids)",
        expect: "rule",
        swap: (a, b) => ({
          ...a,
          choices: new Map([...a.choices.keys()].map((q, i) => [q, [...b.choices.values()][i]!])),
        }),
        random: (a, id) => ({ ...a, choices: new Map([...a.choices.keys()].map((q) => [q, [id]])) }),
      },
    ],
  }),
  row({
    action: "setSurveyStatusAction",
    surface: A("surveys"),
    requires: "barriers.manage",
    data: "surveys.setSurveyStatus",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => SurveyStatusInput.parse({ surveyId: (await s.survey()).id, status: "CLOSED" }),
    call: (ctx, i) => setSurveyStatus(ctx, i.surveyId, i.status),
    ids: [at("surveyId", "not-found")],
  }),
  row({
    action: "setSurveyClosesOnAction",
    surface: A("surveys"),
    requires: "barriers.manage",
    data: "surveys.setSurveyClosesOn",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => SurveyClosesOnInput.parse({ surveyId: (await s.survey()).id, closesOn: "2099-06-30" }),
    call: (ctx, i) => setSurveyClosesOn(ctx, i.surveyId, i.closesOn),
    ids: [at("surveyId", "not-found")],
  }),
  row({
    action: "previewSurveyImportAction",
    surface: A("surveys"),
    requires: "barriers.manage",
    data: "survey-transfer.previewSurveyImport",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) =>
      ImportInput.extend(SurveyIdInput.shape).parse({
        surveyId: (await s.survey()).id,
        content: surveyCsv([
          [`r${uid()}`, "", "Yes", "No", "Yes"],
          [`r${uid()}`, "", "No", "Yes", "No"],
        ]),
      }),
    call: (ctx, i) => previewSurveyImport(ctx, i.surveyId, i.content),
    ids: [at("surveyId", "not-found")],
  }),
  row({
    action: "commitSurveyImportAction",
    surface: A("surveys"),
    requires: "barriers.manage",
    data: "survey-transfer.commitSurveyImport",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) =>
      ImportInput.extend(SurveyIdInput.shape).parse({
        surveyId: (await s.survey()).id,
        content: surveyCsv([
          [`r${uid()}`, "", "Yes", "No", "Yes"],
          [`r${uid()}`, "", "No", "Yes", "No"],
        ]),
      }),
    call: (ctx, i) => commitSurveyImport(ctx, i.surveyId, i.content),
    ids: [at("surveyId", "not-found")],
  }),
  row({
    action: "barrierFromResponseAction",
    surface: A("surveys"),
    requires: "barriers.manage",
    data: "survey-transfer.barrierFromResponse",
    kind: "write",
    allowed: MANAGERS,
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
    action: "previewImportAction",
    surface: A("transfer"),
    requires: "catalogue.edit",
    data: "catalogue-transfer.previewCatalogueImport",
    kind: "read",
    allowed: EDITORS,
    setup: async (s) => ImportInput.parse(catalogueDoc(s)),
    call: (ctx, i) => previewCatalogueImport(ctx, i.content),
  }),
  row({
    action: "commitImportAction",
    surface: A("transfer"),
    requires: "catalogue.edit",
    data: "catalogue-transfer.commitCatalogueImport",
    kind: "write",
    allowed: EDITORS,
    setup: async (s) => ImportInput.parse(catalogueDoc(s)),
    call: (ctx, i) => commitCatalogueImport(ctx, i.content),
  }),
  // ------------------------------------------------ deleting and restoring
  ...(
    [
      ["behaviour", EDITORS, "catalogue.edit"],
      ["barrier", MANAGERS, "barriers.manage"],
      ["metric", MANAGERS, "metrics.manage"],
    ] as const
  ).map(([type, allowed, perm]) =>
    row({
      action: "deleteAction",
      surface: A("trash"),
      variant: type,
      requires: null,
      data: "trash.softDelete",
      kind: "write",
      allowed,
      note: `requireMember() only: softDelete asks ${perm} for a ${type}`,
      setup: async (s) =>
        TrashInput.parse({
          type,
          id: type === "behaviour" ? s.behaviour.id : type === "barrier" ? await s.barrier() : (await s.metric()).id,
        }),
      call: (ctx, i) => softDelete(ctx, i.type, i.id),
      ids: [at("id", "not-found")],
    }),
  ),
  row({
    action: "restoreAction",
    surface: A("trash"),
    requires: "members.manage",
    data: "trash.restoreDeleted",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => {
      const id = await s.barrier();
      await softDelete(s.people.MANAGER.ctx, "barrier", id);
      return TrashInput.parse({ type: "barrier", id });
    },
    call: (ctx, i) => restoreDeleted(ctx, i.type, i.id),
    ids: [at("id", "not-found")],
  }),
  // ------------------------------------------------ organisation backup
  row({
    action: "importOrganisationAction",
    surface: A("backup"),
    requires: "members.manage",
    data: "backup.importOrganisationFile",
    kind: "write",
    allowed: ADMINS,
    note: "imports only into an empty organisation: the admin's goes into a new one of their own; the others are refused in this one",
    setup: async (s, me) => {
      const { content } = BackupImportInput.parse({
        content: await readText(exportOrganisation(s.people.ADMIN.ctx)),
      });
      const into =
        me.role === "ADMIN"
          ? await contextFor(me.userId, await createOrganizationFor(me.userId, `Restored ${s.org.name}`))
          : null;
      return { content, into };
    },
    call: (ctx, i) => importOrganisationFile(i.into ?? ctx, i.content),
  }),
];
