import { describe, expect, it } from "vitest";
import {
  RITUAL_KIND_SPECS,
  RITUAL_KINDS,
  agendaPeriodStart,
  describeSchedule,
  isoWeekday,
  meetingsBetween,
  meetsOn,
  nextMeetingOn,
  type Schedule,
} from "@/lib/domain/rituals";

const weekly: Schedule = { cadence: "WEEKLY", weekday: 1, weekOfMonth: null, startsOn: "2026-11-04" };
const fortnightly: Schedule = { cadence: "FORTNIGHTLY", weekday: 5, weekOfMonth: null, startsOn: "2026-11-06" };

describe("ritual schedules", () => {
  it("numbers weekdays from Monday", () => {
    expect(isoWeekday("2026-11-30")).toBe(1); // a Monday
    expect(isoWeekday("2026-12-06")).toBe(7); // a Sunday
  });

  it("meets weekly on its weekday from its first day on", () => {
    expect(nextMeetingOn(weekly, "2026-10-01")).toBe("2026-11-09"); // not before it starts
    expect(nextMeetingOn(weekly, "2026-11-09")).toBe("2026-11-09");
    expect(nextMeetingOn(weekly, "2026-11-10")).toBe("2026-11-16");
    expect(meetsOn(weekly, "2026-11-23")).toBe(true);
    expect(meetsOn(weekly, "2026-11-24")).toBe(false);
  });

  it("meets fortnightly counting from the first meeting, not from the calendar week", () => {
    expect(meetingsBetween(fortnightly, "2026-11-01", "2026-12-31")).toEqual([
      "2026-11-06",
      "2026-11-20",
      "2026-12-04",
      "2026-12-18",
    ]);
    expect(meetsOn(fortnightly, "2026-11-13")).toBe(false);
  });

  it("meets monthly on the n-th or the last weekday of the month", () => {
    const second: Schedule = { cadence: "MONTHLY", weekday: 2, weekOfMonth: 2, startsOn: "2026-01-01" };
    expect(meetingsBetween(second, "2026-11-01", "2027-01-31")).toEqual(["2026-11-10", "2026-12-08", "2027-01-12"]);
    const last: Schedule = { cadence: "MONTHLY", weekday: 5, weekOfMonth: 5, startsOn: "2026-01-01" };
    expect(meetingsBetween(last, "2026-11-01", "2027-02-28")).toEqual([
      "2026-11-27",
      "2026-12-25",
      "2027-01-29",
      "2027-02-26",
    ]);
    expect(nextMeetingOn(last, "2026-11-28")).toBe("2026-12-25");
  });

  it("leaves ad hoc rituals to people: no next date, any day will do", () => {
    const adHoc: Schedule = { cadence: "AD_HOC", weekday: null, weekOfMonth: null, startsOn: "2026-11-01" };
    expect(nextMeetingOn(adHoc, "2026-11-02")).toBeNull();
    expect(meetsOn(adHoc, "2026-11-03")).toBe(true);
    expect(meetingsBetween(adHoc, "2026-11-01", "2026-12-01")).toEqual([]);
  });

  it("says the schedule in words", () => {
    expect(describeSchedule(fortnightly, "15:00")).toBe("Fortnightly on Friday at 15:00");
    expect(describeSchedule({ ...fortnightly, cadence: "MONTHLY", weekOfMonth: 5 })).toBe("Monthly on the last Friday");
    expect(describeSchedule({ ...weekly, cadence: "AD_HOC", weekday: null })).toBe("Ad hoc");
  });

  it("covers what changed since the previous meeting, or one cadence before the first", () => {
    expect(agendaPeriodStart("FORTNIGHTLY", "2026-11-20", "2026-11-06")).toBe("2026-11-07");
    expect(agendaPeriodStart("FORTNIGHTLY", "2026-11-06", null)).toBe("2026-10-23");
    expect(agendaPeriodStart("MONTHLY", "2026-11-27", null)).toBe("2026-10-30");
    expect(agendaPeriodStart("WEEKLY", "2026-11-09", "2026-11-09")).toBe("2026-11-02");
  });
});

describe("ritual kinds", () => {
  it("starts every agenda with what was left open, except the check-in that opens with a customer story", () => {
    for (const kind of RITUAL_KINDS) {
      const sections = RITUAL_KIND_SPECS[kind].agenda.map((i) => i.section);
      if (kind === "LEADERSHIP_CHECK_IN") expect(sections.slice(0, 2)).toEqual(["CUSTOMER_STORY", "CARRIED_ACTIONS"]);
      else expect(sections[0]).toBe("CARRIED_ACTIONS");
    }
  });

  it("asks the retrospective's two questions in the method's words", () => {
    expect(RITUAL_KIND_SPECS.RETROSPECTIVE.agenda.flatMap((i) => (i.prompt ? [i.prompt] : []))).toEqual([
      "Which recent deliverables had the most positive impact on customers?",
      "Where did we miss an opportunity to address a customer pain point?",
    ]);
  });
});
