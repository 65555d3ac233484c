// How metric figures and statuses read on screen. Pure: used by server and client components.
import type { TargetStatus } from "@/lib/domain/outcomes";
import type { Tone } from "@/components/ui/badge";

export const STATUS_LABELS: Record<TargetStatus, string> = {
  ON_TRACK: "On track",
  AT_RISK: "At risk",
  OFF_TRACK: "Off track",
  NO_TARGET: "No target",
  NO_DATA: "No data",
};
export const STATUS_TONES: Record<TargetStatus, Tone> = {
  ON_TRACK: "green",
  AT_RISK: "amber",
  OFF_TRACK: "red",
  NO_TARGET: "slate",
  NO_DATA: "slate",
};
export const DIRECTION_LABELS = { UP: "Higher is better", DOWN: "Lower is better" } as const;

/** A reading with its unit, e.g. "93.4 %" or "31 hours"; up to 2 decimals. */
export function formatValue(value: number, unit: string): string {
  return `${value.toLocaleString("en-GB", { maximumFractionDigits: 2 })} ${unit}`;
}

const pct = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 0 });
export const formatShare = (share: number | null) => (share === null ? "–" : pct.format(share));
