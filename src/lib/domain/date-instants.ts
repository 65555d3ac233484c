// Instants shown to a viewer, always in an explicit zone (never the server's or the browser's own), so server HTML
// and hydration agree. The calendar days themselves are in dates.ts.
import { dayOf, isTimeZone, UTC, type TimeZone } from "./dates";

/**
 * An instant in the viewer's zone, with the zone's offset named so nobody mistakes it for another
 * zone's: "2026-12-01T08:41:07Z" in Europe/Paris → "1 Dec 2026, 09:41:07 GMT+1". An unknown zone
 * falls back to UTC (shown as "GMT+0"), never to the server's own zone.
 */
export function formatInstant(iso: string, zone: TimeZone = UTC): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: isTimeZone(zone) ? zone : UTC,
    timeZoneName: "shortOffset",
  }).format(new Date(iso));
}

type InstantStyle = "day" | "shortDay" | "dateTime" | "shortDateTime" | "weekdayTime" | "time";
const INSTANT_STYLES: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  day: { day: "numeric", month: "short", year: "numeric" },
  shortDay: { day: "numeric", month: "short" },
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
  shortDateTime: { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
  weekdayTime: { weekday: "short", hour: "2-digit", minute: "2-digit" },
  time: { hour: "2-digit", minute: "2-digit" },
};
const instantFormats = /* @__PURE__ */ new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as a reader in `zone` sees it, always with an explicit zone (the server's and the browser's own zones
 * never decide, so server HTML and hydration agree): "day" "1 Dec 2026", "shortDay" "1 Dec", "dateTime"
 * "1 Dec 2026, 09:41", "shortDateTime" "1 Dec, 09:41", "weekdayTime" "Tue 09:41", "time" "09:41". An unknown zone falls back to UTC.
 */
export function formatAt(at: Date | number | string, zone: TimeZone, style: InstantStyle = "day"): string {
  const timeZone = isTimeZone(zone) ? zone : UTC;
  const key = `${timeZone}|${style}`;
  let f = instantFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { ...INSTANT_STYLES[style], timeZone });
    instantFormats.set(key, f);
  }
  return f.format(new Date(at));
}

/**
 * From one instant to another as a reader in `zone` sees them: "2 Mar, 09:30–09:41" within one of
 * their days, "1 Mar, 23:58 – 2 Mar, 00:03" across midnight.
 */
export function formatSpan(from: Date | number | string, to: Date | number | string, zone: TimeZone): string {
  const timeZone = isTimeZone(zone) ? zone : UTC;
  const start = formatAt(from, timeZone, "shortDateTime");
  return dayOf(new Date(from), timeZone) === dayOf(new Date(to), timeZone)
    ? `${start}–${formatAt(to, timeZone, "time")}`
    : `${start} – ${formatAt(to, timeZone, "shortDateTime")}`;
}
