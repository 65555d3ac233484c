// Issue 18 §4: interventions counted by behaviour change technique, each with its own before/after
// comparison, for the organisation asking only.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createBarrier } from "@/lib/server/data/barriers";
import { createIntervention } from "@/lib/server/data/interventions";
import { interventionReport } from "@/lib/server/data/intervention-report";
import { BarrierInput, InterventionInput } from "@/lib/schemas/barriers";
import { buildObservations, buildOrgScenario, buildTeam, setGroupSize } from "../factories";
import { contextFor } from "./support/context";

// Today is 2026-10-30; an intervention starting on the 19th compares the 19th–30th with the 7th–18th.
const NOW = new Date("2026-10-30T08:00:00Z");
const at = (day: string) => new Date(`${day}T12:00:00Z`);

const barrierInput = (behaviourIds: string[]) =>
  BarrierInput.parse({
    title: "No reminder at the moment of closing",
    description: "People forget to ask for confirmation when the queue is long.",
    comB: "PHYSICAL_OPPORTUNITY",
    determinant: "CUES_FOR_ACTION",
    feasibility: "DIFFICULT",
    impact: "4",
    reach: "4",
    ease: "4",
    behaviourIds,
    teamIds: [],
  });

const interventionInput = (over: Record<string, unknown>) =>
  InterventionInput.parse({
    function: "ENVIRONMENTAL_RESTRUCTURING",
    title: "A prompt in the close dialog",
    description: "",
    affordabilityScore: "4",
    practicabilityScore: "4",
    effectivenessScore: "4",
    acceptabilityScore: "4",
    sideEffectsScore: "4",
    equityScore: "4",
    ...over,
  });

describe("the interventions report", () => {
  it("counts each organisation's interventions by technique, with each one's adoption before and since", async () => {
    const s = await buildOrgScenario(db());
    const other = await buildOrgScenario(db());
    // Teams of one or two people: this test is about the report, not the minimum group size.
    await setGroupSize(db(), s.org.id, 1);
    const manager = await contextFor(s.manager.user.id, s.org.id);
    const member = await contextFor(s.member.user.id, s.org.id);
    const theirs = await contextFor(other.manager.user.id, other.org.id);
    const alpha = await buildTeam(db(), s.org.id, { name: "Alpha" });
    const bravo = await buildTeam(db(), s.org.id, { name: "Bravo" });
    const barrier = await createBarrier(manager, barrierInput([s.behaviour.id]));
    const plan = (title: string, teamId: string, techniques: string[], startDate: string) =>
      createIntervention(
        manager,
        interventionInput({
          barrierId: barrier,
          ownerId: s.manager.membership.id,
          teamIds: [teamId],
          title,
          techniques,
          startDate,
        }),
        NOW,
      );
    const prompt = await plan("Prompt in the close dialog", alpha.id, ["7.1", "1.4"], "2026-10-19");
    const poster = await plan("Poster by the desks", bravo.id, ["7.1"], "2026-10-19");
    const later = await plan("Coaching next month", alpha.id, ["2.2"], "2026-11-20");
    const bare = await plan("Untagged", bravo.id, [], "2026-10-19");
    const o = (teamId: string, day: string, performed: number, missed: number) => ({
      organizationId: s.org.id,
      behaviourId: s.behaviour.id,
      teamId,
      occurredAt: at(day),
      performed,
      missed,
    });
    await buildObservations(db(), [
      o(alpha.id, "2026-10-10", 3, 7), // Alpha before: 3 of 10
      o(alpha.id, "2026-10-22", 8, 2), // Alpha since: 8 of 10 → +50 points
      o(bravo.id, "2026-10-12", 6, 4), // Bravo before: 6 of 10
      o(bravo.id, "2026-10-25", 5, 5), // Bravo since: 5 of 10 → −10 points
    ]);
    // Another organisation's intervention with the same technique stays out.
    const theirBarrier = await createBarrier(theirs, barrierInput([other.behaviour.id]));
    await createIntervention(
      theirs,
      interventionInput({
        barrierId: theirBarrier,
        ownerId: other.manager.membership.id,
        teamIds: [other.team.id],
        techniques: ["7.1"],
        startDate: "2026-10-19",
      }),
      NOW,
    );

    const { report, interventions } = await interventionReport(member, NOW);
    expect(interventions.map((i) => i.id).sort()).toEqual([prompt, poster, later, bare].sort());
    expect(interventions[0]!.id).toBe(later); // newest start first
    expect(interventions.find((i) => i.id === later)!.result).toBeNull();
    expect(interventions.find((i) => i.id === prompt)!.result!.changePts).toBe(50);
    expect(report.total).toBe(4);
    expect(report.untagged).toBe(1);
    expect(report.rows.map((r) => [r.id, r.interventions])).toEqual([
      ["7.1", 2],
      ["1.4", 1],
      ["2.2", 1],
    ]);
    const prompts = report.rows.find((r) => r.id === "7.1")!;
    // Median of +50 and −10 is +20; pooled before 9 of 20, since 13 of 20.
    expect(prompts).toMatchObject({ measured: 2, rose: 1, fell: 1, medianChangePts: 20 });
    expect(prompts.pooledBefore).toMatchObject({ performed: 9, opportunities: 20 });
    expect(prompts.pooledAfter).toMatchObject({ performed: 13, opportunities: 20 });
    expect(report.rows.find((r) => r.id === "2.2")).toMatchObject({ measured: 0, medianChangePts: null });
  });
});
