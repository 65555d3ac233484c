// Hostile-input cases for issue 18 §3's action schemas (observation targets, spot checks); part of
// CASES in hostile-cases.ts.
import { ObservationTargetInput } from "@/lib/schemas/teams";
import { SpotCheckIdInput, SpotCheckInput } from "@/lib/schemas/spot-checks";
import { MAX_TARGET } from "@/lib/domain/participation";
import { MAX_SPOT_CHECK_DAYS, SPOT_CHECK_NOTE_MAX } from "@/lib/domain/spot-checks";
import type { SchemaCase } from "./hostile-cases";

const ID = "clx0a1b2c3d4e5f6g7h8i9j0k";
const ID2 = "clx0a1b2c3d4e5f6g7h8i9j0m";
const ID3 = "clx0a1b2c3d4e5f6g7h8i9j0n";
const id = { kind: "id", max: 40 } as const;

export const PARTICIPATION_CASES: SchemaCase[] = [
  {
    name: "ObservationTargetInput",
    actions: "setObservationTargetAction",
    schema: ObservationTargetInput,
    base: { id: ID, target: "10" },
    rules: { id, target: { kind: "int", min: 1, max: MAX_TARGET, nullable: true } },
  },
  {
    name: "SpotCheckInput",
    actions: "requestSpotCheckAction",
    schema: SpotCheckInput,
    base: { behaviourId: ID, teamId: ID2, observerId: ID3, startsOn: "2026-12-02", days: "7", note: "Watch stand-ups" },
    rules: {
      behaviourId: id,
      teamId: id,
      observerId: id,
      startsOn: { kind: "date" },
      days: { kind: "int", min: 1, max: MAX_SPOT_CHECK_DAYS },
      note: { kind: "text", max: SPOT_CHECK_NOTE_MAX },
    },
  },
  {
    name: "SpotCheckIdInput",
    actions: "cancelSpotCheckAction",
    schema: SpotCheckIdInput,
    base: { id: ID },
    rules: { id },
  },
];
