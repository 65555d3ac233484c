import { describe, expect, it } from "vitest";
import {
  apeaseTotal,
  beforeAfter,
  beforeAfterWindows,
  differenceInDifferences,
  MAX_WINDOW_DAYS,
  removalProblem,
  suggestedFunctions,
  type Apease,
  type BeforeAfter,
} from "@/lib/domain/interventions";

describe("suggested intervention functions (Behaviour Change Wheel matrix)", () => {
  it("physical capability → training, enablement", () => {
    expect(suggestedFunctions("PHYSICAL_CAPABILITY")).toEqual(["TRAINING", "ENABLEMENT"]);
  });
  it("psychological capability → education, training, enablement", () => {
    expect(suggestedFunctions("PSYCHOLOGICAL_CAPABILITY")).toEqual(["EDUCATION", "TRAINING", "ENABLEMENT"]);
  });
  it("reflective motivation → education, persuasion, incentivisation, coercion", () => {
    expect(suggestedFunctions("REFLECTIVE_MOTIVATION")).toEqual([
      "EDUCATION",
      "PERSUASION",
      "INCENTIVISATION",
      "COERCION",
    ]);
  });
  it("automatic motivation → persuasion, incentivisation, coercion, environmental restructuring, modelling, enablement", () => {
    expect(suggestedFunctions("AUTOMATIC_MOTIVATION")).toEqual([
      "PERSUASION",
      "INCENTIVISATION",
      "COERCION",
      "ENVIRONMENTAL_RESTRUCTURING",
      "MODELLING",
      "ENABLEMENT",
    ]);
  });
  it("physical opportunity → restriction, environmental restructuring, enablement", () => {
    expect(suggestedFunctions("PHYSICAL_OPPORTUNITY")).toEqual([
      "RESTRICTION",
      "ENVIRONMENTAL_RESTRUCTURING",
      "ENABLEMENT",
    ]);
  });
  it("social opportunity → restriction, environmental restructuring, enablement", () => {
    expect(suggestedFunctions("SOCIAL_OPPORTUNITY")).toEqual([
      "RESTRICTION",
      "ENVIRONMENTAL_RESTRUCTURING",
      "ENABLEMENT",
    ]);
  });
});

describe("APEASE total", () => {
  it("adds the six criteria's scores and ignores the notes", () => {
    const a: Apease = {
      affordability: { score: 4, note: "within budget" },
      practicability: { score: 3, note: "" },
      effectiveness: { score: 5, note: "strong evidence" },
      acceptability: { score: 2, note: "" },
      sideEffects: { score: 1, note: "extra meetings" },
      equity: { score: 3, note: "" },
    };
    // 4 + 3 + 5 + 2 + 1 + 3 = 18
    expect(apeaseTotal(a)).toBe(18);
  });
  it("ranges from 6 (all poor) to 30 (all good)", () => {
    const all = (score: number): Apease => ({
      affordability: { score, note: "" },
      practicability: { score, note: "" },
      effectiveness: { score, note: "" },
      acceptability: { score, note: "" },
      sideEffects: { score, note: "" },
      equity: { score, note: "" },
    });
    expect(apeaseTotal(all(1))).toBe(6);
    expect(apeaseTotal(all(5))).toBe(30);
  });
});

describe("before/after windows", () => {
  it("is null when the intervention has not started", () => {
    expect(beforeAfterWindows("2026-03-11", "2026-03-10")).toBeNull();
    expect(beforeAfterWindows("2027-01-01", "2026-03-10")).toBeNull();
  });
  it("started today: one day after, and the day before as the before window", () => {
    expect(beforeAfterWindows("2026-03-10", "2026-03-10")).toEqual({
      before: { from: "2026-03-09", to: "2026-03-09" },
      after: { from: "2026-03-10", to: "2026-03-10" },
      days: 1,
    });
  });
  it("ten days in: the before window is the ten days just before the start", () => {
    // after = 1..10 March (10 days); before = 19..28 February 2026 (not a leap year)
    expect(beforeAfterWindows("2026-03-01", "2026-03-10")).toEqual({
      before: { from: "2026-02-19", to: "2026-02-28" },
      after: { from: "2026-03-01", to: "2026-03-10" },
      days: 10,
    });
  });
  it("crosses a leap day", () => {
    // after = 1..3 March 2024 (3 days); before = 27, 28, 29 February 2024
    expect(beforeAfterWindows("2024-03-01", "2024-03-03")?.before).toEqual({ from: "2024-02-27", to: "2024-02-29" });
  });
  it("crosses a year boundary", () => {
    // after = 1..5 January 2026 (5 days); before = 27..31 December 2025
    expect(beforeAfterWindows("2026-01-01", "2026-01-05")).toEqual({
      before: { from: "2025-12-27", to: "2025-12-31" },
      after: { from: "2026-01-01", to: "2026-01-05" },
      days: 5,
    });
  });
  it("caps the after window at 84 days and the before window to match", () => {
    expect(MAX_WINDOW_DAYS).toBe(84);
    // start 1 January 2026; day 84 is 1 Jan + 83 days = 25 March (31 + 28 + 25 = 84);
    // before = the 84 days up to 31 December 2025: 9..31 October (23) + November (30) + December (31) = 84
    const capped = {
      before: { from: "2025-10-09", to: "2025-12-31" },
      after: { from: "2026-01-01", to: "2026-03-25" },
      days: 84,
    };
    expect(beforeAfterWindows("2026-01-01", "2026-12-31")).toEqual(capped);
    expect(beforeAfterWindows("2026-01-01", "2026-03-25")).toEqual(capped);
    // one day earlier is not capped yet
    expect(beforeAfterWindows("2026-01-01", "2026-03-24")?.days).toBe(83);
  });
  it("is not shifted by a daylight-saving change", () => {
    // 29 March 2026 is the EU clock change; windows are whole calendar days regardless
    expect(beforeAfterWindows("2026-03-28", "2026-03-30")).toEqual({
      before: { from: "2026-03-25", to: "2026-03-27" },
      after: { from: "2026-03-28", to: "2026-03-30" },
      days: 3,
    });
  });
});

describe("before/after adoption", () => {
  it("gives the change in percentage points to one decimal", () => {
    // before 3/10 = 30%, after 7/10 = 70% → +40.0 points
    const e = beforeAfter({ performed: 3, missed: 7 }, { performed: 7, missed: 3 });
    expect(e.before).toEqual({ performed: 3, opportunities: 10, rate: 0.3 });
    expect(e.after).toEqual({ performed: 7, opportunities: 10, rate: 0.7 });
    expect(e.changePts).toBe(40);
  });
  it("rounds to one decimal and keeps the sign of a fall", () => {
    // before 2/3 = 66.67%, after 1/3 = 33.33% (6 opportunities each) → −33.33… → −33.3
    expect(beforeAfter({ performed: 4, missed: 2 }, { performed: 2, missed: 4 }).changePts).toBe(-33.3);
    // before 1/6 = 16.67%, after 5/7 = 71.43% → 54.76… → +54.8
    expect(beforeAfter({ performed: 1, missed: 5 }, { performed: 5, missed: 2 }).changePts).toBe(54.8);
    expect(beforeAfter({ performed: 5, missed: 5 }, { performed: 3, missed: 3 }).changePts).toBe(0);
  });
  it("is null when either side has fewer than 5 opportunities", () => {
    const tooFewBefore = beforeAfter({ performed: 2, missed: 2 }, { performed: 9, missed: 1 });
    expect(tooFewBefore.before.rate).toBeNull();
    expect(tooFewBefore.changePts).toBeNull();
    expect(beforeAfter({ performed: 9, missed: 1 }, { performed: 4, missed: 0 }).changePts).toBeNull();
    // exactly 5 is enough: 0/5 → 5/5 = +100 points
    expect(beforeAfter({ performed: 0, missed: 5 }, { performed: 5, missed: 0 }).changePts).toBe(100);
  });
});

describe("difference in differences", () => {
  it("is the rolled-out teams' change minus the comparison teams' change", () => {
    // rolled out: 30% → 70% = +40 points; comparison: 40% → 50% = +10 points → 40 − 10 = 30
    const rolledOut = beforeAfter({ performed: 3, missed: 7 }, { performed: 7, missed: 3 });
    const comparison = beforeAfter({ performed: 4, missed: 6 }, { performed: 5, missed: 5 });
    expect(differenceInDifferences(rolledOut, comparison)).toBe(30);
  });
  it("can be negative and is rounded to one decimal", () => {
    // rolled out: 2/3 → 1/3 = −33.3; comparison: 1/6 → 5/7 = +54.8 → −33.3 − 54.8 = −88.1
    const rolledOut = beforeAfter({ performed: 4, missed: 2 }, { performed: 2, missed: 4 });
    const comparison = beforeAfter({ performed: 1, missed: 5 }, { performed: 5, missed: 2 });
    expect(differenceInDifferences(rolledOut, comparison)).toBe(-88.1);
    // 33.3 − 10 in floating point is 23.299999…; shown as 23.3
    const a = beforeAfter({ performed: 2, missed: 4 }, { performed: 4, missed: 2 }); // +33.3
    const b = beforeAfter({ performed: 4, missed: 6 }, { performed: 5, missed: 5 }); // +10
    expect(differenceInDifferences(a, b)).toBe(23.3);
  });
  it("is null when either change is unknown", () => {
    const known = beforeAfter({ performed: 3, missed: 7 }, { performed: 7, missed: 3 });
    const unknown = beforeAfter({ performed: 1, missed: 1 }, { performed: 7, missed: 3 });
    expect(differenceInDifferences(known, unknown)).toBeNull();
    expect(differenceInDifferences(unknown, known)).toBeNull();
    expect(differenceInDifferences(unknown, unknown)).toBeNull();
  });
});

describe("removalProblem", () => {
  it("asks for an intervention when none has started", () => {
    expect(removalProblem(null)).toBe(
      "No intervention has started yet: adoption after its start is the evidence a barrier was removed.",
    );
  });
  it("asks for more observations when either side has too few", () => {
    expect(removalProblem(beforeAfter({ performed: 1, missed: 2 }, { performed: 8, missed: 2 }))).toBe(
      "Not enough observations to compare (before: 3, after: 10 opportunities; at least 5 each). Keep logging, then mark it removed.",
    );
    expect(removalProblem(beforeAfter({ performed: 1, missed: 9 }, { performed: 4, missed: 0 }))).toBe(
      "Not enough observations to compare (before: 10, after: 4 opportunities; at least 5 each). Keep logging, then mark it removed.",
    );
  });
  it("refuses when adoption fell", () => {
    // before 6/10 = 60%, after 4/8 = 50%
    expect(removalProblem(beforeAfter({ performed: 6, missed: 4 }, { performed: 4, missed: 4 }))).toBe(
      "Adoption did not rise after the intervention (before 60% of 10, after 50% of 8). Keep it in progress, try another intervention, or accept it.",
    );
  });
  it("refuses when adoption stayed the same", () => {
    // 5/10 and 3/6 are both exactly 50%
    expect(removalProblem(beforeAfter({ performed: 5, missed: 5 }, { performed: 3, missed: 3 }))).toBe(
      "Adoption did not rise after the intervention (before 50% of 10, after 50% of 6). Keep it in progress, try another intervention, or accept it.",
    );
  });
  it("accepts a rise, even a small one", () => {
    expect(removalProblem(beforeAfter({ performed: 3, missed: 7 }, { performed: 7, missed: 3 }))).toBeNull();
    // 50/100 = 50% → 51/100 = 51%
    expect(removalProblem(beforeAfter({ performed: 50, missed: 50 }, { performed: 51, missed: 49 }))).toBeNull();
  });
  it("judges a hand-built BeforeAfter by its rates", () => {
    const e: BeforeAfter = {
      before: { performed: 2, opportunities: 5, rate: 0.4 },
      after: { performed: 2, opportunities: 5, rate: 0.4 },
      changePts: 0,
    };
    expect(removalProblem(e)).toMatch(/^Adoption did not rise/);
  });
});
