import { describe, expect, it } from "vitest";
import {
  HIGH_VOLUME,
  NEAR_FULL_ADOPTION,
  formatAgainstTarget,
  formatParticipation,
  participation,
  participationWindow,
  spotCheckFlag,
  summariseParticipation,
  type ObserverDay,
} from "@/lib/domain/participation";

const day = (
  observerId: string | null,
  d: string,
  entries: number,
  performed: number,
  missed: number,
): ObserverDay => ({
  observerId,
  day: d,
  entries,
  performed,
  missed,
});

// Today is Wednesday 2 December 2026; weeks start on Monday. Every expected value below was worked
// out by hand from these rows (the window is 19 Nov – 2 Dec; the 8 weeks start 12 Oct … 30 Nov).
const ROWS = [
  day("m1", "2026-12-01", 1, 1, 0),
  day("m2", "2026-11-19", 2, 2, 0), // the window's first day: counted
  day("m3", "2026-11-18", 1, 0, 1), // the day before the window: not counted now
  day("gone", "2026-11-25", 3, 3, 0), // logged, but no longer a member of the team
  day(null, "2026-11-28", 4, 3, 1), // anonymous
  day(null, "2026-10-01", 5, 5, 0), // before the trend's first week
];
const MEMBERS = ["m1", "m2", "m3", "m4"];
const CAL = { timeZone: "UTC", weekStartsOn: 1 as const };

describe("participation", () => {
  it("is loggers over members, and unknown for a team with nobody", () => {
    expect(participation(4, 3)).toEqual({ members: 4, loggers: 3, rate: 0.75 });
    expect(participation(0, 0).rate).toBeNull();
    expect(() => participation(2, 3)).toThrow(RangeError);
  });

  it("covers 14 days, today included", () => {
    expect(participationWindow("2026-12-02")).toEqual({ from: "2026-11-19", to: "2026-12-02" });
  });

  it("counts members who logged in the last 14 days, and anonymous entries apart", () => {
    const s = summariseParticipation({ rows: ROWS, memberIds: MEMBERS, target: 5, today: "2026-12-02", calendar: CAL });
    expect(s.current).toEqual({ members: 4, loggers: 2, rate: 0.5 }); // m1 and m2
    expect(s.unattributedEntries).toBe(4);
    // m1 1/1, m2 2/2, gone 3/3, anonymous 3/4: 9 performed of 10.
    expect(s.observed).toEqual({ performed: 9, opportunities: 10 });
    expect(s.flag).toBeNull();
  });

  it("gives 8 weeks of observations against the target and participation at each week's end", () => {
    const s = summariseParticipation({ rows: ROWS, memberIds: MEMBERS, target: 5, today: "2026-12-02", calendar: CAL });
    expect(s.weeks.map((w) => w.weekStart)).toEqual([
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
    expect(s.weeks.at(-1)!.weekEnd).toBe("2026-12-02"); // the current week, so far
    expect(s.weeks.map((w) => w.observations)).toEqual([0, 0, 0, 0, 0, 3, 7, 1]);
    // Week of 16 Nov ends 22 Nov: window 9–22 Nov holds m2 and m3; week of 23 Nov (9…29 → 16–29 Nov) too.
    expect(s.weeks.map((w) => w.participation.loggers)).toEqual([0, 0, 0, 0, 0, 2, 2, 2]);
    expect(s.weeks.every((w) => w.target === 5)).toBe(true);
  });

  it("starts weeks on the organisation's week start", () => {
    const s = summariseParticipation({
      rows: ROWS,
      memberIds: MEMBERS,
      target: null,
      today: "2026-12-02",
      calendar: { timeZone: "UTC", weekStartsOn: 7 },
    });
    expect(s.weeks.at(-1)!.weekStart).toBe("2026-11-29");
    // Sunday 29 Nov – Wednesday 2 Dec: m1's one entry only.
    expect(s.weeks.at(-1)!.observations).toBe(1);
    // Week of 22 Nov – 28 Nov: gone 3 + anonymous 4.
    expect(s.weeks.at(-2)!.observations).toBe(7);
  });

  it("says it in words", () => {
    expect(formatParticipation(participation(10, 7))).toBe("7 of 10 members (70%)");
    expect(formatParticipation(participation(0, 0))).toBe("no active members yet");
    expect(formatAgainstTarget(12, 10)).toBe("12 of 10 (met)");
    expect(formatAgainstTarget(4, 10)).toBe("4 of 10");
    expect(formatAgainstTarget(4, null)).toBe("4 (no target)");
  });
});

describe("spot-check flag", () => {
  it("flags near-100% adoption on many observations, at the named thresholds", () => {
    expect(NEAR_FULL_ADOPTION).toBe(0.95);
    expect(HIGH_VOLUME).toBe(50);
    expect(spotCheckFlag({ performed: 48, opportunities: 50 })?.rate).toBe(0.96);
    expect(spotCheckFlag({ performed: 95, opportunities: 100 })).not.toBeNull(); // exactly 95%
    expect(spotCheckFlag({ performed: 47, opportunities: 50 })).toBeNull(); // 94%
    expect(spotCheckFlag({ performed: 49, opportunities: 49 })).toBeNull(); // too few to say
    expect(spotCheckFlag({ performed: 0, opportunities: 0 })).toBeNull();
  });

  it("gives its reason with the counts", () => {
    const f = spotCheckFlag({ performed: 58, opportunities: 60 })!;
    expect(f.reason).toContain("96.6% adoption (58 of 60) over the last 14 days");
    expect(f.reason).toContain("at least 95% on 50 or more observations");
  });

  it("is raised by the summary when the window holds enough", () => {
    const rows = [day("m1", "2026-12-01", 60, 59, 1)];
    const s = summariseParticipation({ rows, memberIds: ["m1"], target: 10, today: "2026-12-02", calendar: CAL });
    expect(s.flag?.opportunities).toBe(60);
    expect(s.current.rate).toBe(1);
  });
});
