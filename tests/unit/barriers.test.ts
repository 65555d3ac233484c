import { describe, expect, it } from "vitest";
import {
  BARRIER_STATUSES,
  canMove,
  nextStatuses,
  paretoSeries,
  priorityOf,
  sortBarriers,
  type BarrierStatus,
  type SortKey,
} from "@/lib/domain/barriers";

describe("priorityOf", () => {
  it("is null until every factor is scored", () => {
    expect(priorityOf({ impact: null, reach: 3, ease: 4 })).toBeNull();
    expect(priorityOf({ impact: 5, reach: null, ease: 4 })).toBeNull();
    expect(priorityOf({ impact: 5, reach: 3, ease: null })).toBeNull();
    expect(priorityOf({ impact: null, reach: null, ease: null })).toBeNull();
  });
  it("is impact × reach × ease once scored", () => {
    // 5 × 3 × 4 = 60; 2 × 5 × 1 = 10
    expect(priorityOf({ impact: 5, reach: 3, ease: 4 })).toBe(60);
    expect(priorityOf({ impact: 2, reach: 5, ease: 1 })).toBe(10);
    expect(priorityOf({ impact: 1, reach: 1, ease: 1 })).toBe(1);
    expect(priorityOf({ impact: 5, reach: 5, ease: 5 })).toBe(125);
  });
  it("still refuses scores outside 1–5", () => {
    expect(() => priorityOf({ impact: 0, reach: 3, ease: 4 })).toThrow(RangeError);
  });
});

describe("barrier lifecycle", () => {
  it("moves forward one step at a time", () => {
    expect(canMove("IDENTIFIED", "INTERVENTION_PLANNED")).toBe(true);
    expect(canMove("INTERVENTION_PLANNED", "IN_PROGRESS")).toBe(true);
    expect(canMove("IN_PROGRESS", "REMOVED")).toBe(true);
  });
  it("refuses skipping steps", () => {
    expect(canMove("IDENTIFIED", "REMOVED")).toBe(false);
    expect(canMove("IDENTIFIED", "IN_PROGRESS")).toBe(false);
    expect(canMove("INTERVENTION_PLANNED", "REMOVED")).toBe(false);
  });
  it("allows accepting an open barrier and reopening a closed one", () => {
    expect(canMove("IDENTIFIED", "ACCEPTED")).toBe(true);
    expect(canMove("INTERVENTION_PLANNED", "ACCEPTED")).toBe(true);
    expect(canMove("IN_PROGRESS", "ACCEPTED")).toBe(true);
    expect(canMove("REMOVED", "IN_PROGRESS")).toBe(true);
    expect(canMove("ACCEPTED", "IDENTIFIED")).toBe(true);
  });
  it("refuses moves out of a closed state other than reopening", () => {
    expect(canMove("REMOVED", "IDENTIFIED")).toBe(false);
    expect(canMove("REMOVED", "ACCEPTED")).toBe(false);
    expect(canMove("ACCEPTED", "REMOVED")).toBe(false);
    expect(canMove("ACCEPTED", "IN_PROGRESS")).toBe(false);
  });
  it("never moves a barrier to the status it already has", () => {
    for (const s of BARRIER_STATUSES) expect(canMove(s, s)).toBe(false);
  });
  it("lists the next statuses, which agree with canMove", () => {
    expect(nextStatuses("IDENTIFIED")).toEqual(["INTERVENTION_PLANNED", "ACCEPTED"]);
    expect(nextStatuses("INTERVENTION_PLANNED")).toEqual(["IN_PROGRESS", "IDENTIFIED", "ACCEPTED"]);
    expect(nextStatuses("IN_PROGRESS")).toEqual(["REMOVED", "INTERVENTION_PLANNED", "ACCEPTED"]);
    expect(nextStatuses("REMOVED")).toEqual(["IN_PROGRESS"]);
    expect(nextStatuses("ACCEPTED")).toEqual(["IDENTIFIED"]);
    for (const from of BARRIER_STATUSES) {
      for (const to of BARRIER_STATUSES) expect(canMove(from, to)).toBe(nextStatuses(from).includes(to));
    }
  });
});

describe("paretoSeries", () => {
  it("sorts by score, highest first, with the running share to one decimal ending at 100", () => {
    const series = paretoSeries([
      { id: "c", label: "Slow CI", score: 20 },
      { id: "a", label: "No template", score: 60 },
      { id: "b", label: "Unclear owner", score: 40 },
    ]);
    // total 120: 60/120 = 50%, 100/120 = 83.33…% → 83.3, 120/120 = 100%
    expect(series).toEqual([
      { id: "a", label: "No template", score: 60, cumulativePct: 50 },
      { id: "b", label: "Unclear owner", score: 40, cumulativePct: 83.3 },
      { id: "c", label: "Slow CI", score: 20, cumulativePct: 100 },
    ]);
  });
  it("rounds the running share half up to one decimal", () => {
    // total 3: 1/3 = 33.33…% → 33.3, 2/3 = 66.66…% → 66.7, 3/3 = 100
    const series = paretoSeries([
      { id: "x", label: "A", score: 1 },
      { id: "y", label: "B", score: 1 },
      { id: "z", label: "C", score: 1 },
    ]);
    expect(series.map((p) => p.cumulativePct)).toEqual([33.3, 66.7, 100]);
  });
  it("drops barriers with a zero or negative score", () => {
    const series = paretoSeries([
      { id: "a", label: "Kept", score: 10 },
      { id: "b", label: "Zero", score: 0 },
      { id: "c", label: "Negative", score: -5 },
      { id: "d", label: "Also kept", score: 30 },
    ]);
    // total 40 (the −5 is not subtracted): 30/40 = 75%, 40/40 = 100%
    expect(series.map((p) => [p.id, p.cumulativePct])).toEqual([
      ["d", 75],
      ["a", 100],
    ]);
  });
  it("breaks ties by label A→Z", () => {
    const series = paretoSeries([
      { id: "1", label: "Zebra", score: 8 },
      { id: "2", label: "apple", score: 8 },
      { id: "3", label: "Mango", score: 8 },
      { id: "4", label: "Top", score: 9 },
    ]);
    expect(series.map((p) => p.label)).toEqual(["Top", "apple", "Mango", "Zebra"]);
  });
  it("is empty when nothing is scored", () => {
    expect(paretoSeries([])).toEqual([]);
    expect(paretoSeries([{ id: "a", label: "A", score: 0 }])).toEqual([]);
  });
  it("does not reorder the caller's array", () => {
    const items = [
      { id: "a", label: "A", score: 1 },
      { id: "b", label: "B", score: 2 },
    ];
    paretoSeries(items);
    expect(items.map((i) => i.id)).toEqual(["a", "b"]);
  });
});

describe("sortBarriers", () => {
  const row = (
    title: string,
    status: BarrierStatus,
    impact: number | null,
    reach: number | null,
    ease: number | null,
  ) => ({
    title,
    status,
    impact,
    reach,
    ease,
    priority: priorityOf({ impact, reach, ease }),
  });
  const rows = [
    row("Unscored", "IDENTIFIED", null, null, null), // priority null
    row("Big", "REMOVED", 5, 5, 2), // 50
    row("Small", "IN_PROGRESS", 1, 2, 3), // 6
    row("Alpha", "ACCEPTED", 2, 5, 5), // 50
    row("Mid", "INTERVENTION_PLANNED", 3, 2, 4), // 24
    row("Half", "IDENTIFIED", 4, null, 1), // priority null, impact 4
  ];
  const titles = (key: SortKey) => sortBarriers(rows, key).map((r) => r.title);

  it("sorts by priority high first, ties by title, unscored last", () => {
    // Alpha 50 and Big 50 tie → A before B; Half and Unscored have no priority → last, by title
    expect(titles("priority")).toEqual(["Alpha", "Big", "Mid", "Small", "Half", "Unscored"]);
  });
  it("sorts by impact high first, ties by priority, unscored last", () => {
    // impact: Big 5, Half 4, Mid 3, Alpha 2, Small 1, Unscored none
    expect(titles("impact")).toEqual(["Big", "Half", "Mid", "Alpha", "Small", "Unscored"]);
  });
  it("sorts by reach high first, ties broken by priority then title, unscored last", () => {
    // reach 5: Big (50) and Alpha (50) → by title; reach 2: Mid (24) before Small (6); Half and Unscored have no reach
    expect(titles("reach")).toEqual(["Alpha", "Big", "Mid", "Small", "Half", "Unscored"]);
  });
  it("sorts by ease high first, unscored last", () => {
    // ease: Alpha 5, Mid 4, Small 3, Big 2, Half 1, Unscored none
    expect(titles("ease")).toEqual(["Alpha", "Mid", "Small", "Big", "Half", "Unscored"]);
  });
  it("keeps a barrier with a score of 1 before one with no score", () => {
    const out = sortBarriers([row("None", "IDENTIFIED", null, null, null), row("Low", "IDENTIFIED", 1, 1, 1)], "ease");
    expect(out.map((r) => r.title)).toEqual(["Low", "None"]);
  });
  it("sorts by title A→Z", () => {
    expect(titles("title")).toEqual(["Alpha", "Big", "Half", "Mid", "Small", "Unscored"]);
  });
  it("sorts by status in lifecycle order, ties by title", () => {
    expect(titles("status")).toEqual(["Half", "Unscored", "Mid", "Small", "Big", "Alpha"]);
    expect(sortBarriers(rows, "status").map((r) => r.status)).toEqual([
      "IDENTIFIED",
      "IDENTIFIED",
      "INTERVENTION_PLANNED",
      "IN_PROGRESS",
      "REMOVED",
      "ACCEPTED",
    ]);
  });
  it("returns a new array and leaves the input as it was", () => {
    const before = rows.map((r) => r.title);
    const out = sortBarriers(rows, "title");
    expect(out).not.toBe(rows);
    expect(rows.map((r) => r.title)).toEqual(before);
  });
});
