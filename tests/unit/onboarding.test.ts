import { describe, expect, it } from "vitest";
import { nextStep, onboardingSteps, type OnboardingFacts } from "@/lib/domain/onboarding";

const nothing: OnboardingFacts = {
  values: false,
  behaviours: false,
  teams: false,
  people: false,
  activeBehaviour: false,
  observations: false,
  insight: false,
};

describe("the first-run checklist", () => {
  it("runs in the method's order, from values to the first insight", () => {
    expect(onboardingSteps(nothing).map((s) => s.key)).toEqual([
      "values",
      "behaviours",
      "teams",
      "people",
      "activeBehaviour",
      "observations",
      "insight",
    ]);
  });

  it("ticks each step from the facts and points at the first one still open, even out of order", () => {
    const steps = onboardingSteps({ ...nothing, values: true, teams: true });
    expect(steps.filter((s) => s.done).map((s) => s.key)).toEqual(["values", "teams"]);
    expect(nextStep(steps)).toMatchObject({ key: "behaviours", href: "/catalogue/new" });
  });

  it("has no next step once everything is done", () => {
    const all = Object.fromEntries(Object.keys(nothing).map((k) => [k, true])) as unknown as OnboardingFacts;
    expect(nextStep(onboardingSteps(all))).toBeNull();
  });
});
