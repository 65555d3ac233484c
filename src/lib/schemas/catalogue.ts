import { z } from "./zod";
import { CONTROL_ALL, optionalId } from "./text";
import type { DefinitionText } from "@/lib/domain/behaviour";

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

export interface BehaviourDto extends DefinitionText {
  id: string;
  valueName: string;
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

/** Catalogue filters, as they appear in the URL (?q=…&value=…&owner=…&status=…). Bad values are dropped. */
export const CatalogueFilter = z.object({
  // Control characters are dropped from a search; a malformed id is no filter.
  q: z
    .string()
    .max(100)
    .optional()
    .transform((v) => v?.replace(CONTROL_ALL, "").trim() || undefined)
    .catch(undefined),
  value: optionalId,
  owner: optionalId,
  team: optionalId,
  status: z.enum(["DRAFT", "IN_REVIEW", "ACTIVE", "RETIRED"]).optional().catch(undefined),
});
export type CatalogueFilter = z.infer<typeof CatalogueFilter>;

export interface CatalogueFacetsDto {
  values: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  owners: { id: string; name: string }[];
}
