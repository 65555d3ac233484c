import { describe, expect, it } from "vitest";
import {
  digestSchedule,
  dueSlots,
  latestDue,
  localInstant,
  localWeekStart,
  weekdayOf,
  weekKey,
} from "@/lib/domain/schedules";

const LONDON = "Europe/London";
const AUCKLAND = "Pacific/Auckland";
const LA = "America/Los_Angeles";
const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);

// Europe/London: BST starts 01:00 UTC on Sunday 2026-03-29 (01:00 → 02:00 local) and ends 01:00 UTC on Sunday
// 2026-10-25 (02:00 BST → 01:00 GMT). Pacific/Auckland: NZDT ends 2026-04-05 03:00 → 02:00, starts 2026-09-27
// 02:00 → 03:00. America/Los_Angeles: PDT starts 2026-03-08 02:00 → 03:00, ends 2026-11-01 02:00 → 01:00.

describe("localInstant", () => {
  it("reads an ordinary local time with the offset of that day", () => {
    expect(iso(localInstant("2026-03-27", "09:00", LONDON))).toBe("2026-03-27T09:00:00.000Z");
    expect(iso(localInstant("2026-03-30", "09:00", LONDON))).toBe("2026-03-30T08:00:00.000Z");
    expect(iso(localInstant("2026-07-01", "09:00", AUCKLAND))).toBe("2026-06-30T21:00:00.000Z");
    expect(iso(localInstant("2026-01-15", "09:00", AUCKLAND))).toBe("2026-01-14T20:00:00.000Z");
    expect(iso(localInstant("2026-03-07", "09:00", LA))).toBe("2026-03-07T17:00:00.000Z");
    expect(iso(localInstant("2026-03-09", "09:00", LA))).toBe("2026-03-09T16:00:00.000Z");
    expect(iso(localInstant("2026-03-09", "09:00", "UTC"))).toBe("2026-03-09T09:00:00.000Z");
  });

  it("moves a time skipped by spring-forward to the first minute after the gap", () => {
    // London 01:30 on 2026-03-29 never happens: 00:59 GMT is followed by 02:00 BST (01:00 UTC).
    expect(iso(localInstant("2026-03-29", "01:30", LONDON))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(localInstant("2026-03-29", "01:00", LONDON))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(localInstant("2026-03-29", "00:59", LONDON))).toBe("2026-03-29T00:59:00.000Z");
    expect(iso(localInstant("2026-03-29", "02:00", LONDON))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(localInstant("2026-03-29", "02:01", LONDON))).toBe("2026-03-29T01:01:00.000Z");
    // Los Angeles 02:30 on 2026-03-08 → 03:00 PDT (10:00 UTC).
    expect(iso(localInstant("2026-03-08", "02:30", LA))).toBe("2026-03-08T10:00:00.000Z");
    // Auckland 02:15 on 2026-09-27 → 03:00 NZDT (2026-09-26 14:00 UTC).
    expect(iso(localInstant("2026-09-27", "02:15", AUCKLAND))).toBe("2026-09-26T14:00:00.000Z");
  });

  it("takes the first of a time repeated by fall-back", () => {
    // London 01:30 on 2026-10-25 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
    expect(iso(localInstant("2026-10-25", "01:30", LONDON))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(localInstant("2026-10-25", "02:00", LONDON))).toBe("2026-10-25T02:00:00.000Z");
    // Los Angeles 01:30 on 2026-11-01: 08:30 UTC (PDT) first, 09:30 UTC (PST) second.
    expect(iso(localInstant("2026-11-01", "01:30", LA))).toBe("2026-11-01T08:30:00.000Z");
    // Auckland 02:30 on 2026-04-05: 13:30 UTC the day before (NZDT), then 14:30 UTC (NZST).
    expect(iso(localInstant("2026-04-05", "02:30", AUCKLAND))).toBe("2026-04-04T13:30:00.000Z");
  });

  it("refuses what is not a day or a time", () => {
    expect(() => localInstant("2026-02-30", "09:00", LONDON)).toThrow(RangeError);
    expect(() => localInstant("2026-03-01", "24:00", LONDON)).toThrow(RangeError);
    expect(() => localInstant("2026-03-01", "9:00", LONDON)).toThrow(RangeError);
    expect(() => localInstant("2026-03-01", "09:00", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("dueSlots", () => {
  const daily0930 = { weekdays: [1, 2, 3, 4, 5, 6, 7], localTime: "09:30" };

  it("gives one slot per scheduled local day across London's spring-forward weekend", () => {
    const slots = dueSlots(daily0930, LONDON, at("2026-03-27T00:00:00Z"), at("2026-03-31T23:59:00Z"));
    expect(slots.map((s) => [s.day, iso(s.at)])).toEqual([
      ["2026-03-27", "2026-03-27T09:30:00.000Z"],
      ["2026-03-28", "2026-03-28T09:30:00.000Z"],
      ["2026-03-29", "2026-03-29T08:30:00.000Z"],
      ["2026-03-30", "2026-03-30T08:30:00.000Z"],
      ["2026-03-31", "2026-03-31T08:30:00.000Z"],
    ]);
  });

  it("sends a skipped time once, and a repeated time once, across London's two changes", () => {
    const sunday0130 = { weekdays: [7], localTime: "01:30" };
    expect(
      dueSlots(sunday0130, LONDON, at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z")).map((s) => iso(s.at)),
    ).toEqual(["2026-03-29T01:00:00.000Z"]);
    expect(
      dueSlots(sunday0130, LONDON, at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z")).map((s) => iso(s.at)),
    ).toEqual(["2026-10-25T00:30:00.000Z"]);
  });

  it("keeps only the chosen weekdays, and the window is open at the start and closed at the end", () => {
    const monFri = { weekdays: [1, 5], localTime: "09:00" };
    const slots = dueSlots(monFri, LA, at("2026-03-06T17:00:00Z"), at("2026-03-13T17:00:00Z"));
    // Friday 06 09:00 PST is 17:00 UTC: excluded (the window starts after it); Monday 09 09:00 PDT; Friday 13 09:00
    // PDT is 16:00 UTC.
    expect(slots.map((s) => [s.day, iso(s.at)])).toEqual([
      ["2026-03-09", "2026-03-09T16:00:00.000Z"],
      ["2026-03-13", "2026-03-13T16:00:00.000Z"],
    ]);
    expect(weekdayOf("2026-03-09")).toBe(1);
    expect(weekdayOf("2026-03-08")).toBe(7);
  });

  it("finds Auckland's local days, half a day ahead of UTC", () => {
    const monday = { weekdays: [1], localTime: "08:00" };
    // Monday 2026-04-06 08:00 NZST is Sunday 2026-04-05 20:00 UTC (NZDT ended that morning).
    const slot = latestDue(monday, AUCKLAND, at("2026-04-05T00:00:00Z"), at("2026-04-06T00:00:00Z"));
    expect(slot && [slot.day, iso(slot.at)]).toEqual(["2026-04-06", "2026-04-05T20:00:00.000Z"]);
  });

  it("gives nothing for an empty schedule or an invalid time", () => {
    expect(dueSlots({ weekdays: [], localTime: "09:00" }, LONDON, at("2026-03-01Z"), at("2026-04-01Z"))).toEqual([]);
    expect(dueSlots({ weekdays: [1], localTime: "9am" }, LONDON, at("2026-03-01Z"), at("2026-04-01Z"))).toEqual([]);
  });
});

describe("period keys and the digest", () => {
  it("keys weeks by ISO week for a Monday start, and by the week's own days for another start", () => {
    expect(weekKey("2026-03-23")).toBe("2026-W13");
    expect(weekKey("2026-03-29")).toBe("2026-W13");
    expect(weekKey("2026-03-30")).toBe("2026-W14");
    expect(weekKey("2026-01-01")).toBe("2026-W01");
    expect(weekKey("2027-01-01")).toBe("2026-W53");
    // Weeks starting on Sunday: Sunday 29 March begins a new week.
    expect(localWeekStart("2026-03-29", 7)).toBe("2026-03-29");
    expect(localWeekStart("2026-03-28", 7)).toBe("2026-03-22");
    expect(weekKey("2026-03-28", 7)).not.toBe(weekKey("2026-03-29", 7));
    expect(weekKey("2026-03-29", 7)).toBe(weekKey("2026-04-04", 7));
  });

  it("falls due at the week-start day 08:00 local, on BST after the change", () => {
    const slot = latestDue(digestSchedule(1), LONDON, at("2026-03-27T00:00:00Z"), at("2026-03-31T00:00:00Z"));
    expect(slot && [slot.day, iso(slot.at)]).toEqual(["2026-03-30", "2026-03-30T07:00:00.000Z"]);
    const sunday = latestDue(digestSchedule(7), LA, at("2026-03-07T00:00:00Z"), at("2026-03-09T00:00:00Z"));
    expect(sunday && [sunday.day, iso(sunday.at)]).toEqual(["2026-03-08", "2026-03-08T15:00:00.000Z"]);
  });
});
