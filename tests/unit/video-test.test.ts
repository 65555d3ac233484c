import { describe, expect, it } from "vitest";
import type { VideoTestText } from "@/lib/domain/behaviour";
import { videoTest } from "@/lib/domain/video-test";
import { NORTHWIND, SECOND_ORG } from "@/lib/demo/demo-orgs";

const GOOD: VideoTestText = {
  title: "Root cause on the ticket within 24 h",
  actor: "The on-call engineer",
  action: "posts the root cause and next step on the customer's ticket",
  trigger: "When a customer reports a defect",
  frequency: "within 24 hours",
  completionCriterion: "A comment headed 'Root cause' with a named next step is visible on the ticket",
};

/** The good behaviour with one action phrase swapped in. */
const withAction = (action: string) => videoTest({ ...GOOD, action });

describe("the automatic video test", () => {
  it("passes the canonical example", () => {
    expect(videoTest(GOOD)).toEqual({ passes: true, findings: [] });
  });

  it("passes every seeded behaviour", () => {
    const all = [...NORTHWIND.values, ...SECOND_ORG.values].flatMap((v) => v.behaviours);
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const b of all)
      expect({ title: b.title, findings: videoTest(b).findings }).toEqual({ title: b.title, findings: [] });
  });

  it("fails 'Be customer-centric' with at least three findings, naming the words", () => {
    const r = videoTest({
      title: "Be customer-centric",
      actor: "",
      action: "Be customer-centric",
      trigger: "",
      frequency: "",
      completionCriterion: "",
    });
    expect(r.passes).toBe(false);
    expect(r.findings.length).toBeGreaterThanOrEqual(3);
    expect(r.findings.flatMap((f) => f.words)).toContain("customer-centric");
    expect(
      r.findings
        .filter((f) => f.kind === "missing")
        .map((f) => f.field)
        .sort(),
    ).toEqual(["actor", "completionCriterion", "frequency", "trigger"]);
    for (const f of r.findings) expect(f.suggestion.length).toBeGreaterThan(10);
  });

  // Attitudes and states nobody could film, each flagged with the words as written.
  it.each([
    ["understands the customer's needs", "understands"],
    ["builds a deep understanding of the domain", "understanding"],
    ["is aware of open incidents", "is aware"],
    ["becomes aware of customer pain", "becomes aware"],
    ["cares about the customer", "cares about"],
    ["believes in quality", "believes"],
    ["shows empathy to callers", "empathy"],
    ["empathises with frustrated users", "empathises"],
    ["is proactive about risks", "proactive"],
    ["proactively fixes bugs", "proactively"],
    ["acts in a customer-focused way", "customer-focused"],
    ["stays customer first", "customer first"],
    ["thinks about the user journey", "thinks about"],
    ["feels responsible for the outcome", "feels"],
    ["ensures tickets are answered", "ensures"],
    ["makes sure the release is stable", "makes sure"],
    ["strives for excellent service", "strives"],
    ["tries to reply the same day", "tries to"],
    ["knows the top customer issues", "knows"],
    ["values customer feedback", "values customer"],
    ["has a growth mindset", "mindset"],
    ["considers the customer impact", "considers"],
    ["keeps in mind the customer's budget", "keeps in mind"],
  ])("flags %j", (action, word) => {
    const r = withAction(action);
    expect(r.passes).toBe(false);
    expect(r.findings.filter((f) => f.field === "action" && f.kind !== "missing").flatMap((f) => f.words)).toContain(
      word,
    );
  });

  it.each([
    ["regularly"],
    ["often"],
    ["when possible"],
    ["as needed"],
    ["in a timely manner"],
    ["as soon as possible"],
    ["from time to time"],
    ["promptly"],
  ])("flags the unmeasurable frequency %j", (frequency) => {
    const r = videoTest({ ...GOOD, frequency });
    expect(r.passes).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({ field: "frequency", kind: "vague-frequency", words: [frequency] }),
    ]);
  });

  it.each([
    ["within 24 hours"],
    ["every sprint review"],
    ["each Monday before 10:00"],
    ["before the release is approved"],
    ["within 2 working days"],
    ["every time"],
  ])("accepts the checkable frequency %j", (frequency) => expect(videoTest({ ...GOOD, frequency }).passes).toBe(true));

  it.each([
    ["writes the customer's goal in their own words on the ticket"],
    ["calls the customer back and records the call in the CRM"],
    ["demos the shipped feature with one usage number"],
    ["adds a reviewer from each affected team to the pull request"],
    ["reads one customer quote aloud at the start of planning"],
    ["asks the customer to confirm the fix and logs the reply"],
  ])("passes the observable action %j", (action) => expect(withAction(action).passes).toBe(true));

  it.each([["We"], ["everyone"], ["All staff"], ["people"]])("flags the diffuse actor %j", (actor) => {
    expect(videoTest({ ...GOOD, actor }).findings).toEqual([
      expect.objectContaining({ field: "actor", kind: "diffuse-actor" }),
    ]);
  });

  it("reports every missing part once, and ignores a missing title", () => {
    const r = videoTest({ actor: " ", action: "", trigger: "", frequency: "", completionCriterion: "" });
    expect(r.findings.map((f) => f.field)).toEqual(["actor", "action", "trigger", "frequency", "completionCriterion"]);
  });

  it("checks the title, trigger and completion criterion too, and is case-insensitive", () => {
    expect(videoTest({ ...GOOD, title: "Be Proactive" }).findings).toEqual([
      expect.objectContaining({ field: "title", words: ["Proactive"] }),
    ]);
    expect(videoTest({ ...GOOD, trigger: "Whenever we feel a customer is unhappy" }).findings[0]).toMatchObject({
      field: "trigger",
      words: ["feel"],
    });
    expect(videoTest({ ...GOOD, completionCriterion: "The customer understands the fix" }).findings[0]).toMatchObject({
      field: "completionCriterion",
      words: ["understands"],
    });
  });

  it("does not flag words that merely contain a flagged word", () => {
    // "knowledge base", "feedback", "thinkpad", "careful": only whole words are flagged.
    expect(withAction("links the knowledge base article on the ticket").passes).toBe(true);
    expect(withAction("posts the feedback summary in the channel").passes).toBe(true);
    expect(withAction("labels the careful-handling flag on the order").passes).toBe(true);
  });

  it("is deterministic", () => {
    const text = { ...GOOD, action: "understands and feels and ensures" };
    expect(videoTest(text)).toEqual(videoTest(text));
  });
});
