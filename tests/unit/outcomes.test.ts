import { describe, expect, it } from "vitest";
import {
  customerFirst,
  auditShareByMonth,
  auditSummary,
  biggestRises,
  describeTargetRule,
  heatColour,
  isProtected,
  MIN_RATE_OPPORTUNITIES,
  targetStatus,
  weeklyMeans,
  type AuditMetric,
  type Reading,
  type TargetInput,
  type TargetType,
  type WeeklyValue,
  type WeekRateSeries,
} from "@/lib/domain/outcomes";
import { laggedCorrelations, MIN_CORRELATION_WEEKS, pearson, strongestLag } from "@/lib/domain/correlation";

const TODAY = "2026-06-01";
/** The day `n` days after TODAY (negative: before). */
const day = (n: number, from = TODAY) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Readings at the given day offsets from TODAY. */
const at = (pairs: [number, number][]): Reading[] => pairs.map(([d, value]) => ({ date: day(d), value }));
/** Three readings a week apart ending today: slope is exactly (c − a) / 2 per week. */
const weekly3 = (a: number, b: number, c: number) =>
  at([
    [-14, a],
    [-7, b],
    [0, c],
  ]);
const status = (
  targetType: TargetType | null,
  targetValue: number | null,
  readings: Reading[],
  targetDate: string | null = null,
) =>
  targetStatus({ targetType, targetValue, targetDate, direction: "UP", readings, today: TODAY } satisfies TargetInput);

describe("targetStatus: no target / no data / inputs", () => {
  it("is NO_TARGET without a type or a value, still reporting the latest reading", () => {
    const v = status(null, 50, weekly3(1, 2, 3));
    expect(v).toMatchObject({
      status: "NO_TARGET",
      rule: "No target set.",
      latest: { date: TODAY, value: 3 },
      trendPerWeek: 1,
      projected: null,
    });
    expect(status("AT_LEAST", null, weekly3(1, 2, 3)).status).toBe("NO_TARGET");
  });
  it("is NO_DATA without readings on or before today", () => {
    expect(status("AT_LEAST", 50, [])).toEqual({
      status: "NO_DATA",
      rule: describeTargetRule("AT_LEAST"),
      reason: "No reading yet.",
      latest: null,
      trendPerWeek: null,
      projected: null,
    });
    expect(status("AT_LEAST", 50, at([[1, 99]])).status).toBe("NO_DATA"); // tomorrow's reading does not count
  });
  it("explains each status with the metric's own figures", () => {
    expect(status("AT_LEAST", 50, at([[0, 40]])).reason).toBe("Latest 40 is below the target 50.");
    expect(status("AT_MOST", 50, at([[0, 52.345]])).reason).toBe("Latest 52.35 is above the target 50.");
    // 60 − 10×4 = 20: at risk within four weeks.
    expect(
      status(
        "AT_LEAST",
        50,
        at([
          [-14, 80],
          [-7, 70],
          [0, 60],
        ]),
      ).reason,
    ).toBe("Latest 60 meets the target 50, but the trend (−10 a week) reaches 20 within 4 weeks.");
    expect(status("INCREASE_TO", 50, at([[0, 55]])).reason).toBe("Latest 55 has reached the target 50.");
  });
  it("uses the latest reading on or before today and ignores later ones", () => {
    const v = status("AT_LEAST", 50, [
      ...at([
        [0, 40],
        [-7, 60],
      ]),
      ...at([[3, 90]]),
    ]);
    expect(v.latest).toEqual({ date: TODAY, value: 40 });
    expect(v.status).toBe("OFF_TRACK");
  });
  it("has no trend with fewer than 3 readings in the last 12 weeks, or all on one day", () => {
    // day −84 is outside the window (date > today − 84), leaving 2 readings.
    expect(
      status(
        "AT_LEAST",
        50,
        at([
          [-84, 1000],
          [-14, 60],
          [0, 60],
        ]),
      ).trendPerWeek,
    ).toBeNull();
    // day −83 is inside: x = −83, −14, 0; y = 0, 60, 60 → non-null (positive) slope.
    expect(
      status(
        "AT_LEAST",
        50,
        at([
          [-83, 0],
          [-14, 60],
          [0, 60],
        ]),
      ).trendPerWeek,
    ).toBeGreaterThan(0);
    expect(
      status(
        "AT_LEAST",
        50,
        at([
          [0, 60],
          [0, 70],
          [0, 80],
        ]),
      ).trendPerWeek,
    ).toBeNull();
  });
  it("computes the least-squares slope per week from days (x = −14,−7,0; y = 65,62.5,60 → −35/98 per day = −2.5 per week)", () => {
    expect(status("AT_LEAST", 50, weekly3(65, 62.5, 60)).trendPerWeek).toBe(-2.5);
    // Uneven spacing: x = −10,−4,0 days; y = 0,3,5; x̄ = −14/3, ȳ = 8/3; dx = −16/3, 2/3, 14/3; dy = −8/3, 1/3, 7/3;
    // Σdxdy = (128 + 2 + 98)/9 = 76/3; Σdx² = (256 + 4 + 196)/9 = 152/3; slope = 76/152 = 0.5 per day = 3.5 per week.
    expect(
      status(
        "AT_LEAST",
        50,
        at([
          [-10, 0],
          [-4, 3],
          [0, 5],
        ]),
      ).trendPerWeek,
    ).toBeCloseTo(3.5, 10);
  });
  it("rejects malformed dates", () => {
    expect(() =>
      targetStatus({
        targetType: "AT_LEAST",
        targetValue: 1,
        targetDate: null,
        direction: "UP",
        readings: [],
        today: "2026-02-30",
      }),
    ).toThrow(RangeError);
  });
});

describe("targetStatus: AT_LEAST 50", () => {
  it("is OFF_TRACK below the target", () =>
    expect(status("AT_LEAST", 50, weekly3(40, 45, 49.9))).toMatchObject({ status: "OFF_TRACK", projected: null }));
  it("is ON_TRACK exactly at the target with no trend", () =>
    expect(
      status(
        "AT_LEAST",
        50,
        at([
          [-7, 60],
          [0, 50],
        ]),
      ),
    ).toMatchObject({ status: "ON_TRACK", trendPerWeek: null, projected: null }));
  it("is AT_RISK when the 4-week projection falls below (60 − 10×4 = 20 < 50)", () =>
    expect(status("AT_LEAST", 50, weekly3(80, 70, 60))).toMatchObject({
      status: "AT_RISK",
      trendPerWeek: -10,
      projected: 20,
    }));
  it("is ON_TRACK when the projection lands exactly on the target (60 − 2.5×4 = 50)", () =>
    expect(status("AT_LEAST", 50, weekly3(65, 62.5, 60))).toMatchObject({ status: "ON_TRACK", projected: 50 }));
  it("is ON_TRACK with a rising trend (50 + 1×4 = 54)", () =>
    expect(status("AT_LEAST", 50, weekly3(48, 49, 50))).toMatchObject({ status: "ON_TRACK", projected: 54 }));
});

describe("targetStatus: AT_MOST 50", () => {
  it("is OFF_TRACK above the target", () =>
    expect(status("AT_MOST", 50, weekly3(60, 55, 50.1)).status).toBe("OFF_TRACK"));
  it("is ON_TRACK exactly at the target with no trend", () =>
    expect(status("AT_MOST", 50, at([[0, 50]])).status).toBe("ON_TRACK"));
  it("is AT_RISK when the 4-week projection rises above (40 + 5×4 = 60 > 50)", () =>
    expect(status("AT_MOST", 50, weekly3(30, 35, 40))).toMatchObject({
      status: "AT_RISK",
      trendPerWeek: 5,
      projected: 60,
    }));
  it("is ON_TRACK when the projection lands exactly on the target (42 + 2×4 = 50)", () =>
    expect(status("AT_MOST", 50, weekly3(38, 40, 42))).toMatchObject({ status: "ON_TRACK", projected: 50 }));
});

describe("targetStatus: INCREASE_TO 80", () => {
  const in4Weeks = day(28);
  it("is ON_TRACK once reached (exactly 80), even past the target date, without projecting", () =>
    expect(status("INCREASE_TO", 80, weekly3(90, 85, 80), day(-30))).toMatchObject({
      status: "ON_TRACK",
      projected: null,
    }));
  it("is OFF_TRACK below the target after the target date", () =>
    expect(status("INCREASE_TO", 80, weekly3(60, 65, 70), day(-1)).status).toBe("OFF_TRACK"));
  it("is OFF_TRACK without a trend (2 readings)", () =>
    expect(
      status(
        "INCREASE_TO",
        80,
        at([
          [-7, 60],
          [0, 70],
        ]),
        in4Weeks,
      ).status,
    ).toBe("OFF_TRACK"));
  it("is OFF_TRACK with a flat or falling trend", () => {
    expect(status("INCREASE_TO", 80, weekly3(70, 70, 70), in4Weeks)).toMatchObject({
      status: "OFF_TRACK",
      trendPerWeek: 0,
      projected: null,
    });
    expect(status("INCREASE_TO", 80, weekly3(72, 71, 70), in4Weeks).status).toBe("OFF_TRACK");
  });
  it("is ON_TRACK when projected exactly to the target by the date (70 + 2.5×4 = 80)", () =>
    expect(status("INCREASE_TO", 80, weekly3(65, 67.5, 70), in4Weeks)).toMatchObject({
      status: "ON_TRACK",
      projected: 80,
    }));
  it("is AT_RISK when projected short (70 + 2×4 = 78)", () =>
    expect(status("INCREASE_TO", 80, weekly3(66, 68, 70), in4Weeks)).toMatchObject({
      status: "AT_RISK",
      projected: 78,
    }));
  it("projects 12 weeks when there is no target date (70 + 1×12 = 82 on track; 70 + 0.5×12 = 76 at risk)", () => {
    expect(status("INCREASE_TO", 80, weekly3(68, 69, 70))).toMatchObject({ status: "ON_TRACK", projected: 82 });
    expect(status("INCREASE_TO", 80, weekly3(69, 69.5, 70))).toMatchObject({ status: "AT_RISK", projected: 76 });
  });
  it("is not yet past a target date of today (0 weeks left → projected = latest = 70 → AT_RISK)", () =>
    expect(status("INCREASE_TO", 80, weekly3(60, 65, 70), TODAY)).toMatchObject({ status: "AT_RISK", projected: 70 }));
});

describe("targetStatus: DECREASE_TO 20", () => {
  const in4Weeks = day(28);
  it("is ON_TRACK once reached (exactly 20)", () =>
    expect(status("DECREASE_TO", 20, weekly3(10, 15, 20), day(-30)).status).toBe("ON_TRACK"));
  it("is OFF_TRACK above the target after the target date", () =>
    expect(status("DECREASE_TO", 20, weekly3(40, 35, 30), day(-1)).status).toBe("OFF_TRACK"));
  it("is OFF_TRACK without a trend", () =>
    expect(status("DECREASE_TO", 20, at([[0, 30]]), in4Weeks).status).toBe("OFF_TRACK"));
  it("is OFF_TRACK with a flat or rising trend", () => {
    expect(status("DECREASE_TO", 20, weekly3(30, 30, 30), in4Weeks).status).toBe("OFF_TRACK");
    expect(status("DECREASE_TO", 20, weekly3(28, 29, 30), in4Weeks).status).toBe("OFF_TRACK");
  });
  it("is ON_TRACK when projected exactly to the target (30 − 2.5×4 = 20)", () =>
    expect(status("DECREASE_TO", 20, weekly3(35, 32.5, 30), in4Weeks)).toMatchObject({
      status: "ON_TRACK",
      projected: 20,
    }));
  it("is AT_RISK when projected short (30 − 2×4 = 22)", () =>
    expect(status("DECREASE_TO", 20, weekly3(34, 32, 30), in4Weeks)).toMatchObject({
      status: "AT_RISK",
      projected: 22,
    }));
  it("projects 12 weeks without a target date (30 − 0.5×12 = 24 → AT_RISK)", () =>
    expect(status("DECREASE_TO", 20, weekly3(31, 30.5, 30))).toMatchObject({ status: "AT_RISK", projected: 24 }));
});

describe("describeTargetRule", () => {
  it("states the threshold logic of each rule", () => {
    expect(describeTargetRule("AT_LEAST")).toMatch(
      /at or above the target.*below the target: off track.*within 4 weeks: at risk/,
    );
    expect(describeTargetRule("AT_MOST")).toMatch(
      /at or below the target.*above the target: off track.*within 4 weeks: at risk/,
    );
    expect(describeTargetRule("INCREASE_TO")).toMatch(
      /at or above the target: on track.*after the target date.*rising.*off track.*12 weeks ahead/,
    );
    expect(describeTargetRule("DECREASE_TO")).toMatch(
      /at or below the target: on track.*after the target date.*falling.*off track.*12 weeks ahead/,
    );
    expect(status("DECREASE_TO", 20, weekly3(31, 30.5, 30)).rule).toBe(describeTargetRule("DECREASE_TO"));
  });
});

describe("metric audit", () => {
  const m = (
    kind: "C" | "I",
    createdAt: string,
    deletedAt: string | null = null,
    hasOwner = true,
    linkedBehaviours = 1,
  ): AuditMetric => ({
    kind: kind === "C" ? "CUSTOMER_OUTCOME" : "INTERNAL_PROCESS",
    createdAt,
    deletedAt,
    hasOwner,
    linkedBehaviours,
  });
  const metrics = [
    m("C", "2026-01-15"), // A: mid-January → counts from January
    m("I", "2026-01-31", null, false), // B: on January's last day → counts in January
    m("I", "2026-02-01", "2026-03-10"), // C: February only (deleted mid-March)
    m("C", "2025-12-01", "2026-01-31"), // D: December only (deleted on January's last day)
    m("C", "2026-04-01", null, false, 0), // E: not yet in January–March
  ];

  it("counts the metrics tracked at the end of each month", () => {
    expect(auditShareByMonth(metrics, "2025-11", "2026-04")).toEqual([
      { month: "2025-11", customer: 0, internal: 0, customerShare: null },
      { month: "2025-12", customer: 1, internal: 0, customerShare: 1 }, // D
      { month: "2026-01", customer: 1, internal: 1, customerShare: 0.5 }, // A, B
      { month: "2026-02", customer: 1, internal: 2, customerShare: 1 / 3 }, // A, B, C
      { month: "2026-03", customer: 1, internal: 1, customerShare: 0.5 }, // A, B
      { month: "2026-04", customer: 2, internal: 1, customerShare: 2 / 3 }, // A, B, E
    ]);
  });
  it("uses the real last day of February and tolerates timestamps", () => {
    expect(auditShareByMonth([m("C", "2028-02-29")], "2028-02", "2028-02")[0]!.customer).toBe(1); // leap year
    expect(auditShareByMonth([m("C", "2027-02-28T23:59:00Z")], "2027-02", "2027-02")[0]!.customer).toBe(1);
  });
  it("is empty when the range is backwards and rejects malformed months", () => {
    expect(auditShareByMonth(metrics, "2026-03", "2026-01")).toEqual([]);
    expect(() => auditShareByMonth(metrics, "2026-13", "2026-12")).toThrow(RangeError);
  });
  it("summarises the metrics not deleted (A, B, E)", () => {
    expect(auditSummary(metrics)).toEqual({
      total: 3,
      customer: 2,
      internal: 1,
      customerShare: 2 / 3,
      noOwner: 2,
      noBehaviour: 1,
    });
    expect(auditSummary([])).toEqual({
      total: 0,
      customer: 0,
      internal: 0,
      customerShare: null,
      noOwner: 0,
      noBehaviour: 0,
    });
  });
});

describe("weeklyMeans", () => {
  it("averages per Monday-starting week; Sunday belongs to the week of the Monday before", () => {
    // 2026-11-16 is a Monday.
    const readings = [
      { date: "2026-11-23", value: 4 }, // Monday → week of 23 Nov
      { date: "2026-11-22", value: 20 }, // Sunday → week of 16 Nov
      { date: "2026-11-16", value: 10 }, // Monday → week of 16 Nov
      { date: "2026-11-15", value: 7 }, // Sunday → week of 9 Nov
      { date: "2026-11-09", value: 5 }, // Monday → week of 9 Nov
    ];
    expect(weeklyMeans(readings)).toEqual([
      { weekStart: "2026-11-09", value: 6 }, // (7 + 5) / 2
      { weekStart: "2026-11-16", value: 15 }, // (20 + 10) / 2
      { weekStart: "2026-11-23", value: 4 },
    ]);
    expect(weeklyMeans([])).toEqual([]);
  });
});

describe("pearson", () => {
  it("matches a hand computation", () => {
    // x̄ = 3, ȳ = 4; dx = −2,−1,0,1,2; dy = −2,0,1,0,1; Σdxdy = 6, Σdx² = 10, Σdy² = 6 → r = 6/√60 = 0.7745966692
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.7745966692, 9);
  });
  it("is ±1 for exact linear relations", () => {
    expect(pearson([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(pearson([0.1, 0.2, 0.7, 0.4], [5, 4, -1, 2])).toBeCloseTo(-1, 12); // y = 6 − 10x
  });
  it("is null for n < 3 or a constant series; throws on a length mismatch", () => {
    expect(pearson([1, 2], [3, 4])).toBeNull();
    expect(pearson([1, 2, 3], [0.1, 0.1, 0.1])).toBeNull();
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe("lagged correlations", () => {
  const week = (i: number) => day(7 * i, "2026-01-05"); // 2026-01-05 is a Monday
  const rates = [0.1, 0.3, 0.2, 0.5, 0.4, 0.6, 0.8, 0.7, 0.9, 1.0];
  const adoption: WeeklyValue[] = rates.map((value, i) => ({ weekStart: week(i), value }));
  // The metric two weeks later is a linear function of adoption: weeks 2..11.
  const metric: WeeklyValue[] = rates.map((r, i) => ({ weekStart: week(i + 2), value: 100 * r + 3 }));

  it("finds r = 1 at lag 2 and counts only weeks present in both series", () => {
    const c = laggedCorrelations(adoption, metric);
    // Adoption weeks 0..9 paired with metric week w + L ∈ 2..11: n = 8, 9, 10, 9, 8, 7, 6, 5, 4.
    expect(c.map((l) => l.lag)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(c.map((l) => l.n)).toEqual([8, 9, 10, 9, 8, 7, 6, 5, 4]);
    expect(c[2]!.r).toBeCloseTo(1, 12);
    expect(c[6]!.r).not.toBeNull(); // exactly MIN_CORRELATION_WEEKS pairs
    expect(c[7]!.r).toBeNull(); // 5 pairs < 6
    expect(c[8]!.r).toBeNull();
    expect(MIN_CORRELATION_WEEKS).toBe(6);
    expect(strongestLag(c)!.lag).toBe(2);
  });
  it("honours maxLag and skips gaps in the metric", () => {
    const gappy = metric.filter((_, i) => i !== 3); // drop metric week 5
    expect(laggedCorrelations(adoption, gappy, 2).map((l) => l.n)).toEqual([7, 8, 9]);
    expect(() => laggedCorrelations(adoption, metric, -1)).toThrow(RangeError);
  });
  it("strongestLag takes the largest |r| (a negative one too) and ignores nulls", () => {
    expect(
      strongestLag([
        { lag: 0, r: 0.5, n: 8 },
        { lag: 1, r: -0.9, n: 8 },
        { lag: 2, r: null, n: 3 },
      ]),
    ).toEqual({ lag: 1, r: -0.9, n: 8 });
    expect(strongestLag([{ lag: 0, r: null, n: 2 }])).toBeNull();
    expect(strongestLag([])).toBeNull();
  });
});

describe("small-group protection and heat map", () => {
  it("protects fewer than 5 opportunities or observers", () => {
    expect(MIN_RATE_OPPORTUNITIES).toBe(5);
    expect(isProtected({ opportunities: 4 })).toBe(true);
    expect(isProtected({ opportunities: 5 })).toBe(false);
    expect(isProtected({ opportunities: 50, observers: 4 })).toBe(true);
    expect(isProtected({ opportunities: 5, observers: 5 })).toBe(false);
  });
  it("greys cells below 5 opportunities and bands the rest in fifths", () => {
    expect(heatColour({ performed: 4, opportunities: 4 })).toEqual({ rate: null, band: "none" });
    expect(heatColour({ performed: 0, opportunities: 0 })).toEqual({ rate: null, band: "none" });
    expect(heatColour({ performed: 5, opportunities: 5 })).toEqual({ rate: 1, band: 4 });
    expect(heatColour({ performed: 0, opportunities: 5 })).toEqual({ rate: 0, band: 0 });
    expect(heatColour({ performed: 1, opportunities: 5 }).band).toBe(1); // 20% is the bottom of band 1
    expect(heatColour({ performed: 3, opportunities: 5 }).band).toBe(3); // 60%
    expect(heatColour({ performed: 4, opportunities: 5 }).band).toBe(4); // 80%
    expect(heatColour({ performed: 39, opportunities: 50 }).band).toBe(3); // 78% → floor(3.9)
  });
});

describe("biggestRises", () => {
  const week = (i: number) => day(7 * i, "2026-01-05");
  /** Weeks 1..8: the first four `before`, the last four `after`, as [performed, opportunities] per week. */
  const series = (before: [number, number], after: [number, number]): WeekRateSeries[] =>
    Array.from({ length: 8 }, (_, i) => ({
      weekStart: week(i + 1),
      performed: (i < 4 ? before : after)[0],
      opportunities: (i < 4 ? before : after)[1],
    }));

  it("compares the last 4 weeks with the 4 before, sorted by change, skipping small samples", () => {
    const rows = biggestRises({
      falls: series([3, 5], [1, 5]), // 12/20 = 0.6 → 4/20 = 0.2: −40.0
      rises: [{ weekStart: week(0), performed: 0, opportunities: 1000 }, ...series([1, 5], [3, 5])], // week 0 is outside both windows: 0.2 → 0.6: +40.0
      third: series([1, 3], [2, 4]), // 4/12 = 1/3 → 8/16 = 0.5: +16.67 → 16.7
      tiny: series([1, 5], [1, 1]), // after has only 4 opportunities: skipped
      stale: [{ weekStart: week(2), performed: 5, opportunities: 5 }], // nothing in the last 4 weeks: skipped
    });
    expect(rows.map((r) => r.key)).toEqual(["rises", "third", "falls"]);
    expect(rows[0]).toEqual({
      key: "rises",
      before: expect.closeTo(0.2, 12),
      after: expect.closeTo(0.6, 12),
      changePts: 40,
    });
    expect(rows[1]!.changePts).toBe(16.7);
    expect(rows[2]!.changePts).toBe(-40);
  });
  it("takes the window from the latest week in any series and honours `weeks`", () => {
    // weeks = 2 → after = weeks 7..8, before = weeks 5..6 (both from the `after` half: no change).
    expect(biggestRises({ a: series([1, 5], [3, 5]) }, 2)).toEqual([
      { key: "a", before: 0.6, after: 0.6, changePts: 0 },
    ]);
    expect(biggestRises({})).toEqual([]);
    expect(() => biggestRises({}, 0)).toThrow(RangeError);
  });
});

describe("customerFirst", () => {
  it("puts customer outcomes before internal process measures, each by name", () => {
    const m = (name: string, kind: "CUSTOMER_OUTCOME" | "INTERNAL_PROCESS") => ({ name, kind });
    expect(
      customerFirst([
        m("Velocity", "INTERNAL_PROCESS"),
        m("Retention", "CUSTOMER_OUTCOME"),
        m("Cost per ticket", "INTERNAL_PROCESS"),
        m("Adoption", "CUSTOMER_OUTCOME"),
      ]).map((x) => x.name),
    ).toEqual(["Adoption", "Retention", "Cost per ticket", "Velocity"]);
  });
});
