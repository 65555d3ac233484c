// The backup's description of the method's own records: surveys and their answers, barriers, interventions and
// spot checks. Part of BACKUP_TABLES (backup.ts), in its place: parents before the rows that refer to them.
import type { TableSpec } from "./backup-columns";
import { bool, en, id, int, json, long, optEn, optInt, optJson, optRef, optTs, ref, short, ts } from "./backup-columns";

export type MethodTable =
  | "Survey"
  | "SurveyQuestion"
  | "SurveyOption"
  | "SurveyRespondent"
  | "SurveyAnswer"
  | "Barrier"
  | "BarrierBehaviour"
  | "BarrierTeam"
  | "Intervention"
  | "SpotCheck"
  | "InterventionTeam";

export const METHOD_TABLES: Readonly<Record<MethodTable, TableSpec>> = {
  Survey: {
    columns: {
      id,
      behaviourId: ref("Behaviour"),
      title: short,
      prevalence: { kind: "float" },
      anonymous: bool,
      status: en("SurveyStatus"),
      // Version 4: a version 3 file has none, and reads as null (open until closed by hand).
      closesOn: { kind: "date", nullable: true },
      // Issue 21: a file without them reads null (closed by its day, or not de-identified yet).
      closedAt: optTs,
      deidentifiedAt: optTs,
      createdById: ref("Membership"),
      createdAt: ts,
      updatedAt: ts,
      deletedAt: optTs,
    },
    unique: [],
  },
  SurveyQuestion: {
    columns: {
      id,
      surveyId: ref("Survey"),
      position: int(0),
      text: long,
      kind: en("QuestionKind"),
      determinant: optEn("Determinant"),
      multiple: bool,
    },
    unique: [["surveyId", "position"]],
  },
  SurveyOption: {
    columns: {
      id,
      questionId: ref("SurveyQuestion"),
      position: int(0),
      label: short,
      classifies: optEn("RespondentGroup"),
    },
    unique: [["questionId", "position"]],
  },
  SurveyRespondent: {
    columns: {
      id,
      surveyId: ref("Survey"),
      label: short,
      group: en("RespondentGroup"),
      source: en("RespondentSource"),
      responderKey: { kind: "key" },
      membershipId: optRef("Membership"),
      createdAt: ts,
    },
    unique: [
      ["surveyId", "label"],
      ["surveyId", "responderKey"],
    ],
  },
  SurveyAnswer: {
    columns: {
      surveyId: ref("Survey"),
      respondentId: ref("SurveyRespondent"),
      questionId: ref("SurveyQuestion"),
      optionId: ref("SurveyOption"),
      group: en("RespondentGroup"),
    },
    unique: [["respondentId", "optionId"]],
  },
  Barrier: {
    columns: {
      id,
      title: short,
      description: long,
      evidence: long,
      comB: en("ComBComponent"),
      determinant: en("Determinant"),
      feasibility: en("Feasibility"),
      impact: optInt(0),
      reach: optInt(0),
      ease: optInt(0),
      status: en("BarrierStatus"),
      surveyId: optRef("Survey"),
      statistics: optJson,
      removalEvidence: optJson,
      createdById: ref("Membership"),
      createdAt: ts,
      updatedAt: ts,
      deletedAt: optTs,
    },
    unique: [],
  },
  BarrierBehaviour: {
    columns: { barrierId: ref("Barrier"), behaviourId: ref("Behaviour") },
    unique: [["barrierId", "behaviourId"]],
  },
  BarrierTeam: { columns: { barrierId: ref("Barrier"), teamId: ref("Team") }, unique: [["barrierId", "teamId"]] },
  Intervention: {
    columns: {
      id,
      barrierId: ref("Barrier"),
      function: en("InterventionFunction"),
      title: short,
      description: long,
      ownerId: ref("Membership"),
      startDate: ts,
      apease: json,
      techniques: { kind: "texts", items: 93, max: 8 },
      createdAt: ts,
      updatedAt: ts,
    },
    unique: [],
  },
  SpotCheck: {
    columns: {
      id,
      behaviourId: ref("Behaviour"),
      teamId: ref("Team"),
      observerId: ref("Membership"),
      requestedById: optRef("Membership"),
      startsOn: { kind: "date" },
      endsOn: { kind: "date" },
      note: long,
      createdAt: ts,
      cancelledAt: optTs,
    },
    unique: [],
  },
  InterventionTeam: {
    columns: { interventionId: ref("Intervention"), teamId: ref("Team") },
    unique: [["interventionId", "teamId"]],
  },
};
