// The backup's description of the embedding tables (issue 16): rituals and their occurrences,
// actions, decisions, customer feedback and recognition. Part of BACKUP_TABLES (backup.ts).
import type { TableSpec } from "./backup-columns";
import { bool, en, id, int, long, optRef, optTs, ref, short, ts } from "./backup-columns";

const date = { kind: "date" } as const;
const optDate = { kind: "date", nullable: true } as const;
const time = { kind: "text", max: 5, nullable: true } as const;

export type EmbeddingTable =
  | "CustomerFeedback"
  | "FeedbackBehaviour"
  | "FeedbackBarrier"
  | "FeedbackMetric"
  | "FeedbackTeam"
  | "Ritual"
  | "RitualParticipant"
  | "RitualOccurrence"
  | "AgendaItem"
  | "ActionItem"
  | "AnchorQuestion"
  | "Decision"
  | "DecisionAnswer"
  | "Recognition";

export const EMBEDDING_TABLES: Readonly<Record<EmbeddingTable, TableSpec>> = {
  CustomerFeedback: {
    columns: {
      id,
      quote: long,
      source: en("FeedbackSource"),
      receivedOn: date,
      customer: short,
      sentiment: en("Sentiment"),
      isStory: bool,
      importKey: { kind: "text", max: 200, nullable: true },
      createdById: ref("Membership"),
      createdAt: ts,
      updatedAt: ts,
    },
    unique: [],
  },
  FeedbackBehaviour: {
    columns: { feedbackId: ref("CustomerFeedback"), behaviourId: ref("Behaviour") },
    unique: [["feedbackId", "behaviourId"]],
  },
  FeedbackBarrier: {
    columns: { feedbackId: ref("CustomerFeedback"), barrierId: ref("Barrier") },
    unique: [["feedbackId", "barrierId"]],
  },
  FeedbackMetric: {
    columns: { feedbackId: ref("CustomerFeedback"), metricId: ref("Metric") },
    unique: [["feedbackId", "metricId"]],
  },
  FeedbackTeam: {
    columns: { feedbackId: ref("CustomerFeedback"), teamId: ref("Team") },
    unique: [["feedbackId", "teamId"]],
  },
  Ritual: {
    columns: {
      id,
      kind: en("RitualKind"),
      title: short,
      teamId: optRef("Team"),
      cadence: en("RitualCadence"),
      weekday: { kind: "int", min: 1, nullable: true },
      weekOfMonth: { kind: "int", min: 1, nullable: true },
      startTime: time,
      startsOn: date,
      facilitatorId: ref("Membership"),
      createdById: ref("Membership"),
      createdAt: ts,
      updatedAt: ts,
      archivedAt: optTs,
    },
    unique: [["title"]],
  },
  RitualParticipant: {
    columns: { ritualId: ref("Ritual"), membershipId: ref("Membership") },
    unique: [["ritualId", "membershipId"]],
  },
  RitualOccurrence: {
    columns: {
      id,
      ritualId: ref("Ritual"),
      date,
      periodStart: date,
      heldAt: optTs,
      cancelledAt: optTs,
      createdAt: ts,
    },
    unique: [["ritualId", "date"]],
  },
  AgendaItem: {
    columns: {
      id,
      occurrenceId: ref("RitualOccurrence"),
      section: en("AgendaSection"),
      position: int(-2_147_483_648),
      title: short,
      prompt: long,
      notes: long,
      storyId: optRef("CustomerFeedback"),
      createdAt: ts,
      updatedAt: ts,
    },
    unique: [],
  },
  ActionItem: {
    columns: {
      id,
      title: short,
      detail: long,
      ownerId: ref("Membership"),
      dueOn: optDate,
      status: en("ActionStatus"),
      dropReason: long,
      closedAt: optTs,
      occurrenceId: optRef("RitualOccurrence"),
      teamId: optRef("Team"),
      behaviourId: optRef("Behaviour"),
      barrierId: optRef("Barrier"),
      interventionId: optRef("Intervention"),
      metricId: optRef("Metric"),
      createdById: ref("Membership"),
      createdAt: ts,
      updatedAt: ts,
    },
    unique: [],
  },
  AnchorQuestion: {
    columns: { id, text: short, position: int(-2_147_483_648), createdAt: ts, archivedAt: optTs },
    unique: [],
  },
  Decision: {
    columns: {
      id,
      title: short,
      detail: long,
      status: en("DecisionStatus"),
      decidedById: optRef("Membership"),
      decidedAt: optTs,
      occurrenceId: optRef("RitualOccurrence"),
      teamId: optRef("Team"),
      behaviourId: optRef("Behaviour"),
      createdById: ref("Membership"),
      createdAt: ts,
      updatedAt: ts,
    },
    unique: [],
  },
  DecisionAnswer: {
    columns: { id, decisionId: ref("Decision"), position: int(0), question: short, answer: long },
    unique: [["decisionId", "position"]],
  },
  Recognition: {
    columns: {
      id,
      giverId: ref("Membership"),
      recipientMembershipId: optRef("Membership"),
      recipientTeamId: optRef("Team"),
      behaviourId: ref("Behaviour"),
      act: long,
      customerEffect: long,
      observationId: optRef("Observation"),
      createdAt: ts,
    },
    unique: [],
  },
};
