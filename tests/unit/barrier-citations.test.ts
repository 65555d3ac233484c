import { describe, expect, it } from "vitest";
import {
  citationShares,
  contentWords,
  groupNotes,
  jaccard,
  normaliseNote,
  stem,
  suggestTitle,
} from "@/lib/domain/barrier-citations";
import { sortBarriers } from "@/lib/domain/barriers";

describe("normalising and tokenising a 'something else' text", () => {
  it("drops case, accents, punctuation and apostrophes", () => {
    expect(normaliseNote("  Café’s  Wi-Fi was DOWN!! ")).toBe("cafes wi fi was down");
  });
  it("stems plurals and verb endings, keeping short words whole", () => {
    expect(["crashes", "crashed", "crashing", "crash"].map(stem)).toEqual(["crash", "crash", "crash", "crash"]);
    expect(stem("stopped")).toBe("stop");
    expect(stem("is")).toBe("is");
    expect(stem("bus")).toBe("bus");
  });
  it("keeps only content words", () => {
    expect([...contentWords("The printer was out of paper again")].sort()).toEqual(["paper", "printer"]);
  });
});

describe("jaccard", () => {
  it("is |A∩B| / |A∪B|, worked by hand", () => {
    // {a,b,c} vs {b,c,d}: 2 in common, 4 in all → 0.5
    expect(jaccard(new Set(["a", "b", "c"]), new Set(["b", "c", "d"]))).toBe(0.5);
    expect(jaccard(new Set(["a"]), new Set(["b"]))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });
});

describe("groupNotes", () => {
  const notes = [
    "The printer was out of paper",
    "Customer left before I could ask",
    "printer out of paper again!",
    "No paper in the printer",
    "the customer had already left",
    "???",
    "Phone line dropped",
  ];

  it("puts similar texts together, largest group first, and leaves the rest alone", () => {
    const groups = groupNotes(notes, (n) => n).map((g) => g.items);
    expect(groups).toEqual([
      ["The printer was out of paper", "printer out of paper again!", "No paper in the printer"],
      ["Customer left before I could ask", "the customer had already left"],
      ["???"],
      ["Phone line dropped"],
    ]);
  });

  it("names the words most of a group share", () => {
    expect(groupNotes(notes, (n) => n)[0]!.keywords).toEqual(["paper", "printer"]);
  });

  it("merges chains (single linkage): A~B and B~C put A and C together", () => {
    // A {laptop, froze} ~ B {laptop, froze, login}: 2/3; B ~ C {login, froze, vpn}: 2/4; A ~ C: 1/4 only.
    const groups = groupNotes(["laptop froze", "laptop froze at login", "login froze on vpn"], (n) => n);
    expect(groups).toHaveLength(1);
  });

  it("keeps texts with no content word apart from each other", () => {
    expect(groupNotes(["???", "!!!"], (n) => n)).toHaveLength(2);
  });
});

describe("suggestTitle", () => {
  it("takes the shortest text, capitalised, cut to the limit", () => {
    expect(suggestTitle(["the printer was out of paper", "no paper"])).toBe("No paper");
    expect(suggestTitle(["x".repeat(200)], 10)).toBe(`${"X"}${"x".repeat(8)}…`);
  });
});

describe("citationShares", () => {
  it("divides each barrier's citations by the missed entries (20 missed: 8 → 0.4, 5 → 0.25)", () => {
    expect(
      citationShares(20, [
        { barrierId: "b", cited: 5 },
        { barrierId: "a", cited: 8 },
        { barrierId: "c", cited: 0 },
      ]),
    ).toEqual([
      { barrierId: "a", cited: 8, share: 0.4 },
      { barrierId: "b", cited: 5, share: 0.25 },
    ]);
  });
  it("has nothing to say about a team with no missed entry, and refuses impossible counts", () => {
    expect(citationShares(0, [])).toEqual([]);
    expect(() => citationShares(2, [{ barrierId: "a", cited: 3 }])).toThrow(RangeError);
  });
});

describe("ranking barriers by citations", () => {
  it("puts the most cited first, ties by priority then title (the barriers list's 'Cited' sort)", () => {
    const row = (title: string, citations: number, priority: number | null) => ({
      title,
      status: "IDENTIFIED",
      impact: null,
      reach: null,
      ease: null,
      priority,
      citations,
    });
    const rows = [row("Quiet", 0, 100), row("Loud", 9, 8), row("Tie low", 3, 10), row("Tie high", 3, 60)];
    expect(sortBarriers(rows, "citations").map((r) => r.title)).toEqual(["Loud", "Tie high", "Tie low", "Quiet"]);
  });
});
