import { describe, expect, it } from "vitest";
import { teamHoldings, type TeamCounts } from "@/lib/domain/teams";

const none: TeamCounts = {
  observations: 0,
  members: 0,
  children: 0,
  variants: 0,
  barriers: 0,
  interventions: 0,
  metrics: 0,
  readings: 0,
};

describe("what a team still holds", () => {
  it("is nothing for an empty team", () => {
    expect(teamHoldings(none)).toBeNull();
  });

  it("names each kind with its count, singular or plural, joined as a sentence", () => {
    expect(teamHoldings({ ...none, members: 1 })).toBe("1 member");
    expect(teamHoldings({ ...none, observations: 12, members: 3 })).toBe("12 observations and 3 members");
    expect(teamHoldings({ ...none, observations: 2, children: 1, barriers: 1, readings: 4 })).toBe(
      "2 observations, 1 team, 1 barrier and 4 metric readings",
    );
  });
});
