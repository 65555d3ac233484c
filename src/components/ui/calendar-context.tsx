"use client";
import { createContext, useContext } from "react";
import { UTC, type TimeZone, type WeekStartsOn } from "@/lib/domain/dates";

/**
 * Where the organisation's days begin and the zone this person reads times in, given once by the app layout from
 * the member context. Client components format with these, never with the browser's zone: the server renders the
 * same text, so hydration never disagrees (docs/decisions/021).
 */
export interface CalendarValue {
  timeZone: TimeZone;
  weekStartsOn: WeekStartsOn;
  displayTimeZone: TimeZone;
}

const CalendarContext = createContext<CalendarValue>({ timeZone: UTC, weekStartsOn: 1, displayTimeZone: UTC });

export function CalendarProvider({ value, children }: { value: CalendarValue; children: React.ReactNode }) {
  return <CalendarContext.Provider value={value}>{children}</CalendarContext.Provider>;
}

/** The organisation's zone and week start, and the person's display zone. */
export function useCalendar(): CalendarValue {
  return useContext(CalendarContext);
}

/** The zone instants are shown in: the person's own, else the organisation's. */
export function useDisplayZone(): TimeZone {
  return useContext(CalendarContext).displayTimeZone;
}
