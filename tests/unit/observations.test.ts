import { describe, expect, it } from "vitest";
import { dayOf, weekStart } from "@/lib/domain/dates";
import {
  adoptionTrend,
  CLOCK_SKEW_MS,
  OFFLINE_MAX_AGE_MS,
  tappedAtProblem,
  weeklyAdoption,
  type WeekPoint,
} from "@/lib/domain/observations";

describe("weekly adoption", () => {
  const now = new Date("2026-11-22T15:00:00Z"); // a Sunday: its week starts Monday 16 Nov

  it("buckets days into ISO weeks ending with the current one", () => {
    expect(weekStart(dayOf(now))).toBe("2026-11-16");
    const points = weeklyAdoption(
      [
        { day: "2026-11-16", performed: 3, missed: 1 },
        { day: "2026-11-22", performed: 2, missed: 0 },
        { day: "2026-11-15", performed: 1, missed: 1 }, // previous week (Sunday)
        { day: "2026-05-01", performed: 9, missed: 9 }, // older than 26 weeks: ignored
        { day: "2026-11-23", performed: 9, missed: 9 }, // future: ignored
      ],
      now,
    );
    expect(points).toHaveLength(26);
    expect(points[0]!.weekStart).toBe("2026-05-25");
    expect(points.at(-1)).toEqual({ weekStart: "2026-11-16", performed: 5, opportunities: 6, rate: 5 / 6 });
    expect(points.at(-2)).toEqual({ weekStart: "2026-11-09", performed: 1, opportunities: 2, rate: null });
    expect(points.slice(0, -2).every((p) => p.opportunities === 0 && p.rate === null)).toBe(true);
  });
});

describe("adoption trend", () => {
  const week = (rate: number | null, i: number): WeekPoint => ({
    weekStart: `w${i}`,
    performed: 0,
    opportunities: rate === null ? 0 : 10,
    rate,
  });
  it("fits a line through the weeks with enough data (x = 0,1,3,4; y = .50,.55,.60,.65: slope .35/10)", () => {
    expect(adoptionTrend([0.5, 0.55, null, 0.6, 0.65].map(week))).toEqual({
      trend: "rising",
      perWeek: expect.closeTo(0.035, 6),
    });
    expect(adoptionTrend([0.7, 0.6, 0.5, 0.4].map(week)).trend).toBe("falling");
    expect(adoptionTrend([0.5, 0.502, 0.498, 0.5].map(week)).trend).toBe("flat");
  });
  it("says unknown with fewer than four weeks of data", () => {
    expect(adoptionTrend([0.5, null, 0.7, null, 0.9].map(week))).toEqual({ trend: "unknown", perWeek: null });
  });
});

describe("a tap sent later (offline)", () => {
  const now = new Date("2026-11-20T10:00:00Z");
  const at = (ms: number) => new Date(now.getTime() + ms);
  it("is accepted from 7 days before to 5 minutes after the server's now, edges included", () => {
    expect(tappedAtProblem(now, now)).toBeNull();
    expect(tappedAtProblem(at(-OFFLINE_MAX_AGE_MS), now)).toBeNull();
    expect(tappedAtProblem(at(CLOCK_SKEW_MS), now)).toBeNull();
  });
  it("is refused with a reason just outside either edge", () => {
    expect(tappedAtProblem(at(-OFFLINE_MAX_AGE_MS - 1), now)).toMatch(/more than 7 days ago/);
    expect(tappedAtProblem(at(CLOCK_SKEW_MS + 1), now)).toMatch(/in the future/);
  });
});
