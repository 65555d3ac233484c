import type { SuppressionReason } from "@/lib/domain/group-size";
// What an occurrence's agenda shows: the live sections computed from the period's data, the
// facilitator's items and notes, and what the meeting decided and asked of whom.
import type { AgendaSection, RitualKind } from "@/lib/domain/rituals";
import type { AgendaItemDto } from "./rituals";

export interface AgendaActionDto {
  id: string;
  title: string;
  ownerName: string;
  dueOn: string | null;
  overdue: boolean;
  status: "OPEN" | "DONE" | "DROPPED";
  /** The meeting it was agreed at, when it is carried forward from an earlier one. */
  fromDate: string | null;
}

export interface AgendaChangeDto {
  behaviourId: string;
  title: string;
  before: number;
  after: number;
  changePts: number;
  opportunities: number;
}

export interface AgendaBarrierDto {
  id: string;
  title: string;
  priority: number | null;
  status: string;
}

export interface AgendaMetricDto {
  id: string;
  name: string;
  status: "OFF_TRACK" | "AT_RISK";
  latest: number | null;
  unit: string;
  summary: string;
}

export interface AgendaRecognitionDto {
  id: string;
  recipient: string;
  behaviourTitle: string;
  act: string;
  customerEffect: string;
  giverName: string;
  on: string;
}

export interface AgendaFeedbackDto {
  id: string;
  quote: string;
  customer: string;
  sentiment: "POSITIVE" | "NEGATIVE" | "MIXED";
  source: string;
  receivedOn: string;
  isStory: boolean;
}

export interface PainPointDto {
  /** "behaviour:<id>", "barrier:<id>" or "none". */
  key: string;
  label: string;
  href: string | null;
  count: number;
  /** Every negative item of the group (the quotes shown are the newest few). */
  feedbackIds: string[];
  behaviourId: string | null;
  feedback: AgendaFeedbackDto[];
}

export interface AgendaContentDto {
  carried: AgendaActionDto[];
  openActions: AgendaActionDto[];
  rises: AgendaChangeDto[];
  falls: AgendaChangeDto[];
  /** Why the ritual's team or value stream shows no adoption changes (docs/decisions/039); null when shown. */
  changesSuppressed: SuppressionReason | null;
  barriers: AgendaBarrierDto[];
  /** Open barriers in scope beyond those listed. */
  moreBarriers: number;
  metrics: AgendaMetricDto[];
  recognitions: AgendaRecognitionDto[];
  feedback: AgendaFeedbackDto[];
  /** Feedback of the period beyond those listed. */
  moreFeedback: number;
  painPoints: PainPointDto[];
  /** Stories to choose from for the customer story slot (recent first). */
  stories: AgendaFeedbackDto[];
}

export interface AgendaDecisionDto {
  id: string;
  title: string;
  status: "DRAFT" | "DECIDED";
}

export interface OccurrenceDto {
  id: string;
  ritualId: string;
  ritualTitle: string;
  kind: RitualKind;
  kindLabel: string;
  purpose: string;
  scopeName: string;
  teamId: string | null;
  date: string;
  periodStart: string;
  /** The period's last day: the meeting's day. */
  periodEnd: string;
  held: boolean;
  cancelled: boolean;
  facilitatorName: string;
  items: AgendaItemDto[];
  content: AgendaContentDto;
  decisions: AgendaDecisionDto[];
  actions: AgendaActionDto[];
  previous: { id: string; date: string } | null;
  next: { id: string; date: string } | null;
  canRun: boolean;
  canTakeNotes: boolean;
}

export type { AgendaSection };
