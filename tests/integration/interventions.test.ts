import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createBarrier, getBarrier } from "@/lib/server/data/barriers";
import { createIntervention, getIntervention, interventionFormContext } from "@/lib/server/data/interventions";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { BarrierInput, InterventionInput } from "@/lib/schemas/barriers";
import {
  buildBehaviour,
  buildMember,
  buildObservations,
  buildOrgScenario,
  buildTeam,
  setGroupSize,
} from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";

// A fixed "today" for every before/after window: 2026-10-30.
const NOW = new Date("2026-10-30T08:00:00Z");
const at = (day: string) => new Date(`${day}T12:00:00Z`);

async function scenario() {
  const s = await buildOrgScenario(db());
  // Its teams are of one or two people: these tests are about the method, not the minimum group size.
  await setGroupSize(db(), s.org.id, 1);
  const manager = await contextFor(s.manager.user.id, s.org.id);
  const member = await contextFor(s.member.user.id, s.org.id);
  return { s, manager, member };
}

const barrierInput = (behaviourIds: string[], over: Record<string, unknown> = {}) =>
  BarrierInput.parse({
    title: "Logs are hard to reach",
    description: "Engineers wait a day for log access before they can find a root cause.",
    comB: "PSYCHOLOGICAL_CAPABILITY",
    determinant: "SELF_EFFICACY",
    feasibility: "DIFFICULT",
    impact: "4",
    reach: "4",
    ease: "3",
    behaviourIds,
    teamIds: [],
    ...over,
  });

const interventionInput = (over: Record<string, unknown>) =>
  InterventionInput.parse({
    function: "TRAINING",
    title: "Log search clinic",
    description: "A one-hour clinic on finding a customer's logs.",
    affordabilityScore: "4",
    affordabilityNote: "One hour per engineer",
    practicabilityScore: "5",
    effectivenessScore: "3",
    acceptabilityScore: "4",
    sideEffectsScore: "5",
    equityScore: "4",
    ...over,
  });

describe("planning an intervention", () => {
  it("moves the barrier to planned for a future start and to in progress once it has started", async () => {
    const { s, manager } = await scenario();
    const later = await createBarrier(manager, barrierInput([s.behaviour.id], { title: "Later" }));
    const today = await createBarrier(manager, barrierInput([s.behaviour.id], { title: "Today" }));
    const base = { ownerId: s.leader.membership.id, teamIds: [s.team.id] };

    const planned = await createIntervention(
      manager,
      interventionInput({ ...base, barrierId: later, startDate: "2026-10-31" }),
      NOW,
    );
    expect((await getBarrier(manager, later, NOW)).status).toBe("INTERVENTION_PLANNED");
    await createIntervention(manager, interventionInput({ ...base, barrierId: today, startDate: "2026-10-30" }), NOW);
    expect((await getBarrier(manager, today, NOW)).status).toBe("IN_PROGRESS");
    // A second, already started intervention moves a planned barrier on.
    await createIntervention(
      manager,
      interventionInput({ ...base, barrierId: later, title: "Pairing on logs", startDate: "2026-10-01" }),
      NOW,
    );
    expect((await getBarrier(manager, later, NOW)).status).toBe("IN_PROGRESS");

    const stored = await db().intervention.findUniqueOrThrow({ where: { id: planned }, include: { teams: true } });
    expect(stored.apease).toEqual({
      affordability: { score: 4, note: "One hour per engineer" },
      practicability: { score: 5, note: "" },
      effectiveness: { score: 3, note: "" },
      acceptability: { score: 4, note: "" },
      sideEffects: { score: 5, note: "" },
      equity: { score: 4, note: "" },
    });
    expect([stored.ownerId, stored.teams.map((t) => t.teamId), stored.startDate.toISOString()]).toEqual([
      s.leader.membership.id,
      [s.team.id],
      "2026-10-31T00:00:00.000Z",
    ]);
  });

  it("refuses an owner or team of another organisation, another organisation's barrier and members, writing nothing", async () => {
    const { s, manager, member } = await scenario();
    const other = await buildOrgScenario(db());
    const otherManager = await contextFor(other.manager.user.id, other.org.id);
    const theirs = await createBarrier(otherManager, barrierInput([other.behaviour.id]));
    const ours = await createBarrier(manager, barrierInput([s.behaviour.id]));
    const disabled = await buildMember(db(), s.org.id, "MANAGER");
    await db().membership.update({ where: { id: disabled.membership.id }, data: { status: "DISABLED" } });
    const valueStream = await buildTeam(db(), s.org.id, { kind: "VALUE_STREAM" });
    const base = { barrierId: ours, ownerId: s.manager.membership.id, teamIds: [s.team.id], startDate: "2026-10-01" };
    const before = await dataCounts();

    await expect(
      createIntervention(manager, interventionInput({ ...base, ownerId: other.manager.membership.id }), NOW),
    ).rejects.toMatchObject({ field: "ownerId" });
    await expect(
      createIntervention(manager, interventionInput({ ...base, ownerId: disabled.membership.id }), NOW),
    ).rejects.toMatchObject({ field: "ownerId" });
    await expect(
      createIntervention(manager, interventionInput({ ...base, teamIds: [s.team.id, other.team.id] }), NOW),
    ).rejects.toMatchObject({ field: "teamIds" });
    await expect(
      createIntervention(manager, interventionInput({ ...base, teamIds: [valueStream.id] }), NOW),
    ).rejects.toBeInstanceOf(RuleError);
    await expect(
      createIntervention(manager, interventionInput({ ...base, barrierId: theirs }), NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createIntervention(manager, interventionInput({ ...base, barrierId: "c0000000000000000000000000" }), NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(createIntervention(member, interventionInput(base), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(interventionFormContext(member, ours)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(interventionFormContext(manager, theirs)).rejects.toBeInstanceOf(NotFoundError);

    expect(await dataCounts()).toEqual(before);
    expect((await getBarrier(manager, ours, NOW)).status).toBe("IDENTIFIED");
    expect((await getBarrier(otherManager, theirs, NOW)).status).toBe("IDENTIFIED");
  });

  it("suggests the Behaviour Change Wheel's functions for the barrier's COM-B component", async () => {
    const { s, manager } = await scenario();
    const capability = await createBarrier(manager, barrierInput([s.behaviour.id], { teamIds: [s.team.id] }));
    const automatic = await createBarrier(
      manager,
      barrierInput([s.behaviour.id], { comB: "AUTOMATIC_MOTIVATION", determinant: "CUES_FOR_ACTION" }),
    );
    const social = await createBarrier(
      manager,
      barrierInput([s.behaviour.id], { comB: "SOCIAL_OPPORTUNITY", determinant: "SOCIAL_NORMS" }),
    );

    const form = await interventionFormContext(manager, capability);
    expect(form.barrier).toEqual({
      id: capability,
      title: "Logs are hard to reach",
      comB: "PSYCHOLOGICAL_CAPABILITY",
      teamIds: [s.team.id],
    });
    expect(form.suggested).toEqual(["EDUCATION", "TRAINING", "ENABLEMENT"]);
    expect(form.teams).toEqual([{ id: s.team.id, name: s.team.name }]);
    expect(form.owners.map((o) => o.id).sort()).toEqual(
      [s.admin, s.leader, s.manager, s.member].map((m) => m.membership.id).sort(),
    );
    expect(form.selfId).toBe(s.manager.membership.id);
    expect((await interventionFormContext(manager, automatic)).suggested).toEqual([
      "PERSUASION",
      "INCENTIVISATION",
      "COERCION",
      "ENVIRONMENTAL_RESTRUCTURING",
      "MODELLING",
      "ENABLEMENT",
    ]);
    expect((await interventionFormContext(manager, social)).suggested).toEqual([
      "RESTRICTION",
      "ENVIRONMENTAL_RESTRUCTURING",
      "ENABLEMENT",
    ]);
  });
});

describe("behaviour change techniques", () => {
  it("records the techniques chosen, each once and in taxonomy order, and refuses ids outside BCTTv1", async () => {
    const { s, manager } = await scenario();
    const barrier = await createBarrier(manager, barrierInput([s.behaviour.id]));
    const base = { barrierId: barrier, ownerId: s.leader.membership.id, teamIds: [s.team.id], startDate: "2026-10-30" };
    const id = await createIntervention(
      manager,
      interventionInput({ ...base, techniques: ["8.1", "2.2", "6.1", "2.2"] }),
      NOW,
    );
    expect((await getIntervention(manager, id, NOW)).techniques).toEqual(["2.2", "6.1", "8.1"]);
    // None is fine: the techniques are optional.
    const none = await createIntervention(manager, interventionInput(base), NOW);
    expect((await getIntervention(manager, none, NOW)).techniques).toEqual([]);
    for (const bad of [["17.1"], ["1.10"], ["goal setting"], Array.from({ length: 31 }, () => "1.1")]) {
      const parsed = InterventionInput.safeParse({ ...interventionInput(base), techniques: bad });
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("an intervention's before/after", () => {
  it("compares rolled-out teams with the teams that have not had it yet, over equal windows", async () => {
    const { s, manager, member } = await scenario();
    const other = await buildOrgScenario(db());
    const second = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { title: "Second behaviour" },
    );
    const unlinked = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { title: "Unlinked" },
    );
    const alpha = await buildTeam(db(), s.org.id, { name: "Alpha team" });
    const bravo = await buildTeam(db(), s.org.id, { name: "Bravo team" });
    const charlie = await buildTeam(db(), s.org.id, { name: "Charlie team" });
    const delta = await buildTeam(db(), s.org.id, { name: "Delta team" });
    const barrier = await createBarrier(manager, barrierInput([s.behaviour.id, second.id]));
    // Start 2026-10-19, today 2026-10-30: after = 19th..30th (12 days), before = 7th..18th.
    const id = await createIntervention(
      manager,
      interventionInput({
        barrierId: barrier,
        ownerId: s.leader.membership.id,
        teamIds: [bravo.id, alpha.id],
        startDate: "2026-10-19",
      }),
      NOW,
    );

    const o = (teamId: string, behaviourId: string, day: string, performed: number, missed: number) => ({
      organizationId: s.org.id,
      behaviourId,
      teamId,
      occurredAt: at(day),
      performed,
      missed,
    });
    const b1 = s.behaviour.id;
    await buildObservations(db(), [
      // rolled out, before: 4 of 10
      o(alpha.id, b1, "2026-10-07", 2, 3),
      o(bravo.id, second.id, "2026-10-18", 2, 3),
      // rolled out, after: 9 of 12
      o(alpha.id, b1, "2026-10-19", 5, 1),
      o(bravo.id, b1, "2026-10-30", 4, 2),
      // not yet, before: 5 of 10
      o(charlie.id, b1, "2026-10-10", 3, 2),
      o(delta.id, second.id, "2026-10-12", 2, 3),
      // not yet, after: 6 of 10
      o(charlie.id, b1, "2026-10-25", 3, 2),
      o(delta.id, second.id, "2026-10-28", 3, 2),
      // ignored: before the before window, after today, a behaviour the barrier is not about
      o(alpha.id, b1, "2026-10-06", 0, 10),
      o(charlie.id, b1, "2026-10-06", 10, 0),
      o(alpha.id, b1, "2026-10-31", 0, 10),
      o(alpha.id, unlinked.id, "2026-10-20", 0, 10),
      o(charlie.id, unlinked.id, "2026-10-20", 10, 0),
    ]);
    await buildObservations(db(), [
      {
        organizationId: other.org.id,
        behaviourId: other.behaviour.id,
        teamId: other.team.id,
        occurredAt: at("2026-10-20"),
        performed: 0,
        missed: 30,
      },
    ]);

    const dto = await getIntervention(member, id, NOW); // anyone in the organisation may look
    expect(dto).toMatchObject({
      id,
      title: "Log search clinic",
      function: "TRAINING",
      description: "A one-hour clinic on finding a customer's logs.",
      ownerName: s.leader.user.name,
      startDate: "2026-10-19",
      barrier: { id: barrier, title: "Logs are hard to reach", comB: "PSYCHOLOGICAL_CAPABILITY" },
      behaviourTitles: [s.behaviour.title, "Second behaviour"].sort(),
      windows: {
        before: { from: "2026-10-07", to: "2026-10-18" },
        after: { from: "2026-10-19", to: "2026-10-30" },
        days: 12,
      },
    });
    expect(dto.rolledOut).toEqual({
      teamNames: ["Alpha team", "Bravo team"],
      result: {
        before: { performed: 4, opportunities: 10, rate: 0.4 },
        after: { performed: 9, opportunities: 12, rate: 0.75 },
        changePts: 35,
      },
      suppressed: null,
    });
    expect(dto.comparison).toEqual({
      teamNames: ["Charlie team", "Delta team", s.team.name],
      result: {
        before: { performed: 5, opportunities: 10, rate: 0.5 },
        after: { performed: 6, opportunities: 10, rate: 0.6 },
        changePts: 10,
      },
      suppressed: null,
    });
    expect(dto.differenceInDifferences).toBe(25);
    expect(dto.apease.affordability).toEqual({ score: 4, note: "One hour per engineer" });

    // The barrier page shows the same before/after for the rolled-out teams.
    const shown = (await getBarrier(manager, barrier, NOW)).interventions;
    expect(shown).toEqual([
      {
        interventionId: id,
        title: "Log search clinic",
        startDate: "2026-10-19",
        teamNames: ["Alpha team", "Bravo team"],
        windows: { before: { from: "2026-10-07", to: "2026-10-18" }, after: { from: "2026-10-19", to: "2026-10-30" } },
        result: dto.rolledOut.result,
        suppressed: null,
        problem: null,
      },
    ]);

    // Another organisation sees nothing.
    await expect(
      getIntervention(await contextFor(other.manager.user.id, other.org.id), id, NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("has no windows, results or difference before the intervention starts", async () => {
    const { s, manager } = await scenario();
    const barrier = await createBarrier(manager, barrierInput([s.behaviour.id]));
    const id = await createIntervention(
      manager,
      interventionInput({
        barrierId: barrier,
        ownerId: s.manager.membership.id,
        teamIds: [s.team.id],
        startDate: "2026-11-02",
      }),
      NOW,
    );
    await buildObservations(db(), [
      {
        organizationId: s.org.id,
        behaviourId: s.behaviour.id,
        teamId: s.team.id,
        occurredAt: at("2026-10-28"),
        performed: 5,
        missed: 5,
      },
    ]);
    const dto = await getIntervention(manager, id, NOW);
    expect([dto.windows, dto.rolledOut, dto.comparison, dto.differenceInDifferences]).toEqual([
      null,
      { teamNames: [s.team.name], result: null, suppressed: null },
      { teamNames: [], result: null, suppressed: null },
      null,
    ]);
    const evidence = (await getBarrier(manager, barrier, NOW)).interventions[0]!;
    expect([evidence.windows, evidence.result, evidence.problem]).toEqual([
      null,
      null,
      "No intervention has started yet: adoption after its start is the evidence a barrier was removed.",
    ]);
    // From its start day on, the windows exist (one day each).
    expect((await getIntervention(manager, id, new Date("2026-11-02T09:00:00Z"))).windows).toEqual({
      before: { from: "2026-11-01", to: "2026-11-01" },
      after: { from: "2026-11-02", to: "2026-11-02" },
      days: 1,
    });
  });
});
