"use client";
import { formatInstant } from "@/lib/domain/date-instants";
import { useDisplayZone } from "./calendar-context";

// Instants are shown in the reader's display zone (their own from the profile, else the organisation's), which the
// server knows: the server's HTML and the browser's render are the same text, whatever zone the browser is in.

/** An instant in the reader's display zone, e.g. "1 Dec 2026, 09:41:07 GMT+1". */
export function LocalTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatInstant(iso, useDisplayZone())}</time>;
}

/** The reader's display zone by name, e.g. "Europe/Paris". */
export function ViewerTimeZone() {
  return <span data-testid="viewer-time-zone">{useDisplayZone()}</span>;
}
