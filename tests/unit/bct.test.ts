import { describe, expect, it } from "vitest";
import {
  BCT_GROUP_LABELS,
  BCT_TECHNIQUES,
  bctById,
  bctGroups,
  functionTechniqueIds,
  isBctId,
  NO_SUGGESTION_REASON,
  suggestedTechniques,
} from "@/lib/domain/bct";
import { INTERVENTION_FUNCTIONS } from "@/lib/domain/interventions";

// Group sizes in BCTTv1 (Michie et al. 2013, table 3). They sum to 93; group 8 "Repetition and
// substitution" has seven techniques (8.1 … 8.7 Graded tasks), not eight.
const GROUP_SIZES = [9, 7, 3, 4, 6, 3, 8, 7, 3, 11, 4, 6, 5, 10, 4, 3];

describe("BCTTv1 techniques", () => {
  it("has exactly 93 techniques in 16 groups", () => {
    expect(GROUP_SIZES.reduce((a, b) => a + b, 0)).toBe(93);
    expect(BCT_TECHNIQUES).toHaveLength(93);
    expect(BCT_GROUP_LABELS).toHaveLength(16);
    expect(bctGroups()).toHaveLength(16);
  });

  it("has the taxonomy's number of techniques in each group", () => {
    expect(bctGroups().map((g) => g.techniques.length)).toEqual(GROUP_SIZES);
  });

  it("names the groups as the taxonomy does, numbered 1..16", () => {
    const groups = bctGroups();
    expect(groups.map((g) => g.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(groups[0]!.label).toBe("Goals and planning");
    expect(groups[5]!.label).toBe("Comparison of behaviour");
    expect(groups[7]!.label).toBe("Repetition and substitution");
    expect(groups[13]!.label).toBe("Scheduled consequences");
    expect(groups[15]!.label).toBe("Covert learning");
  });

  it("numbers the techniques 1..n inside each group, unique and without gaps, in taxonomy order", () => {
    const ids = BCT_TECHNIQUES.map((t) => t.id);
    expect(new Set(ids).size).toBe(93);
    for (const g of bctGroups()) {
      expect(g.techniques.map((t) => t.id)).toEqual(g.techniques.map((_, i) => `${g.number}.${i + 1}`));
      for (const t of g.techniques) expect(t.group).toBe(g.number);
    }
    // The flat list is the groups concatenated, so taxonomy order is one order everywhere.
    expect(bctGroups().flatMap((g) => g.techniques.map((t) => t.id))).toEqual(ids);
  });

  it("has non-empty, unique labels and a one-sentence definition for every technique", () => {
    const labels = BCT_TECHNIQUES.map((t) => t.label);
    expect(new Set(labels).size).toBe(93);
    for (const t of BCT_TECHNIQUES) {
      expect(t.label.trim()).not.toBe("");
      expect(t.label).toBe(t.label.trim());
      expect(t.definition.trim().length).toBeGreaterThan(20);
      expect(t.definition).toMatch(/^[A-Z].*\.$/);
      expect(t.definition.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/); // one sentence
    }
  });

  it("spells labels the British way, as the UI does", () => {
    for (const t of BCT_TECHNIQUES) expect(t.label).not.toMatch(/behavior/i);
    expect(bctById("1.8")?.label).toBe("Behavioural contract");
    expect(bctById("8.1")?.label).toBe("Behavioural practice/rehearsal");
  });

  it.each([
    ["1.1", "Goal setting (behaviour)"],
    ["1.4", "Action planning"],
    ["1.9", "Commitment"],
    ["2.1", "Monitoring of behaviour by others without feedback"],
    ["2.7", "Feedback on outcome(s) of behaviour"],
    ["3.2", "Social support (practical)"],
    ["4.1", "Instruction on how to perform the behaviour"],
    ["5.5", "Anticipated regret"],
    ["6.1", "Demonstration of the behaviour"],
    ["7.1", "Prompts/cues"],
    ["8.7", "Graded tasks"],
    ["9.1", "Credible source"],
    ["10.4", "Social reward"],
    ["10.11", "Future punishment"],
    ["11.3", "Conserving mental resources"],
    ["12.5", "Adding objects to the environment"],
    ["13.4", "Valued self-identity"],
    ["14.10", "Remove punishment"],
    ["15.4", "Self-talk"],
    ["16.3", "Vicarious consequences"],
  ])("labels %s as %s", (id, label) => {
    expect(bctById(id)?.label).toBe(label);
  });
});

describe("bctById / isBctId", () => {
  it("finds known ids and nothing else", () => {
    expect(bctById("10.10")).toMatchObject({ id: "10.10", group: 10, label: "Reward (outcome)" });
    for (const bad of ["", "0.1", "1.0", "1.10", "8.8", "17.1", "1", "1.1 ", "01.1", "16.4", "__proto__"]) {
      expect(bctById(bad)).toBeUndefined();
      expect(isBctId(bad)).toBe(false);
    }
    for (const t of BCT_TECHNIQUES) expect(isBctId(t.id)).toBe(true);
  });
});

describe("suggestedTechniques", () => {
  it("maps only to techniques that exist, without duplicates", () => {
    for (const fn of INTERVENTION_FUNCTIONS) {
      const ids = functionTechniqueIds(fn);
      for (const id of ids) expect(isBctId(id), `${fn} → ${id}`).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(suggestedTechniques(fn)).toHaveLength(ids.length);
    }
  });

  it("suggests at least one technique for every function except restriction, which says why it has none", () => {
    for (const fn of INTERVENTION_FUNCTIONS) {
      if (fn === "RESTRICTION") continue;
      expect(suggestedTechniques(fn).length, fn).toBeGreaterThan(0);
      expect(NO_SUGGESTION_REASON[fn]).toBeUndefined();
    }
    expect(suggestedTechniques("RESTRICTION")).toEqual([]);
    expect(NO_SUGGESTION_REASON.RESTRICTION).toMatch(/restriction/);
  });

  it("returns the suggestions in taxonomy order, whatever order the mapping lists them in", () => {
    expect(functionTechniqueIds("TRAINING")[0]).toBe("6.1");
    expect(suggestedTechniques("TRAINING").map((t) => t.id)).toEqual(["2.2", "2.3", "2.7", "4.1", "6.1", "8.1"]);
    expect(suggestedTechniques("ENABLEMENT").map((t) => t.id)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "1.7",
      "2.3",
      "3.1",
      "3.2",
      "12.1",
      "12.5",
    ]);
    for (const fn of INTERVENTION_FUNCTIONS) {
      const positions = suggestedTechniques(fn).map((t) => BCT_TECHNIQUES.indexOf(t));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it("follows the guide's list for the functions with a distinctive technique", () => {
    expect(suggestedTechniques("MODELLING").map((t) => t.label)).toEqual(["Demonstration of the behaviour"]);
    expect(suggestedTechniques("PERSUASION").map((t) => t.id)).toContain("9.1");
    expect(suggestedTechniques("EDUCATION").map((t) => t.id)).toEqual(["2.2", "2.3", "2.7", "5.1", "5.3", "7.1"]);
    expect(suggestedTechniques("ENVIRONMENTAL_RESTRUCTURING").map((t) => t.id)).toEqual(["7.1", "12.1", "12.5"]);
  });
});
