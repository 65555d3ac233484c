import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addDays,
  addMonths,
  currentDay,
  dateOnly,
  dayNumber,
  dayOf,
  daysAfter,
  daysBefore,
  daysBetween,
  dayStart,
  formatDay,
  formatMonth,
  formatShortDay,
  chartDayLabel,
  formatDayRange,
  fromDateOnly,
  instantRange,
  isIsoDate,
  isIsoMonth,
  isTimeZone,
  isWeekend,
  lastDayOf,
  lastDays,
  lastWeeks,
  middayOf,
  monthOf,
  periodBefore,
  periodLength,
  weekStart,
  weekStarts,
  weeksIn,
  displayZoneOf,
  timeOf,
  isWeekStartsOn,
} from "@/lib/domain/dates";
import { formatInstant, formatAt, formatSpan } from "@/lib/domain/date-instants";

const BERLIN = "Europe/Berlin";
const at = (s: string) => new Date(s);
const iso = (d: Date) => d.toISOString();
// Berlin moves to summer time at 02:00 on Sunday 2026-03-29 (23-hour day) and back at 03:00 on 2026-10-25 (25 hours).
const HOUR = 3_600_000;

describe("validation", () => {
  it("accepts real YYYY-MM-DD days only", () => {
    expect(isIsoDate("2026-11-20")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true); // leap year
    expect(isIsoDate("2000-02-29")).toBe(true); // divisible by 400
    expect(isIsoDate("0050-01-01")).toBe(true); // not read as 1950
    for (const s of ["2027-02-29", "2100-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00"])
      expect(isIsoDate(s), s).toBe(false);
    for (const s of ["", "2026-1-01", "26-01-01", " 2026-01-01", "2026-01-01T00:00:00Z", "20260101", "2026/01/01"])
      expect(isIsoDate(s), s).toBe(false);
    expect(isIsoDate(20260101 as unknown as string)).toBe(false);
    expect(isIsoDate(null as unknown as string)).toBe(false);
  });

  it("accepts real YYYY-MM months only", () => {
    expect(isIsoMonth("2026-01")).toBe(true);
    expect(isIsoMonth("2026-12")).toBe(true);
    for (const s of ["2026-00", "2026-13", "2026-1", "2026-01-01", "", "2026"]) expect(isIsoMonth(s), s).toBe(false);
  });

  it("knows time zone names", () => {
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone(BERLIN)).toBe(true);
    expect(isTimeZone("America/Santiago")).toBe(true);
    expect(isTimeZone("Nowhere/Atlantis")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(undefined as unknown as string)).toBe(false);
  });
});

describe("the day an instant falls on", () => {
  it("is the UTC day by default, with Monday 00:00 starting a new day and week", () => {
    expect(dayOf(at("2026-11-22T23:59:59.999Z"))).toBe("2026-11-22"); // Sunday
    expect(dayOf(at("2026-11-23T00:00:00.000Z"))).toBe("2026-11-23"); // Monday
    expect(dayOf(Date.parse("2026-12-31T23:59:59.999Z"))).toBe("2026-12-31");
    expect(dayOf(at("2028-02-29T12:00:00Z"))).toBe("2028-02-29");
  });

  it("follows the zone's offset, summer and winter", () => {
    expect(dayOf(at("2026-11-22T23:30:00Z"), BERLIN)).toBe("2026-11-23"); // 00:30 CET
    expect(dayOf(at("2026-03-28T22:59:59.999Z"), BERLIN)).toBe("2026-03-28"); // 23:59 CET
    expect(dayOf(at("2026-03-28T23:00:00Z"), BERLIN)).toBe("2026-03-29"); // 00:00 CET, the short day
    expect(dayOf(at("2026-03-29T21:59:59.999Z"), BERLIN)).toBe("2026-03-29"); // 23:59 CEST
    expect(dayOf(at("2026-03-29T22:00:00Z"), BERLIN)).toBe("2026-03-30");
    expect(dayOf(at("2026-10-24T22:00:00Z"), BERLIN)).toBe("2026-10-25"); // 00:00 CEST, the long day
    expect(dayOf(at("2026-10-25T22:59:59.999Z"), BERLIN)).toBe("2026-10-25"); // 23:59 CET
    expect(dayOf(at("2026-10-25T23:00:00Z"), BERLIN)).toBe("2026-10-26");
    expect(dayOf(at("2026-12-31T23:00:00Z"), BERLIN)).toBe("2027-01-01");
  });

  it("refuses invalid instants and unknown zones", () => {
    expect(() => dayOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => dayOf(Number.NaN)).toThrow(RangeError);
    expect(() => dayOf(at("2026-11-22T12:00:00Z"), "Nowhere/Atlantis")).toThrow(RangeError);
  });

  it("the current day is today in the zone", () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(at("2026-11-22T23:30:00Z"));
      expect(currentDay()).toBe("2026-11-22");
      expect(currentDay(BERLIN)).toBe("2026-11-23");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the instants of a day", () => {
  it("starts a day at its midnight, UTC by default", () => {
    expect(iso(dayStart("2026-11-23"))).toBe("2026-11-23T00:00:00.000Z");
    expect(iso(dayStart("2028-02-29"))).toBe("2028-02-29T00:00:00.000Z");
  });

  it("starts a day at the zone's midnight, so DST days last 23 and 25 hours", () => {
    expect(iso(dayStart("2026-03-29", BERLIN))).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(dayStart("2026-03-30", BERLIN))).toBe("2026-03-29T22:00:00.000Z");
    expect(dayStart("2026-03-30", BERLIN).getTime() - dayStart("2026-03-29", BERLIN).getTime()).toBe(23 * HOUR);
    expect(iso(dayStart("2026-10-25", BERLIN))).toBe("2026-10-24T22:00:00.000Z");
    expect(dayStart("2026-10-26", BERLIN).getTime() - dayStart("2026-10-25", BERLIN).getTime()).toBe(25 * HOUR);
  });

  it("starts a day whose midnight DST skips at the first instant that exists", () => {
    // Santiago de Chile springs from 24:00 on Saturday 2026-09-05 to 01:00 on Sunday.
    expect(iso(dayStart("2026-09-06", "America/Santiago"))).toBe("2026-09-06T04:00:00.000Z"); // 01:00 −03
    expect(iso(dayStart("2026-09-05", "America/Santiago"))).toBe("2026-09-05T04:00:00.000Z"); // 00:00 −04
  });

  it("returns plain Dates, which serialise as UTC", () => {
    const d = dayStart("2026-03-29", BERLIN);
    expect(d.constructor).toBe(Date);
    expect(JSON.stringify(d)).toBe('"2026-03-28T23:00:00.000Z"');
  });

  it("puts a day-only observation at noon", () => {
    expect(iso(middayOf("2026-11-22"))).toBe("2026-11-22T12:00:00.000Z");
    expect(iso(middayOf("2026-03-29", BERLIN))).toBe("2026-03-29T10:00:00.000Z"); // 12:00 CEST
    expect(iso(middayOf("2026-10-25", BERLIN))).toBe("2026-10-25T11:00:00.000Z"); // 12:00 CET
    expect(middayOf("2026-01-01").constructor).toBe(Date);
  });

  it("turns inclusive days into a half-open range of instants", () => {
    expect(instantRange({ from: "2026-01-01", to: "2026-01-31" })).toEqual({
      gte: at("2026-01-01T00:00:00Z"),
      lt: at("2026-02-01T00:00:00Z"),
    });
    expect(instantRange({ from: "2026-12-31", to: "2026-12-31" })).toEqual({
      gte: at("2026-12-31T00:00:00Z"),
      lt: at("2027-01-01T00:00:00Z"),
    });
    expect(instantRange({ to: "2028-02-28" })).toEqual({ lt: at("2028-02-29T00:00:00Z") });
    expect(instantRange({ from: "2028-02-29" })).toEqual({ gte: at("2028-02-29T00:00:00Z") });
    expect(instantRange({})).toEqual({});
    expect(instantRange({ from: "2026-03-29", to: "2026-03-29" }, BERLIN)).toEqual({
      gte: at("2026-03-28T23:00:00Z"),
      lt: at("2026-03-29T22:00:00Z"),
    });
  });

  it("refuses days that are not real and unknown zones", () => {
    for (const day of ["2026-02-30", "2026-13-01", "yesterday", ""]) {
      expect(() => dayStart(day), day).toThrow(RangeError);
      expect(() => middayOf(day), day).toThrow(RangeError);
    }
    expect(() => instantRange({ from: "2026-02-30" })).toThrow(RangeError);
    expect(() => dayStart("2026-03-29", "Nowhere/Atlantis")).toThrow(RangeError);
  });
});

describe("days before and after an instant", () => {
  it("adds whole days of 24 hours in UTC", () => {
    expect(iso(daysAfter(at("2026-02-10T09:30:00Z"), 30))).toBe("2026-03-12T09:30:00.000Z");
    expect(iso(daysAfter(at("2028-02-28T18:00:00Z"), 1))).toBe("2028-02-29T18:00:00.000Z");
    expect(iso(daysBefore(at("2026-03-01T00:00:00Z"), 90))).toBe("2025-12-01T00:00:00.000Z");
    expect(iso(daysBefore(Date.parse("2027-01-01T00:00:00Z"), 1))).toBe("2026-12-31T00:00:00.000Z");
    expect(iso(daysAfter(at("2026-11-22T23:59:59.999Z"), 0))).toBe("2026-11-22T23:59:59.999Z");
  });

  it("keeps the wall-clock time in a zone across DST", () => {
    expect(iso(daysAfter(at("2026-03-28T12:00:00Z"), 1, BERLIN))).toBe("2026-03-29T11:00:00.000Z"); // 13:00 both days
    expect(iso(daysAfter(at("2026-10-24T12:00:00Z"), 1, BERLIN))).toBe("2026-10-25T13:00:00.000Z"); // 14:00 both days
    expect(iso(daysBefore(at("2026-10-26T11:00:00Z"), 2, BERLIN))).toBe("2026-10-24T10:00:00.000Z");
  });

  it("returns plain Dates and refuses fractions and invalid instants", () => {
    expect(daysAfter(at("2026-03-28T12:00:00Z"), 1, BERLIN).constructor).toBe(Date);
    expect(() => daysAfter(at("2026-03-28T12:00:00Z"), 1.5)).toThrow(RangeError);
    expect(() => daysBefore(at("2026-03-28T12:00:00Z"), Number.NaN)).toThrow(RangeError);
    expect(() => daysAfter(new Date("nope"), 1)).toThrow(RangeError);
  });
});

describe("date-only values", () => {
  it("stands for a day as its UTC midnight, and reads it back", () => {
    expect(iso(dateOnly("2028-02-29"))).toBe("2028-02-29T00:00:00.000Z");
    expect(dateOnly("2026-01-01").constructor).toBe(Date);
    expect(fromDateOnly(at("2026-12-31T00:00:00Z"))).toBe("2026-12-31");
    expect(fromDateOnly(dateOnly("0050-06-15"))).toBe("0050-06-15");
  });

  it("refuses what is not a day", () => {
    expect(() => dateOnly("2026-02-29")).toThrow(RangeError);
    expect(() => fromDateOnly(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("arithmetic on days", () => {
  it("adds days across month and year ends and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-02-29", 1)).toBe("2028-03-01");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30"); // a DST weekend is still two days
    expect(addDays("2026-11-22", 0)).toBe("2026-11-22");
    expect(addDays("2026-03-10", -364)).toBe("2025-03-11");
  });

  it("counts days between two days", () => {
    expect(daysBetween("2026-11-22", "2026-11-22")).toBe(0);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2028-02-01", "2028-03-01")).toBe(29);
    expect(daysBetween("2027-02-01", "2027-03-01")).toBe(28);
    expect(daysBetween("2026-10-25", "2026-10-24")).toBe(-1);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it("numbers days from 1970-01-01", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber("2026-01-01")).toBe(20454); // 56 × 365 + 14 leap days
    expect(dayNumber("2028-03-01") - dayNumber("2028-02-28")).toBe(2);
  });

  it("knows weekends", () => {
    expect(isWeekend("2026-11-21")).toBe(true); // Saturday
    expect(isWeekend("2026-11-22")).toBe(true); // Sunday
    expect(isWeekend("2026-11-23")).toBe(false); // Monday
    expect(isWeekend("2026-11-20")).toBe(false); // Friday
    expect(isWeekend("2028-02-29")).toBe(false); // Tuesday
  });

  it("refuses days that are not real and fractional counts", () => {
    expect(() => addDays("2026-02-29", 1)).toThrow(RangeError);
    expect(() => addDays("2026-11-22", 0.5)).toThrow(RangeError);
    expect(() => daysBetween("2026-11-22", "2026-11-31")).toThrow(RangeError);
    expect(() => dayNumber("2026-02-30")).toThrow(RangeError);
    expect(() => isWeekend("Saturday")).toThrow(RangeError);
  });
});

describe("weeks", () => {
  it("start on Monday", () => {
    expect(weekStart("2026-11-16")).toBe("2026-11-16"); // Monday
    expect(weekStart("2026-11-22")).toBe("2026-11-16"); // Sunday
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
    expect(weekStart("2027-01-01")).toBe("2026-12-28"); // across the year end
    expect(weekStart("2028-03-01")).toBe("2028-02-28"); // across the leap day
    expect(weekStart("2026-03-29")).toBe("2026-03-23"); // Berlin's DST Sunday: still a calendar day
  });

  it("lists the last weeks' Mondays, oldest first, ending with the current week", () => {
    expect(weekStarts("2026-11-22", 3)).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
    expect(weekStarts("2026-11-23", 1)).toEqual(["2026-11-23"]);
    const half = weekStarts("2026-11-22", 26);
    expect(half).toHaveLength(26);
    expect(half[0]).toBe("2026-05-25");
    expect(weekStarts("2027-01-03", 2)).toEqual(["2026-12-21", "2026-12-28"]);
    expect(weekStarts("2026-11-22", 0)).toEqual([]);
  });

  it("counts the weeks a period touches", () => {
    expect(weeksIn({ from: "2026-11-16", to: "2026-11-22" })).toBe(1); // Monday to Sunday
    expect(weeksIn({ from: "2026-11-22", to: "2026-11-23" })).toBe(2); // Sunday to Monday
    expect(weeksIn({ from: "2026-10-01", to: "2026-10-28" })).toBe(5);
    expect(weeksIn({ from: "2026-12-31", to: "2026-12-31" })).toBe(1);
  });

  it("refuses negative or fractional counts and reversed periods", () => {
    expect(() => weekStarts("2026-11-22", -1)).toThrow(RangeError);
    expect(() => weekStarts("2026-11-22", 1.5)).toThrow(RangeError);
    expect(() => weekStart("2026-11-31")).toThrow(RangeError);
    expect(() => weeksIn({ from: "2026-11-23", to: "2026-11-22" })).toThrow(RangeError);
  });
});

describe("periods", () => {
  it("measures a period, ends included", () => {
    expect(periodLength({ from: "2026-11-22", to: "2026-11-22" })).toBe(1);
    expect(periodLength({ from: "2028-02-01", to: "2028-02-29" })).toBe(29);
    expect(periodLength({ from: "2026-12-01", to: "2027-01-31" })).toBe(62);
  });

  it("takes the last N days ending with a day", () => {
    expect(lastDays("2026-11-22", 28)).toEqual({ from: "2026-10-26", to: "2026-11-22" });
    expect(lastDays("2026-03-10", 14)).toEqual({ from: "2026-02-25", to: "2026-03-10" });
    expect(lastDays("2028-03-01", 2)).toEqual({ from: "2028-02-29", to: "2028-03-01" });
    expect(lastDays("2027-01-01", 1)).toEqual({ from: "2027-01-01", to: "2027-01-01" });
  });

  it("takes the last N weeks: whole weeks from a Monday up to the day", () => {
    expect(lastWeeks("2026-10-28", 4)).toEqual({ from: "2026-10-05", to: "2026-10-28" });
    expect(lastWeeks("2026-11-23", 1)).toEqual({ from: "2026-11-23", to: "2026-11-23" }); // Monday
    expect(lastWeeks("2026-11-22", 1)).toEqual({ from: "2026-11-16", to: "2026-11-22" }); // Sunday
    expect(lastWeeks("2027-01-03", 2)).toEqual({ from: "2026-12-21", to: "2027-01-03" });
  });

  it("puts the same number of days just before a period", () => {
    expect(periodBefore({ from: "2026-03-01", to: "2026-03-10" })).toEqual({ from: "2026-02-19", to: "2026-02-28" });
    expect(periodBefore({ from: "2024-03-01", to: "2024-03-03" })).toEqual({ from: "2024-02-27", to: "2024-02-29" });
    expect(periodBefore({ from: "2027-01-01", to: "2027-01-01" })).toEqual({ from: "2026-12-31", to: "2026-12-31" });
  });

  it("refuses reversed periods and counts below one", () => {
    expect(() => periodLength({ from: "2026-11-23", to: "2026-11-22" })).toThrow(RangeError);
    expect(() => periodBefore({ from: "2026-11-23", to: "2026-11-22" })).toThrow(RangeError);
    expect(() => lastDays("2026-11-22", 0)).toThrow(RangeError);
    expect(() => lastWeeks("2026-11-22", 0)).toThrow(RangeError);
    expect(() => lastDays("2026-02-30", 7)).toThrow(RangeError);
  });
});

describe("months", () => {
  it("finds a day's month and moves months across year ends", () => {
    expect(monthOf("2026-12-31")).toBe("2026-12");
    expect(monthOf("2028-02-29")).toBe("2028-02");
    expect(addMonths("2026-11", -11)).toBe("2025-12");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -12)).toBe("2025-01");
    expect(addMonths("2026-05", 0)).toBe("2026-05");
  });

  it("knows each month's last day", () => {
    expect(lastDayOf("2026-01")).toBe("2026-01-31");
    expect(lastDayOf("2026-02")).toBe("2026-02-28");
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
    expect(lastDayOf("2100-02")).toBe("2100-02-28");
    expect(lastDayOf("2000-02")).toBe("2000-02-29");
    expect(lastDayOf("2026-04")).toBe("2026-04-30");
    expect(lastDayOf("2026-12")).toBe("2026-12-31");
  });

  it("refuses what is not a month", () => {
    expect(() => addMonths("2026-13", 1)).toThrow(RangeError);
    expect(() => lastDayOf("2026-00")).toThrow(RangeError);
    expect(() => addMonths("2026-11", 0.5)).toThrow(RangeError);
    expect(() => monthOf("2026-02-30")).toThrow(RangeError);
  });
});

describe("display", () => {
  it("writes days and months as the interface shows them", () => {
    expect(formatDay("2026-11-20")).toBe("20 Nov 2026");
    expect(formatDay("2028-02-29")).toBe("29 Feb 2028");
    expect(formatShortDay("2026-11-16")).toBe("16 Nov");
    expect(formatMonth("2026-11")).toBe("Nov 2026");
    expect(() => formatDay("2026-02-30")).toThrow(RangeError);
    expect(() => formatMonth("2026-13")).toThrow(RangeError);
  });
});

describe("chart labels (issue 14)", () => {
  it("leaves the year off the ticks while the range stays in one year", () => {
    const label = chartDayLabel(["2026-06-22", "2026-09-14", "2026-11-16"]);
    expect(label("2026-11-16")).toBe("16 Nov");
    expect(label("2026-06-22")).toBe("22 Jun");
  });

  it("gives every tick its year once the range crosses one", () => {
    const label = chartDayLabel(["2026-12-21", "2026-12-28", "2027-01-04"]);
    expect(label("2026-12-28")).toBe("28 Dec 2026");
    expect(label("2027-01-04")).toBe("4 Jan 2027");
  });

  it("states a chart's range with both years, whatever order the days come in", () => {
    expect(formatDayRange(["2026-11-16", "2026-06-22", "2026-09-14"])).toBe("22 Jun 2026 – 16 Nov 2026");
    expect(formatDayRange(["2026-12-28", "2027-01-04"])).toBe("28 Dec 2026 – 4 Jan 2027");
    expect(formatDayRange(["2026-11-23"])).toBe("23 Nov 2026");
    expect(formatDayRange([])).toBe("");
  });
});

describe("the machine's own time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("changes nothing", () => {
    const answers = () => [
      dayOf(at("2026-11-22T23:59:59.999Z")),
      dayOf(at("2026-03-28T23:00:00Z"), BERLIN),
      iso(dayStart("2026-10-25", BERLIN)),
      iso(dateOnly("2028-02-29")),
      iso(daysAfter(at("2026-03-28T12:00:00Z"), 1)),
      iso(middayOf("2026-03-29")),
      addDays("2026-03-28", 1),
      weekStart("2026-11-22"),
      lastDayOf("2028-02"),
      isWeekend("2026-11-22"),
      formatDay("2026-11-20"),
    ];
    process.env.TZ = "UTC";
    const utc = answers();
    for (const zone of ["America/Los_Angeles", "Pacific/Kiritimati", "Europe/Berlin", "Asia/Kolkata"]) {
      process.env.TZ = zone;
      expect(new Date(2026, 0, 1).getTimezoneOffset(), zone).not.toBe(0); // the process really is elsewhere
      expect(answers(), zone).toEqual(utc);
    }
  });
});

describe("an instant shown to a viewer", () => {
  it("is written in the viewer's zone with its offset named, across summer time", () => {
    expect(formatInstant("2026-12-01T08:41:07.000Z", "Europe/Paris")).toBe("1 Dec 2026, 09:41:07 GMT+1");
    expect(formatInstant("2026-07-01T08:41:07.000Z", "Europe/Paris")).toBe("1 Jul 2026, 10:41:07 GMT+2");
    expect(formatInstant("2026-12-01T08:41:07.000Z", "Asia/Kolkata")).toBe("1 Dec 2026, 14:11:07 GMT+5:30");
    // Across midnight: the viewer's day, not UTC's.
    expect(formatInstant("2026-12-01T02:00:00.000Z", "America/New_York")).toBe("30 Nov 2026, 21:00:00 GMT-5");
  });
  it("falls back to UTC for no zone or one the runtime does not know", () => {
    expect(formatInstant("2026-12-01T08:41:07.000Z")).toBe("1 Dec 2026, 08:41:07 GMT+0");
    expect(formatInstant("2026-12-01T08:41:07.000Z", "Mars/Olympus")).toBe("1 Dec 2026, 08:41:07 GMT+0");
  });
});

// Issue 17: organisations choose their zone and the day their weeks start (docs/decisions/021).
describe("weeks from the organisation's week start", () => {
  it("start on Sunday or Saturday when the organisation says so (ISO weekday 7, 6)", () => {
    // Sunday 22 November 2026 starts its own Sunday week; Saturday 21 November the one before.
    expect(weekStart("2026-11-22", 7)).toBe("2026-11-22");
    expect(weekStart("2026-11-21", 7)).toBe("2026-11-15");
    expect(weekStart("2026-11-23", 7)).toBe("2026-11-22");
    expect(weekStart("2026-11-21", 6)).toBe("2026-11-21");
    expect(weekStart("2026-11-20", 6)).toBe("2026-11-14");
    expect(weekStart("2027-01-01", 7)).toBe("2026-12-27"); // across the year end
    expect(weekStart("2026-11-22", 1)).toBe(weekStart("2026-11-22")); // Monday stays the default
  });

  it("list, count and span weeks from that day", () => {
    expect(weekStarts("2026-11-22", 3, 7)).toEqual(["2026-11-08", "2026-11-15", "2026-11-22"]);
    expect(weeksIn({ from: "2026-11-22", to: "2026-11-23" }, 7)).toBe(1); // Sunday to Monday: one Sunday week
    expect(weeksIn({ from: "2026-11-21", to: "2026-11-22" }, 7)).toBe(2);
    expect(lastWeeks("2026-11-25", 2, 7)).toEqual({ from: "2026-11-15", to: "2026-11-25" });
    expect(lastWeeks("2026-11-25", 2, 6)).toEqual({ from: "2026-11-14", to: "2026-11-25" });
  });

  it("refuses a weekday outside 1–7", () => {
    expect(isWeekStartsOn(7)).toBe(true);
    expect(isWeekStartsOn(0)).toBe(false);
    expect(isWeekStartsOn(8)).toBe(false);
    expect(isWeekStartsOn(1.5)).toBe(false);
    expect(() => weekStart("2026-11-22", 0 as never)).toThrow(RangeError);
    expect(() => weekStart("2026-11-22", 8 as never)).toThrow(RangeError);
  });
});

describe("days across DST changes in far-from-UTC zones", () => {
  const NZ = "Pacific/Auckland";
  const LA = "America/Los_Angeles";
  const LONDON = "Europe/London";

  it("puts a late-evening moment on its local day, not the UTC one", () => {
    // Sunday 25 October 2026, 22:30 in Los Angeles (PDT, UTC−7) is Monday 05:30 UTC.
    expect(dayOf(at("2026-10-26T05:30:00Z"), LA)).toBe("2026-10-25");
    expect(dayOf(at("2026-10-26T05:30:00Z"))).toBe("2026-10-26");
    // Monday 26 October, 08:00 in Auckland (NZDT, UTC+13) is Sunday 19:00 UTC.
    expect(dayOf(at("2026-10-25T19:00:00Z"), NZ)).toBe("2026-10-26");
    expect(weekStart(dayOf(at("2026-10-25T19:00:00Z"), NZ))).toBe("2026-10-26");
  });

  it("finds Auckland's days around its DST changes (5 April 2026 back to +12, 27 September forward to +13)", () => {
    expect(iso(dayStart("2026-04-05", NZ))).toBe("2026-04-04T11:00:00.000Z"); // midnight still NZDT (+13)
    expect(iso(dayStart("2026-04-06", NZ))).toBe("2026-04-05T12:00:00.000Z"); // now NZST (+12): a 25-hour day
    expect(iso(middayOf("2026-04-05", NZ))).toBe("2026-04-05T00:00:00.000Z");
    expect(iso(dayStart("2026-09-27", NZ))).toBe("2026-09-26T12:00:00.000Z");
    expect(iso(dayStart("2026-09-28", NZ))).toBe("2026-09-27T11:00:00.000Z"); // a 23-hour day
    expect(iso(middayOf("2026-09-27", NZ))).toBe("2026-09-26T23:00:00.000Z");
    expect(instantRange({ from: "2026-09-27", to: "2026-09-27" }, NZ)).toEqual({
      gte: at("2026-09-26T12:00:00Z"),
      lt: at("2026-09-27T11:00:00Z"),
    });
  });

  it("finds Los Angeles' days around its DST changes (8 March 2026 forward, 1 November back)", () => {
    expect(iso(dayStart("2026-03-08", LA))).toBe("2026-03-08T08:00:00.000Z");
    expect(iso(dayStart("2026-03-09", LA))).toBe("2026-03-09T07:00:00.000Z"); // 23 hours
    expect(iso(dayStart("2026-11-02", LA))).toBe("2026-11-02T08:00:00.000Z"); // 1 November had 25
    expect(iso(middayOf("2026-11-01", LA))).toBe("2026-11-01T20:00:00.000Z");
    // 23:30 on 1 November (PST) is still that day, 07:30 UTC on the 2nd.
    expect(dayOf(at("2026-11-02T07:30:00Z"), LA)).toBe("2026-11-01");
  });

  it("keeps midday of every day in a year on that day in each zone (the anchor of day-only observations)", () => {
    for (const zone of [NZ, LA, LONDON, "Asia/Kolkata", "Pacific/Chatham", "UTC"]) {
      for (let d = "2026-01-01"; d <= "2026-12-31"; d = addDays(d, 1)) {
        expect(dayOf(middayOf(d, zone), zone), `${zone} ${d}`).toBe(d);
      }
    }
  });

  it("gives London's last Sunday of March 23 hours and keeps weeks whole across it", () => {
    expect(dayStart("2026-03-30", LONDON).getTime() - dayStart("2026-03-29", LONDON).getTime()).toBe(23 * HOUR);
    expect(weekStarts("2026-04-01", 2)).toEqual(["2026-03-23", "2026-03-30"]);
    expect(dayOf(at("2026-03-29T23:30:00Z"), LONDON)).toBe("2026-03-30"); // 00:30 BST on Monday
  });
});

describe("the zone a person reads times in", () => {
  it("is their own when set and known, else the organisation's, else UTC", () => {
    expect(displayZoneOf("Asia/Tokyo", "Europe/Berlin")).toBe("Asia/Tokyo");
    expect(displayZoneOf(null, "Europe/Berlin")).toBe("Europe/Berlin");
    expect(displayZoneOf("Nowhere/Land", "Europe/Berlin")).toBe("Europe/Berlin");
    expect(displayZoneOf(null, "Nowhere/Land")).toBe("UTC");
  });

  it("formats an instant in the zone it is given, never the machine's", () => {
    const t = "2026-10-25T19:00:00Z";
    expect(formatAt(t, "Pacific/Auckland")).toBe("26 Oct 2026");
    expect(formatAt(t, "UTC")).toBe("25 Oct 2026");
    expect(formatAt(t, "Pacific/Auckland", "dateTime")).toBe("26 Oct 2026, 08:00");
    expect(formatAt(t, "America/Los_Angeles", "weekdayTime")).toBe("Sun 12:00");
    expect(formatAt(t, "Nowhere/Land", "shortDay")).toBe("25 Oct");
    expect(formatAt(t, "Pacific/Auckland", "time")).toBe("08:00");
  });

  it("gives the wall-clock time of an instant in a zone, to the second, 24-hour", () => {
    // 22:30 UTC on 1 March is 11:30 on 2 March in Auckland (NZDT, +13) and 14:30 in Los Angeles (PST, −8).
    const t = new Date("2026-03-01T22:30:05.250Z");
    expect([dayOf(t, "Pacific/Auckland"), timeOf(t, "Pacific/Auckland")]).toEqual(["2026-03-02", "11:30:05"]);
    expect([dayOf(t, "America/Los_Angeles"), timeOf(t, "America/Los_Angeles")]).toEqual(["2026-03-01", "14:30:05"]);
    expect(timeOf(t)).toBe("22:30:05");
    expect(timeOf(new Date("2026-03-01T00:00:00Z"), "UTC")).toBe("00:00:00");
    expect(() => timeOf(new Date("nonsense"), "UTC")).toThrow(RangeError);
  });

  it("shows a span within one local day once, and both days across local midnight", () => {
    const zone = "Pacific/Auckland";
    expect(formatSpan("2026-03-01T22:30:00Z", "2026-03-01T22:41:00Z", zone)).toBe("2 Mar, 11:30–11:41");
    // Both in 1 March UTC, but either side of midnight in Auckland.
    expect(formatSpan("2026-03-01T10:58:00Z", "2026-03-01T11:03:00Z", zone)).toBe("1 Mar, 23:58 – 2 Mar, 00:03");
    expect(formatSpan("2026-03-01T10:58:00Z", "2026-03-01T11:03:00Z", "UTC")).toBe("1 Mar, 10:58–11:03");
    expect(formatSpan("2026-03-01T10:58:00Z", "2026-03-01T11:03:00Z", "Nowhere/Land")).toBe("1 Mar, 10:58–11:03");
  });
});
