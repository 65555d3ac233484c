import { describe, expect, it } from "vitest";
import {
  describeGroupSize,
  peopleIn,
  protectGroups,
  selectionHiddenBecause,
  showsFigures,
  TOO_FEW_PEOPLE,
  type GroupTeam,
} from "@/lib/domain/group-size";

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const team = (id: string, members: string[], parentId: string | null = null): GroupTeam => ({
  id,
  kind: "TEAM",
  parentId,
  members,
});
const stream = (id: string): GroupTeam => ({ id, kind: "VALUE_STREAM", parentId: null, members: [] });

describe("minimum group size", () => {
  it("shows a group of exactly the threshold and hides one below it", () => {
    expect(showsFigures(5, 5)).toBe(true);
    expect(showsFigures(4, 5)).toBe(false);
    expect(showsFigures(3, 3)).toBe(true);
  });

  it("counts a person in two teams once", () => {
    const members = new Map([
      ["a", ["p1", "p2", "p3"]],
      ["b", ["p3", "p4"]],
    ]);
    expect(peopleIn(["a", "b"], members)).toBe(4);
    expect(peopleIn(["b", "missing"], members)).toBe(2);
  });

  it("hides a 3-person team, and the smallest shown team beside it so the total cannot give it away", () => {
    const p = protectGroups(
      [team("small", people("s", 3)), team("six", people("x", 6)), team("seven", people("y", 7))],
      5,
    );
    expect(p.suppressed.get("small")).toBe("small");
    expect(p.suppressed.get("six")).toBe("complement");
    expect(p.suppressed.has("seven")).toBe(false);
    expect(p.people.get("small")).toBe(3);
  });

  it("needs no second team when two are already hidden, or none is", () => {
    const two = protectGroups([team("a", people("a", 2)), team("b", people("b", 4)), team("c", people("c", 9))], 5);
    expect([...two.suppressed]).toEqual([
      ["a", "small"],
      ["b", "small"],
    ]);
    const none = protectGroups([team("a", people("a", 5)), team("b", people("b", 6))], 5);
    expect(none.suppressed.size).toBe(0);
  });

  it("protects each value stream's total too, and hides a stream too small for a figure of its own", () => {
    const p = protectGroups(
      [
        stream("s1"),
        stream("s2"),
        team("s1-small", people("a", 3), "s1"),
        team("s1-big", people("b", 8), "s1"),
        team("s2-small", people("c", 4), "s2"),
        team("other", people("d", 3)),
      ],
      5,
    );
    // Stream s1 (11 people) is shown, so its one small team takes its other team with it.
    expect(p.suppressed.get("s1-small")).toBe("small");
    expect(p.suppressed.get("s1-big")).toBe("complement");
    // Stream s2 has 4 people: no figure of its own, and nothing to subtract from.
    expect(p.hiddenStreams.get("s2")).toBe("small");
    expect(p.people.get("s1")).toBe(11);
  });

  it("follows the organisation's threshold", () => {
    const teams = [team("a", people("a", 3)), team("b", people("b", 4)), team("c", people("c", 4))];
    expect(protectGroups(teams, 3).suppressed.size).toBe(0);
    expect(protectGroups(teams, 4).suppressed.get("a")).toBe("small");
    expect(protectGroups(teams, 4).suppressed.get("b")).toBe("complement");
    expect(describeGroupSize(7)).toContain("fewer than 7 active members");
    expect(describeGroupSize(7)).toContain(TOO_FEW_PEOPLE);
    // 1 turns it off, and the words say so.
    expect(protectGroups(teams, 1).suppressed.size).toBe(0);
    expect(describeGroupSize(1)).toContain("turned the minimum group size off");
  });
});

describe("secondary suppression", () => {
  it("does not count an empty hidden team as cover for a small one", () => {
    const p = protectGroups([team("empty", []), team("small", people("s", 3)), team("big", people("b", 9))], 5);
    expect(p.suppressed.get("empty")).toBe("small");
    expect(p.suppressed.get("small")).toBe("small");
    expect(p.suppressed.get("big")).toBe("complement");
  });

  it("leaves a total alone when only teams of nobody are hidden", () => {
    const p = protectGroups([team("empty", []), team("a", people("a", 5)), team("b", people("b", 6))], 5);
    expect([...p.suppressed]).toEqual([["empty", "small"]]);
  });

  it("counts someone in two hidden teams once", () => {
    const shared = people("p", 3);
    const p = protectGroups([team("a", shared), team("b", shared), team("c", people("c", 8))], 5);
    // a and b are the same three people: together still fewer than 5, so c is hidden too.
    expect(p.suppressed.get("c")).toBe("complement");
  });

  describe("a figure over chosen teams (an intervention's, or every other team)", () => {
    const org = [
      team("a", people("a", 3)),
      team("b", people("b", 3)),
      team("c", people("c", 3)),
      team("big", people("g", 10)),
    ];
    const p = protectGroups(org, 5);

    it("shows three small teams together, and every other team beside them", () => {
      expect([...p.suppressed.keys()].sort()).toEqual(["a", "b", "c"]);
      expect(selectionHiddenBecause(p, ["a", "b", "c"])).toBeNull();
      expect(selectionHiddenBecause(p, ["big"])).toBeNull();
    });

    it("hides a selection of too few people", () => {
      expect(selectionHiddenBecause(p, ["a"])).toBe("small");
      expect(selectionHiddenBecause(p, [])).toBe("small");
    });

    it("hides a selection whose figure and the total give a small hidden team away", () => {
      // Every team but "a": the organisation's figure minus this one is team a's.
      expect(selectionHiddenBecause(p, ["b", "c", "big"])).toBe("complement");
      // "big" and "a": minus big's own (shown) figure, again team a's.
      expect(selectionHiddenBecause(p, ["a", "big"])).toBe("complement");
      // Two of the three hidden teams: six people, but the third (c) is then the rest of their block.
      expect(selectionHiddenBecause(p, ["a", "b", "big"])).toBe("complement");
      expect(selectionHiddenBecause(p, ["a", "b"])).toBe("complement");
    });

    it("checks the totals of value streams with enough people too", () => {
      const q = protectGroups(
        [
          stream("s"),
          team("x", people("x", 3), "s"),
          team("y", people("y", 3), "s"),
          team("z", people("z", 8), "s"),
          team("w", people("w", 6)),
        ],
        5,
      );
      // x and y hidden (6 people together); inside stream s, {z, x} leaves y alone outside.
      expect(selectionHiddenBecause(q, ["z", "x"])).toBe("complement");
      expect(selectionHiddenBecause(q, ["z", "x", "y"])).toBeNull();
    });

    it("shows every team's figure (it is the organisation's), and everything when the rule is off", () => {
      expect(selectionHiddenBecause(p, ["a", "b", "c", "big"])).toBeNull();
      expect(selectionHiddenBecause(protectGroups(org, 1), ["a"])).toBeNull();
    });
  });
});

describe("minimum group size: regions (from review)", () => {
  it("hides a team outside the value streams whose figure with the streams' would give a small team away", () => {
    // Organisation − stream s − X = U, a 2-person team: X must be hidden too, though the organisation's hidden
    // teams (a1, a2, U: 8 people) are enough.
    const p = protectGroups(
      [
        stream("s"),
        team("a1", people("a", 3), "s"),
        team("a2", people("b", 3), "s"),
        team("a3", people("c", 5), "s"),
        team("U", people("u", 2)),
        team("X", people("x", 5)),
      ],
      5,
    );
    expect(p.suppressed.get("X")).toBe("complement");
    expect(p.suppressed.has("a3")).toBe(false);
  });

  it("refuses a selection that passes the organisation's check but splits a region's hidden teams", () => {
    const p = protectGroups(
      [
        stream("s"),
        team("a1", people("a", 3), "s"),
        team("a2", people("b", 3), "s"),
        team("a3", people("c", 5), "s"),
        team("U", people("u", 2)),
        team("V1", people("v", 3)),
        team("V2", people("w", 3)),
        team("X", people("x", 5)),
      ],
      5,
    );
    expect(p.suppressed.has("X")).toBe(false);
    // {a1, a2, U, X} − X − ({a1, a2, a3} − a3) would be U.
    expect(selectionHiddenBecause(p, ["a1", "a2", "U", "X"])).toBe("complement");
    expect(selectionHiddenBecause(p, ["a1", "a2", "a3"])).toBeNull();
    expect(selectionHiddenBecause(p, ["U", "V1", "V2", "X"])).toBeNull();
  });

  it("refuses overlapping selections that could be solved together for one hidden team", () => {
    const p = protectGroups(
      [
        team("a", people("a", 3)),
        team("b", people("b", 3)),
        team("c", people("c", 3)),
        team("d", people("d", 3)),
      ].concat(team("big", people("g", 9))),
      5,
    );
    for (const other of ["b", "c", "d"]) expect(selectionHiddenBecause(p, ["a", other])).toBe("complement");
    expect(selectionHiddenBecause(p, ["a", "b", "c", "d"])).toBeNull();
  });

  it("counts a hidden team with nobody in it as nobody, in a selection or out of it", () => {
    const p = protectGroups(
      [team("empty", []), team("s", people("s", 3)), team("m", people("m", 6)), team("b", people("b", 7))],
      5,
    );
    expect([p.suppressed.get("s"), p.suppressed.get("m")]).toEqual(["small", "complement"]);
    expect(selectionHiddenBecause(p, ["s", "m"])).toBeNull();
    expect(selectionHiddenBecause(p, ["s", "m", "empty"])).toBeNull();
    expect(selectionHiddenBecause(p, ["b", "empty"])).toBeNull();
  });

  it("hides the smallest stream when the teams in no stream cannot be covered otherwise", () => {
    // The only team outside the streams is small; the organisation minus both streams would be its figure.
    const p = protectGroups(
      [
        stream("s1"),
        stream("s2"),
        team("x", people("x", 6), "s1"),
        team("y", people("y", 8), "s2"),
        team("lone", people("l", 2)),
      ],
      5,
    );
    expect(p.suppressed.get("lone")).toBe("small");
    expect(p.hiddenStreams.get("s1")).toBe("complement");
    expect(p.suppressed.get("x")).toBe("complement");
    expect(p.hiddenStreams.has("s2")).toBe(false);
  });
});
