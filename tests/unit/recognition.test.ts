import { describe, expect, it } from "vitest";
import {
  blockingErrors,
  contentWords,
  protectTeams,
  shareOf,
  specificityCheck,
  withinUndoWindow,
  UNDO_WINDOW_MINUTES,
} from "@/lib/domain/recognition";
import { DEMO_RECOGNITIONS } from "@/lib/demo/demo-rituals";

const GOOD = {
  act: "Mia called the logistics customer to check the nightly export before closing ticket 4821.",
  customerEffect: "The customer found a second failing file while on the call; it was fixed the same day.",
};

const kinds = (r: ReturnType<typeof specificityCheck>, field: "act" | "customerEffect") =>
  r.hints.filter((h) => h.field === field).map((h) => h.kind);

describe("specificityCheck: the act must name what was done", () => {
  it("passes a recognition that names the act, the customer and the effect (Northwind's first)", () => {
    expect(specificityCheck(GOOD)).toEqual({ specific: true, canSave: true, hints: [] });
  });

  it.each([
    "Great job!",
    "great job 👏👏",
    "Thanks for everything",
    "Thank you so much for all your help!!",
    "Awesome work, legend",
    "Legend",
    "You rock, superstar",
    "Well done team, keep it up",
    "🙏🎉",
    "🔥",
    "Kudos!! Best team ever",
    "Huge shout-out, you're the best",
  ])("blocks the praise-only act %j", (act) => {
    const r = specificityCheck({ ...GOOD, act });
    expect(r.canSave).toBe(false);
    expect(kinds(r, "act")).toEqual(["praise-only"]);
    expect(blockingErrors({ ...GOOD, act }).act).toMatch(/^(Thanks and praise say how you feel|Too little)/);
  });

  it("names the praise words it found, as written", () => {
    const [hint] = specificityCheck({ ...GOOD, act: "Great job, thanks!" }).hints;
    expect(hint!.words).toEqual(["Great", "thanks"]);
    expect(hint!.message).toBe("Thanks and praise say how you feel, not what they did.");
  });

  it("keeps the act once praise comes with an act: praise is welcome beside the facts", () => {
    const act = "Great job! Yuki took ownership of five payment-failure tickets within the hour.";
    expect(contentWords(act)).toEqual([
      "yuki",
      "took",
      "ownership",
      "five",
      "payment",
      "failure",
      "tickets",
      "within",
      "hour",
    ]);
    expect(specificityCheck({ ...GOOD, act })).toMatchObject({ canSave: true, specific: true });
  });

  it("blocks an empty act and a too-thin one ('Fixed it' names nothing)", () => {
    expect(kinds(specificityCheck({ ...GOOD, act: "  " }), "act")).toEqual(["empty"]);
    const thin = specificityCheck({ ...GOOD, act: "Fixed it" });
    expect(thin.canSave).toBe(false);
    expect(thin.hints[0]!.message).toBe("Too little to picture the act.");
  });

  it("warns, without blocking, about a short act and vague words", () => {
    const r = specificityCheck({ ...GOOD, act: "Sam handled everything brilliantly" });
    expect(r.canSave).toBe(true);
    expect(kinds(r, "act")).toEqual(["vague", "too-short"]);
    expect(r.hints[0]!.words).toEqual(["everything"]);
    expect(
      kinds(specificityCheck({ ...GOOD, act: "Priya went above and beyond on the Acme renewal call" }), "act"),
    ).toEqual(["vague"]);
  });
});

describe("specificityCheck: the customer effect must say which customer and what changed", () => {
  it("blocks an empty or praise-only effect", () => {
    expect(kinds(specificityCheck({ ...GOOD, customerEffect: "" }), "customerEffect")).toEqual(["empty"]);
    const r = specificityCheck({ ...GOOD, customerEffect: "Amazing, thanks!" });
    expect(r.canSave).toBe(false);
    expect(r.hints[0]!.message).toBe("Praise is not an effect on a customer.");
  });

  it("warns when no customer is named (Northwind: 'Reopened tickets fell from nine to two.')", () => {
    const r = specificityCheck({ ...GOOD, customerEffect: "Reopened tickets fell from nine to two." });
    expect(r.canSave).toBe(true);
    expect(kinds(r, "customerEffect")).toEqual(["no-customer"]);
  });

  it("accepts a named customer instead of the word 'customer'", () => {
    expect(
      kinds(specificityCheck({ ...GOOD, customerEffect: "Acme renewed for two years." }), "customerEffect"),
    ).toEqual([]);
    expect(
      kinds(specificityCheck({ ...GOOD, customerEffect: "Then Acme renewed for two years." }), "customerEffect"),
    ).toEqual([]);
  });

  it("warns when no change is said", () => {
    const r = specificityCheck({ ...GOOD, customerEffect: "The customer was happy with the service." });
    expect(kinds(r, "customerEffect")).toEqual(["no-change"]);
    expect(r.canSave).toBe(true);
  });

  it("lets every recognition of the Northwind demo be saved", () => {
    for (const d of DEMO_RECOGNITIONS)
      expect(specificityCheck({ act: d.act, customerEffect: d.effect }).canSave, d.act).toBe(true);
  });
});

describe("the giver's undo window", () => {
  const given = new Date("2026-12-01T10:00:00Z");
  it(`is ${UNDO_WINDOW_MINUTES} minutes, both ends included`, () => {
    expect(withinUndoWindow(given, new Date("2026-12-01T10:00:00Z"))).toBe(true);
    expect(withinUndoWindow(given, new Date("2026-12-01T11:00:00Z"))).toBe(true);
    expect(withinUndoWindow(given, new Date("2026-12-01T11:00:00.001Z"))).toBe(false);
  });
});

describe("small-team protection", () => {
  it("hides the figures of the teams the minimum group size hides, with why, and keeps the rest", () => {
    const rows = protectTeams(
      [
        { teamId: "a", name: "Four", people: 4, received: 3 },
        { teamId: "b", name: "Five", people: 5, received: 1 },
        { teamId: "c", name: "Six", people: 6, received: 2 },
      ],
      new Map([
        ["a", "small"],
        ["b", "complement"],
      ] as const),
    );
    expect(rows).toEqual([
      { teamId: "a", name: "Four", people: 4, hidden: true, reason: "small" },
      { teamId: "b", name: "Five", people: 5, hidden: true, reason: "complement" },
      { teamId: "c", name: "Six", people: 6, received: 2, hidden: false },
    ]);
  });

  it("shares of nobody are null, not 0%", () => {
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(3, 12)).toBe(0.25);
  });
});
