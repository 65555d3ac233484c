import { z } from "./zod";
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


const optionalId = z.string().trim().max(40).optional().transform((v) => v || undefined);

/** Catalogue filters, as they appear in the URL (?q=…&value=…&owner=…&status=…). Bad values are dropped. */
export const CatalogueFilter = z.object({
  q: z.string().trim().max(100).optional().transform((v) => v || undefined).catch(undefined),
  value: optionalId.catch(undefined),
  owner: optionalId.catch(undefined),
  team: optionalId.catch(undefined),
  status: z.enum(["DRAFT", "IN_REVIEW", "ACTIVE", "RETIRED"]).optional().catch(undefined),
});
export type CatalogueFilter = z.infer<typeof CatalogueFilter>;

export interface CatalogueFacetsDto {
  values: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  owners: { id: string; name: string }[];
}
