import { describe, expect, it } from "vitest";
import { adoption, formatRate, MIN_OPPORTUNITIES } from "@/lib/domain/adoption";
import { priorityScore } from "@/lib/domain/barriers";
import { behaviourSentence } from "@/lib/domain/behaviour";

describe("adoption rate", () => {
  it("is performed over opportunities (performed + missed)", () => {
    expect(adoption({ performed: 9, missed: 3 })).toEqual({ performed: 9, opportunities: 12, rate: 0.75 });
  });
  it("says 'not enough data' below the minimum instead of a misleading 0% or 100%", () => {
    expect(MIN_OPPORTUNITIES).toBe(5);
    expect(adoption({ performed: 4, missed: 0 }).rate).toBeNull();
    expect(adoption({ performed: 0, missed: 0 }).rate).toBeNull();
    expect(adoption({ performed: 5, missed: 0 }).rate).toBe(1);
    expect(formatRate(null)).toBe("not enough data");
    expect(formatRate(0.666)).toBe("67%");
  });
});

describe("barrier priority", () => {
  it("multiplies impact, reach and ease", () => {
    expect(priorityScore({ impact: 5, reach: 4, ease: 3 })).toBe(60);
    expect(priorityScore({ impact: 1, reach: 1, ease: 1 })).toBe(1);
    expect(priorityScore({ impact: 5, reach: 5, ease: 5 })).toBe(125);
  });
  it("rejects scores outside 1–5", () => {
    expect(() => priorityScore({ impact: 0, reach: 1, ease: 1 })).toThrow(RangeError);
    expect(() => priorityScore({ impact: 6, reach: 1, ease: 1 })).toThrow(RangeError);
    expect(() => priorityScore({ impact: 2.5, reach: 1, ease: 1 })).toThrow(RangeError);
  });
});

describe("behaviour sentence", () => {
  it("reads trigger, actor, action and deadline as one sentence", () => {
    expect(
      behaviourSentence({
        trigger: "When a customer reports a defect",
        actor: "The on-call engineer",
        action: "posts the root cause and next step on the customer's ticket",
        frequency: "within 24 hours.",
      }),
    ).toBe(
      "When a customer reports a defect, the on-call engineer posts the root cause and next step on the customer's ticket within 24 hours.",
    );
  });
  it("keeps names as written and copes with missing parts", () => {
    expect(
      behaviourSentence({
        trigger: "At every sprint review",
        actor: "QA",
        action: "demos one customer journey",
        frequency: "",
      }),
    ).toBe("At every sprint review, QA demos one customer journey.");
    expect(
      behaviourSentence({
        trigger: "",
        actor: "the product owner",
        action: "calls a customer",
        frequency: "each week",
      }),
    ).toBe("The product owner calls a customer each week.");
    expect(behaviourSentence({ trigger: " ", actor: "", action: "", frequency: "" })).toBe("");
  });
});
