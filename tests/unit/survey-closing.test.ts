import { describe, expect, it } from "vitest";
import {
  closesAt,
  closingDayProblem,
  closingLabel,
  isSurveyClosed,
  reminderAt,
  reminderDay,
  remindsOn,
  stillToAnswer,
} from "@/lib/domain/survey-closing";
import { dayOf } from "@/lib/domain/dates";
import { renderText, surveyClosingSummary, surveyReminder } from "@/lib/domain/reminders";

const open = (closesOn: string | null) => ({ status: "OPEN" as const, closesOn });

describe("a survey's closing day", () => {
  it("is closed by hand, or once its closing day is over in the organisation's zone", () => {
    expect(isSurveyClosed(open(null), "2030-01-01")).toBe(false);
    expect(isSurveyClosed(open("2026-03-30"), "2026-03-30")).toBe(false); // the whole closing day takes responses
    expect(isSurveyClosed(open("2026-03-30"), "2026-03-31")).toBe(true);
    expect(isSurveyClosed({ status: "CLOSED", closesOn: "2026-04-30" }, "2026-03-01")).toBe(true);
  });

  it("closes at the local midnight after its day, 23 or 24 hours after that day's start across a DST change", () => {
    // Europe/London moves to BST on Sunday 2026-03-29 at 01:00 UTC.
    expect(closesAt("2026-03-28", "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(closesAt("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T23:00:00.000Z");
    // The organisation's day decides, not UTC's: at 23:30 UTC on the 29th it is already the 30th in London.
    expect(isSurveyClosed(open("2026-03-29"), dayOf(new Date("2026-03-29T22:59:59Z"), "Europe/London"))).toBe(false);
    expect(isSurveyClosed(open("2026-03-29"), dayOf(new Date("2026-03-29T23:30:00Z"), "Europe/London"))).toBe(true);
    // Far from UTC: Auckland's day ends 13 hours before UTC's (NZDT in March).
    expect(closesAt("2026-03-10", "Pacific/Auckland").toISOString()).toBe("2026-03-10T11:00:00.000Z");
  });

  it("is reminded the day before at 09:00 local, on the right instant in the week the clocks change", () => {
    expect(reminderDay("2026-03-30")).toBe("2026-03-29");
    // Closing on Monday 30 March: the reminder is on the Sunday of the change, 09:00 BST = 08:00 UTC.
    expect(reminderAt("2026-03-30", "Europe/London").toISOString()).toBe("2026-03-29T08:00:00.000Z");
    // Closing on the Sunday itself: the reminder is on Saturday, still GMT.
    expect(reminderAt("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(reminderDay("2026-03-01")).toBe("2026-02-28");
    expect(remindsOn(open("2026-03-30"), "2026-03-29")).toBe(true);
    expect(remindsOn(open("2026-03-30"), "2026-03-30")).toBe(false);
    expect(remindsOn(open(null), "2026-03-29")).toBe(false);
    expect(remindsOn({ status: "CLOSED", closesOn: "2026-03-30" }, "2026-03-29")).toBe(false);
  });

  it("refuses a closing day in the past of the organisation's day, and accepts today or none", () => {
    expect(closingDayProblem("2026-03-28", "2026-03-29")).toBe("The closing day cannot be in the past.");
    expect(closingDayProblem("2026-03-29", "2026-03-29")).toBeNull();
    expect(closingDayProblem(null, "2026-03-29")).toBeNull();
  });

  it("shows open, the day it closes, and the day it closed", () => {
    expect(closingLabel(open(null), "2026-03-29")).toBe("Open");
    expect(closingLabel(open("2026-03-30"), "2026-03-29")).toBe("Open until 30 Mar 2026");
    expect(closingLabel(open("2026-03-28"), "2026-03-29")).toBe("Closed on 28 Mar 2026");
    expect(closingLabel({ status: "CLOSED", closesOn: "2026-03-30" }, "2026-03-29")).toBe("Closed");
  });
});

describe("who is reminded", () => {
  it("leaves out whoever answered, by the survey's fingerprint of them, each person once", () => {
    const keyOf = (m: string) => `k-${m}`;
    expect(stillToAnswer(["m3", "m1", "m2", "m1"], new Set(["k-m2", "k-other"]), keyOf)).toEqual(["m1", "m3"]);
    expect(stillToAnswer([], new Set(), keyOf)).toEqual([]);
  });

  it("says what closes when, with a link to answer; the author reads the counts so far", () => {
    const r = surveyReminder({ title: "Why root causes go unposted", closesOn: "2026-03-30", url: "https://x/s/1" });
    expect(r.subject).toBe("Closes tomorrow: Why root causes go unposted");
    expect(renderText(r)).toContain("tomorrow, 30 Mar 2026");
    expect(renderText(r)).toContain("Answer the survey: https://x/s/1");
    const a = surveyClosingSummary({
      title: "T",
      closesOn: "2026-03-30",
      responses: 5,
      doers: 1,
      nonDoers: 3,
      url: "https://x/s/1",
    });
    expect(a.subject).toBe("Closes tomorrow: T (5 responses)");
    expect(a.lines[0]).toBe(
      "Your survey “T” closes tomorrow, 30 Mar 2026: 5 responses, 1 doer and 3 non-doers so far.",
    );
  });
});
