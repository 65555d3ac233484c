// DTOs of the catalogue, as they cross to the browser.

export type BehaviourStatus = "DRAFT" | "IN_REVIEW" | "ACTIVE" | "RETIRED";

export const STATUS_LABELS: Record<BehaviourStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  ACTIVE: "Active",
  RETIRED: "Retired",
};

export interface BehaviourSummaryDto {
  id: string;
  title: string;
  sentence: string;
  status: BehaviourStatus;
  ownerName: string;
}

export interface ValueGroupDto {
  id: string;
  name: string;
  description: string;
  behaviours: BehaviourSummaryDto[];
}

export interface BehaviourDto {
  id: string;
  title: string;
  valueName: string;
  actor: string;
  action: string;
  trigger: string;
  frequency: string;
  completionCriterion: string;
  customerOutcome: string;
  example: string;
  anchors: string[];
  ownerName: string;
  status: BehaviourStatus;
  version: number;
  sentence: string;
  updatedAt: string;
  authorName: string;
  youAreAuthor: boolean;
  adoption28d: { performed: number; opportunities: number; rate: number | null };
}
