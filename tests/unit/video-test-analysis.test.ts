import { describe, expect, it } from "vitest";
import { compileTerms, termKey, videoTest } from "@/lib/domain/video-test";
import { quotedSpans, tokenise, verbForms } from "@/lib/domain/video-test/tokens";
import { BASE } from "./data/video-test-corpus";

describe("video-test tokens", () => {
  it("takes out straight and curly quoted spans, but not apostrophes inside or after words", () => {
    const text = `asks "why?", reads 'the client's back' and ‘Don’t panic’ and “Care” on the customers' board`;
    expect(quotedSpans(text).map(([a, b]) => text.slice(a, b))).toEqual([
      '"why?"',
      "'the client's back'",
      "‘Don’t panic’",
      "“Care”",
    ]);
    expect(tokenise("the customer's Client-Led plan").map((t) => [t.w, t.joined])).toEqual([
      ["the", false],
      ["customer's", false],
      ["client", false],
      ["led", true],
      ["plan", false],
    ]);
  });

  it("leaves an unclosed quote as text (someone is still typing it)", () => {
    expect(quotedSpans("says 'I care about")).toEqual([]);
    expect(videoTest({ ...BASE, action: "says 'I care about" }).passes).toBe(false);
  });

  it("spells out verb forms, regular and irregular", () => {
    expect(verbForms("go")).toEqual(expect.arrayContaining(["goes", "going", "went"]));
    expect(verbForms("instil")).toEqual(expect.arrayContaining(["instils", "instilled", "instilling"]));
    expect(verbForms("try")).toEqual(expect.arrayContaining(["tries", "tried", "trying"]));
    expect(verbForms("nurture")).toEqual(expect.arrayContaining(["nurtures", "nurtured", "nurturing"]));
  });
});

describe("the video test's findings", () => {
  it("names the words as written and the kind, one finding per phrase", () => {
    const r = videoTest({ ...BASE, action: "Goes the Extra Mile, then raises NPS" });
    expect(r.findings.map((f) => [f.field, f.kind, f.words])).toEqual([
      ["action", "idiom", ["Extra Mile"]],
      ["action", "outcome", ["raises NPS"]],
    ]);
    expect(videoTest({ ...BASE, action: "is approachable" }).findings).toEqual([
      expect.objectContaining({ kind: "state", words: ["is approachable"] }),
    ]);
    expect(videoTest({ ...BASE, actor: "Anybody on the floor" }).findings).toEqual([
      expect.objectContaining({ kind: "diffuse-actor", words: ["Anybody on the floor"] }),
    ]);
    expect(videoTest({ ...BASE, completionCriterion: "The team is aligned" }).findings).toEqual([
      expect.objectContaining({ kind: "weak-evidence", words: ["team is aligned"] }),
    ]);
  });

  it("flags a label however it is written, and passes it inside quotes", () => {
    for (const action of ["is client-led", "is client led", "is Client-Led", "is clientled"])
      expect(
        videoTest({ ...BASE, action }).findings.map((f) => f.kind),
        action,
      ).toContain("label");
    expect(videoTest({ ...BASE, action: "ticks the 'client-led' box on the form" }).passes).toBe(true);
  });
});

describe("an organisation's own terms", () => {
  const terms = [{ term: "customer-obsessed", suggestion: "Say what is done for the customer, and when." }];

  it("match ignoring case, hyphens and spacing, with the organisation's suggestion", () => {
    for (const action of [
      "acts Customer Obsessed",
      "acts customer-obsessed",
      "acts customerobsessed",
      "acts CUSTOMER  obsessed",
    ]) {
      const r = videoTest({ ...BASE, action }, terms);
      expect(r.findings, action).toEqual([
        expect.objectContaining({
          field: "action",
          kind: "org-term",
          suggestion: "Say what is done for the customer, and when.",
        }),
      ]);
    }
    expect(termKey("Customer-Obsessed")).toBe(termKey("customer obsessed"));
  });

  it("are not flagged inside quotes, nor as part of a longer word, nor without the terms", () => {
    expect(videoTest({ ...BASE, action: "fills in the 'customer obsessed' field" }, terms).passes).toBe(true);
    expect(videoTest({ ...BASE, action: "synergy" }).findings.map((f) => f.kind)).not.toContain("org-term");
    const synergy = compileTerms([{ term: "synergy" }]);
    expect(videoTest({ ...BASE, action: "posts the synergystic plan" }, synergy).passes).toBe(true);
    expect(videoTest({ ...BASE, title: "Synergy at every handover" }, synergy).findings).toEqual([
      expect.objectContaining({ field: "title", kind: "org-term", words: ["Synergy"] }),
    ]);
  });
});
