import type { SuppressionReason } from "@/lib/domain/group-size";
import { z } from "./zod";
import { day, id, text } from "./text";
import {
  DEFAULT_SPOT_CHECK_DAYS,
  MAX_SPOT_CHECK_DAYS,
  SPOT_CHECK_NOTE_MAX,
  type SpotCheckComparison,
  type SpotCheckStatus,
} from "@/lib/domain/spot-checks";

const DAYS_MESSAGE = `Choose how many days it runs: 1 to ${MAX_SPOT_CHECK_DAYS}.`;

/** A leader asks a second observer to log one behaviour in one team for some days. */
export const SpotCheckInput = z.object({
  behaviourId: id("Choose the behaviour to check."),
  teamId: id("Choose the team to check."),
  observerId: id("Choose the second observer."),
  startsOn: day("Enter the first day of the check.", { future: true }),
  days: z.preprocess(
    (v) => (v === "" || v === undefined ? String(DEFAULT_SPOT_CHECK_DAYS) : v),
    z.coerce
      .number({ error: DAYS_MESSAGE })
      .int(DAYS_MESSAGE)
      .min(1, DAYS_MESSAGE)
      .max(MAX_SPOT_CHECK_DAYS, DAYS_MESSAGE),
  ),
  note: text("Note", 0, SPOT_CHECK_NOTE_MAX).prefault(""),
});
export type SpotCheckInput = z.infer<typeof SpotCheckInput>;

export const SpotCheckIdInput = z.object({ id: id("Choose a spot check.") });

export interface SpotCheckRowDto {
  id: string;
  behaviourTitle: string;
  teamName: string;
  observerName: string;
  requestedByName: string | null;
  startsOn: string;
  endsOn: string;
  status: SpotCheckStatus;
}

export interface SpotCheckPageDto {
  rows: SpotCheckRowDto[];
  nextCursor: string | null;
}

export interface SpotCheckDetailDto extends SpotCheckRowDto {
  behaviourId: string;
  teamId: string;
  note: string;
  createdAt: string;
  /** Null when the team is hidden under the minimum group size (then `suppressed` says why; admins still see it). */
  comparison: SpotCheckComparison | null;
  suppressed: SuppressionReason | null;
  minGroupSize: number;
  canCancel: boolean;
  /** True when the caller is the second observer. */
  isObserver: boolean;
}

/** What the request form offers: the behaviours, the teams the caller may check, and the people. */
export interface SpotCheckOptionsDto {
  behaviours: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  people: { id: string; name: string }[];
  today: string;
}
