"use client";
import { useSyncExternalStore } from "react";
import { formatInstant, UTC } from "@/lib/domain/dates";

// The viewer's zone is the browser's: no user or organisation zone is stored. The server does not
// know it, so the server's HTML (and the first render in the browser, to hydrate it) is in UTC and
// the browser then re-renders in its own zone; both say which zone they are in.
const never = () => () => undefined;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || UTC;
const serverZone = () => UTC;

export function useViewerTimeZone(): string {
  return useSyncExternalStore(never, browserZone, serverZone);
}

/** An instant in the viewer's time zone, e.g. "1 Dec 2026, 09:41:07 GMT+1". */
export function LocalTime({ iso }: { iso: string }) {
  const zone = useViewerTimeZone();
  return <time dateTime={iso}>{formatInstant(iso, zone)}</time>;
}

/** The viewer's time zone by name, e.g. "Europe/Paris". */
export function ViewerTimeZone() {
  return <span data-testid="viewer-time-zone">{useViewerTimeZone()}</span>;
}
