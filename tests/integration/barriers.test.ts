import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  barrierForEdit,
  barrierOptions,
  changeBarrierStatus,
  createBarrier,
  getBarrier,
  listBarriers,
  missedNotes,
  updateBarrier,
} from "@/lib/server/data/barriers";
import { createIntervention } from "@/lib/server/data/interventions";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { BarrierInput, InterventionInput } from "@/lib/schemas/barriers";
import { buildBehaviour, buildObservations, buildOrgScenario, buildTeam, setGroupSize } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";

// A fixed "today" for every before/after window: 2026-10-30.
const NOW = new Date("2026-10-30T12:00:00Z");
const at = (day: string) => new Date(`${day}T12:00:00Z`);

async function scenario() {
  const s = await buildOrgScenario(db());
  // Its teams are of one or two people: these tests are about the method, not the minimum group size.
  await setGroupSize(db(), s.org.id, 1);
  const manager = await contextFor(s.manager.user.id, s.org.id);
  const member = await contextFor(s.member.user.id, s.org.id);
  return { s, manager, member };
}

const input = (ids: { behaviourIds: string[]; teamIds?: string[] }, over: Record<string, unknown> = {}) =>
  BarrierInput.parse({
    title: "No staging environment",
    description: "Engineers cannot reproduce a defect before they answer the customer.",
    evidence: "Three retros in a row named it.",
    comB: "PHYSICAL_OPPORTUNITY",
    determinant: "ACCESS",
    feasibility: "DIFFICULT",
    impact: "4",
    reach: "3",
    ease: "2",
    teamIds: [],
    ...ids,
    ...over,
  });

const interventionInput = (over: Record<string, unknown>) =>
  InterventionInput.parse({
    function: "ENABLEMENT",
    title: "Shared staging for every team",
    description: "",
    affordabilityScore: "3",
    practicabilityScore: "4",
    effectivenessScore: "4",
    acceptabilityScore: "5",
    sideEffectsScore: "5",
    equityScore: "4",
    ...over,
  });

describe("recording barriers", () => {
  it("lets a manager classify and score barriers, listed by impact × reach × ease with unscored ones last", async () => {
    const { s, manager, member } = await scenario();
    const second = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { title: "Answer within a day" },
    );
    const team2 = await buildTeam(db(), s.org.id, { name: "Zulu team" });
    const teamA = await buildTeam(db(), s.org.id, { name: "Alpha team" });

    const high = await createBarrier(
      manager,
      input(
        { behaviourIds: [s.behaviour.id, second.id], teamIds: [team2.id, teamA.id] },
        { title: "High", comB: "SOCIAL_OPPORTUNITY", determinant: "SOCIAL_NORMS", impact: "5", reach: "4", ease: "3" },
      ),
    );
    await createBarrier(
      manager,
      input({ behaviourIds: [s.behaviour.id] }, { title: "Low", impact: 2, reach: 2, ease: 2 }),
    );
    await createBarrier(
      manager,
      input({ behaviourIds: [second.id] }, { title: "Also low", impact: "1", reach: "2", ease: "4" }),
    );
    await createBarrier(member, input({ behaviourIds: [s.behaviour.id] }, { title: "A proposal" }));
    await createBarrier(
      manager,
      input({ behaviourIds: [s.behaviour.id] }, { title: "Not scored yet", impact: "", reach: "", ease: "" }),
    );

    const rows = await listBarriers(manager);
    expect(rows.map((r) => [r.title, r.priority])).toEqual([
      ["High", 60],
      ["Also low", 8],
      ["Low", 8],
      ["A proposal", null],
      ["Not scored yet", null],
    ]);
    expect(rows[0]).toEqual({
      id: high,
      title: "High",
      description: "Engineers cannot reproduce a defect before they answer the customer.",
      comB: "SOCIAL_OPPORTUNITY",
      determinant: "SOCIAL_NORMS",
      feasibility: "DIFFICULT",
      status: "IDENTIFIED",
      impact: 5,
      reach: 4,
      ease: 3,
      priority: 60,
      behaviourTitles: ["Answer within a day", s.behaviour.title],
      teamNames: ["Alpha team", "Zulu team"],
      behaviourIds: [second.id, s.behaviour.id],
      teamIds: [teamA.id, team2.id],
      fromSurvey: false,
    });
    // Everyone in the organisation sees the register; a filter by behaviour keeps that behaviour's.
    expect((await listBarriers(member)).map((r) => r.title)).toEqual(rows.map((r) => r.title));
    expect((await listBarriers(manager, { behaviourId: second.id })).map((r) => r.title)).toEqual(["High", "Also low"]);

    const detail = await getBarrier(member, high);
    expect(detail).toMatchObject({
      title: "High",
      evidence: "Three retros in a row named it.",
      status: "IDENTIFIED",
      priority: 60,
      createdByName: s.manager.user.name,
      behaviours: [
        { id: second.id, title: "Answer within a day" },
        { id: s.behaviour.id, title: s.behaviour.title },
      ],
      teams: [
        { id: teamA.id, name: "Alpha team" },
        { id: team2.id, name: "Zulu team" },
      ],
      survey: null,
      statistics: null,
      removalEvidence: null,
      interventions: [],
    });

    const form = await barrierForEdit(manager, high);
    expect(form.values).toEqual({
      title: "High",
      description: "Engineers cannot reproduce a defect before they answer the customer.",
      evidence: "Three retros in a row named it.",
      comB: "SOCIAL_OPPORTUNITY",
      determinant: "SOCIAL_NORMS",
      feasibility: "DIFFICULT",
      impact: "5",
      reach: "4",
      ease: "3",
      behaviourIds: [second.id, s.behaviour.id],
      teamIds: [teamA.id, team2.id],
    });
    expect(form.version).toBe(1);

    const options = await barrierOptions(member);
    expect(options.behaviours.map((b) => b.name)).toEqual(["Answer within a day", s.behaviour.title]);
    expect(options.teams.map((t) => t.name)).toEqual(["Alpha team", s.team.name, "Zulu team"].sort());
  });

  it("lets a member propose a barrier, unscored whatever the request said, and nothing more", async () => {
    const { s, manager, member } = await scenario();
    const id = await createBarrier(
      member,
      input({ behaviourIds: [s.behaviour.id] }, { title: "Proposal", impact: "5", reach: "5", ease: "5" }),
    );
    const stored = await db().barrier.findUniqueOrThrow({ where: { id } });
    expect([stored.impact, stored.reach, stored.ease, stored.createdById]).toEqual([
      null,
      null,
      null,
      s.member.membership.id,
    ]);
    expect((await listBarriers(member)).map((r) => [r.title, r.priority])).toEqual([["Proposal", null]]);
    expect((await getBarrier(manager, id)).priority).toBeNull();

    const before = await dataCounts();
    const { version } = await barrierForEdit(manager, id);
    await expect(
      updateBarrier(member, id, version, input({ behaviourIds: [s.behaviour.id] }, { title: "Hijacked" })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeBarrierStatus(member, id, "ACCEPTED", NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(barrierForEdit(member, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await dataCounts()).toEqual(before);
    expect(await db().barrier.findUniqueOrThrow({ where: { id } })).toEqual(stored);

    // A manager then scores it; only then does it have a priority.
    await updateBarrier(
      manager,
      id,
      version,
      input({ behaviourIds: [s.behaviour.id] }, { title: "Proposal", impact: "2", reach: "3", ease: "4" }),
    );
    expect((await listBarriers(member)).map((r) => [r.title, r.priority])).toEqual([["Proposal", 24]]);
  });

  it("refuses behaviours and teams of another organisation, writing nothing", async () => {
    const { s, manager, member } = await scenario();
    const other = await buildOrgScenario(db());
    const valueStream = await buildTeam(db(), s.org.id, { name: "A value stream", kind: "VALUE_STREAM" });
    const id = await createBarrier(manager, input({ behaviourIds: [s.behaviour.id], teamIds: [s.team.id] }));
    const { version } = await barrierForEdit(manager, id);
    const before = await dataCounts();

    // Thunks: each call starts only when awaited, so no rejection goes unhandled.
    const refusals = [
      [() => createBarrier(manager, input({ behaviourIds: [s.behaviour.id, other.behaviour.id] })), "behaviourIds"],
      [() => createBarrier(member, input({ behaviourIds: [other.behaviour.id] })), "behaviourIds"],
      [
        () => createBarrier(manager, input({ behaviourIds: [s.behaviour.id], teamIds: [s.team.id, other.team.id] })),
        "teamIds",
      ],
      [() => createBarrier(manager, input({ behaviourIds: [s.behaviour.id], teamIds: [valueStream.id] })), "teamIds"],
      [
        () => updateBarrier(manager, id, version, input({ behaviourIds: [other.behaviour.id], teamIds: [s.team.id] })),
        "behaviourIds",
      ],
      [
        () => updateBarrier(manager, id, version, input({ behaviourIds: [s.behaviour.id], teamIds: [other.team.id] })),
        "teamIds",
      ],
    ] as const;
    for (const [call, field] of refusals) {
      const err = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(RuleError);
      expect((err as RuleError).field).toBe(field);
    }
    expect(await dataCounts()).toEqual(before);
    expect((await getBarrier(manager, id)).teams).toEqual([{ id: s.team.id, name: s.team.name }]);
  });

  it("treats another organisation's barrier exactly like one that does not exist", async () => {
    const { s, manager } = await scenario();
    const b = await buildOrgScenario(db());
    const bManager = await contextFor(b.manager.user.id, b.org.id);
    const theirs = await createBarrier(bManager, input({ behaviourIds: [b.behaviour.id] }, { title: "Their barrier" }));
    await createBarrier(manager, input({ behaviourIds: [s.behaviour.id] }, { title: "Our barrier" }));
    const { version } = await barrierForEdit(bManager, theirs);
    const stored = await db().barrier.findUniqueOrThrow({ where: { id: theirs } });
    const before = await dataCounts();

    for (const id of [theirs, "c0000000000000000000000000"]) {
      await expect(getBarrier(manager, id, NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(barrierForEdit(manager, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        updateBarrier(manager, id, version, input({ behaviourIds: [s.behaviour.id] }, { title: "Taken over" })),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(changeBarrierStatus(manager, id, "ACCEPTED", NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getBarrier(manager, id, NOW)).rejects.toThrow("Not found");
    }
    expect(await dataCounts()).toEqual(before);
    expect(await db().barrier.findUniqueOrThrow({ where: { id: theirs } })).toEqual(stored);
    expect((await listBarriers(manager)).map((r) => r.title)).toEqual(["Our barrier"]);
    expect(JSON.stringify(await listBarriers(manager))).not.toContain(theirs);
  });

  it("keeps the first of two saves made from the same version and refuses the stale one", async () => {
    const { s, manager } = await scenario();
    const leader = await contextFor(s.leader.user.id, s.org.id);
    const team2 = await buildTeam(db(), s.org.id, { name: "Second team" });
    const id = await createBarrier(
      manager,
      input({ behaviourIds: [s.behaviour.id], teamIds: [s.team.id] }, { title: "Original" }),
    );
    const opened = (await barrierForEdit(manager, id)).version;
    expect((await barrierForEdit(leader, id)).version).toBe(opened);

    await updateBarrier(
      manager,
      id,
      opened,
      input({ behaviourIds: [s.behaviour.id], teamIds: [s.team.id] }, { title: "First save", impact: "5" }),
    );
    const afterFirst = await dataCounts();
    const stale = updateBarrier(
      leader,
      id,
      opened,
      input({ behaviourIds: [s.behaviour.id], teamIds: [team2.id] }, { title: "Second save", impact: "1" }),
    );
    await expect(stale).rejects.toBeInstanceOf(RuleError);
    await expect(stale).rejects.toThrow(/Someone else saved this barrier/);
    expect(await dataCounts()).toEqual(afterFirst);

    const now = await getBarrier(manager, id);
    expect([now.title, now.impact, now.teams]).toEqual(["First save", 5, [{ id: s.team.id, name: s.team.name }]]);
    const fresh = (await barrierForEdit(leader, id)).version;
    expect(fresh).toBe(opened + 1);
    // With the fresh version the second editor can save.
    await updateBarrier(
      leader,
      id,
      fresh,
      input({ behaviourIds: [s.behaviour.id], teamIds: [team2.id] }, { title: "Second save" }),
    );
    expect((await getBarrier(manager, id)).title).toBe("Second save");
  });
});

describe("barrier edit conflicts", () => {
  it("refuses a stale save even when the other write shares its millisecond, or was a status change", async () => {
    const { s, manager } = await scenario();
    const leader = await contextFor(s.leader.user.id, s.org.id);
    const id = await createBarrier(manager, input({ behaviourIds: [s.behaviour.id] }, { title: "Original" }));
    const opened = await barrierForEdit(leader, id);
    const loadedAt = (await db().barrier.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } })).updatedAt;
    await updateBarrier(manager, id, opened.version, input({ behaviourIds: [s.behaviour.id] }, { title: "First" }));
    // Two writes can share a millisecond (or servers' clocks differ): the row's time says nothing new.
    await db().barrier.update({ where: { id }, data: { updatedAt: loadedAt } });
    await expect(
      updateBarrier(leader, id, opened.version, input({ behaviourIds: [s.behaviour.id] }, { title: "Lost update" })),
    ).rejects.toThrow(/Someone else saved this barrier/);
    expect((await getBarrier(manager, id)).title).toBe("First");

    // A status change in between is a change too.
    const again = await barrierForEdit(leader, id);
    await changeBarrierStatus(manager, id, "ACCEPTED", NOW);
    await expect(
      updateBarrier(leader, id, again.version, input({ behaviourIds: [s.behaviour.id] }, { title: "Over it" })),
    ).rejects.toThrow(/Someone else saved this barrier/);
  });
});

describe("the barrier lifecycle", () => {
  it("moves only along allowed steps, and an unscored barrier only to accepted", async () => {
    const { s, manager, member } = await scenario();
    const scored = await createBarrier(manager, input({ behaviourIds: [s.behaviour.id] }, { title: "Scored" }));
    const unscored = await createBarrier(member, input({ behaviourIds: [s.behaviour.id] }, { title: "Unscored" }));
    const before = await dataCounts();

    await expect(changeBarrierStatus(manager, scored, "REMOVED", NOW)).rejects.toMatchObject({
      field: "status",
      message: "A barrier that is identified cannot move to removed.",
    });
    await expect(changeBarrierStatus(manager, scored, "IN_PROGRESS", NOW)).rejects.toBeInstanceOf(RuleError);
    await expect(changeBarrierStatus(manager, unscored, "INTERVENTION_PLANNED", NOW)).rejects.toMatchObject({
      field: "status",
      message: "Score impact, people affected and ease of removal first.",
    });
    expect(await dataCounts()).toEqual(before);
    expect((await getBarrier(manager, scored)).status).toBe("IDENTIFIED");

    await changeBarrierStatus(manager, unscored, "ACCEPTED", NOW);
    expect((await getBarrier(manager, unscored)).status).toBe("ACCEPTED");
    await expect(changeBarrierStatus(manager, unscored, "IDENTIFIED", NOW)).rejects.toMatchObject({
      message: "Score impact, people affected and ease of removal first.",
    });

    await changeBarrierStatus(manager, scored, "INTERVENTION_PLANNED", NOW);
    await changeBarrierStatus(manager, scored, "IN_PROGRESS", NOW);
    await expect(changeBarrierStatus(manager, scored, "REMOVED", NOW)).rejects.toMatchObject({
      field: "status",
      message: "Plan an intervention first: its before/after adoption is the evidence a barrier was removed.",
    });
    const detail = await getBarrier(manager, scored);
    expect([detail.status, detail.removalEvidence]).toEqual(["IN_PROGRESS", null]);
  });

  it("marks a barrier removed only when adoption in the intervention's teams rose, and keeps that evidence", async () => {
    const { s, manager } = await scenario();
    const elsewhere = await buildTeam(db(), s.org.id, { name: "Not rolled out" });
    const unrelated = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { title: "Unrelated" },
    );
    const id = await createBarrier(manager, input({ behaviourIds: [s.behaviour.id], teamIds: [s.team.id] }));
    // Start 2026-10-21, today 2026-10-30: after = 21st..30th (10 days), before = 11th..20th.
    const interventionId = await createIntervention(
      manager,
      interventionInput({
        barrierId: id,
        ownerId: s.manager.membership.id,
        teamIds: [s.team.id],
        startDate: "2026-10-21",
      }),
      NOW,
    );
    expect((await getBarrier(manager, id, NOW)).status).toBe("IN_PROGRESS");

    const obs = (
      day: string,
      performed: number,
      missed: number,
      over: { teamId?: string; behaviourId?: string } = {},
    ) => ({
      organizationId: s.org.id,
      behaviourId: over.behaviourId ?? s.behaviour.id,
      teamId: over.teamId ?? s.team.id,
      occurredAt: at(day),
      performed,
      missed,
    });
    await buildObservations(db(), [
      obs("2026-10-11", 1, 1),
      obs("2026-10-20", 1, 1), // before: 2 of 4
      obs("2026-10-21", 1, 2),
      obs("2026-10-30", 1, 2), // after: 2 of 6
      // none of these count: outside the windows, another team, another behaviour
      obs("2026-10-10", 9, 0),
      obs("2026-10-31", 0, 9),
      obs("2026-10-25", 9, 0, { teamId: elsewhere.id }),
      obs("2026-10-15", 0, 9, { behaviourId: unrelated.id }),
    ]);
    await expect(changeBarrierStatus(manager, id, "REMOVED", NOW)).rejects.toMatchObject({
      field: "status",
      message:
        "Not enough observations to compare (before: 4, after: 6 opportunities; at least 5 each). Keep logging, then mark it removed.",
    });

    await buildObservations(db(), [obs("2026-10-15", 1, 1)]); // before: 3 of 6 = 50%
    const fall = changeBarrierStatus(manager, id, "REMOVED", NOW);
    await expect(fall).rejects.toBeInstanceOf(RuleError);
    await expect(fall).rejects.toThrow(
      "Adoption did not rise after the intervention (before 50% of 6, after 33% of 6).",
    );
    expect((await getBarrier(manager, id, NOW)).status).toBe("IN_PROGRESS");

    await buildObservations(db(), [obs("2026-10-28", 4, 0)]); // after: 6 of 10 = 60%
    const shown = await getBarrier(manager, id, NOW);
    expect(shown.interventions).toEqual([
      {
        interventionId,
        title: "Shared staging for every team",
        startDate: "2026-10-21",
        teamNames: [s.team.name],
        windows: { before: { from: "2026-10-11", to: "2026-10-20" }, after: { from: "2026-10-21", to: "2026-10-30" } },
        result: {
          before: { performed: 3, opportunities: 6, rate: 0.5 },
          after: { performed: 6, opportunities: 10, rate: 0.6 },
          changePts: 10,
        },
        suppressed: null,
        problem: null,
      },
    ]);
    await changeBarrierStatus(manager, id, "REMOVED", NOW);
    const removed = await getBarrier(manager, id, NOW);
    expect(removed.status).toBe("REMOVED");
    expect(removed.removalEvidence).toEqual({ ...shown.interventions[0], markedAt: NOW.toISOString() });
    expect(removed.removalEvidence?.result?.before).toEqual({ performed: 3, opportunities: 6, rate: 0.5 });
    expect(removed.removalEvidence?.result?.after).toEqual({ performed: 6, opportunities: 10, rate: 0.6 });

    // Later observations do not rewrite the evidence it was removed on.
    await buildObservations(db(), [obs("2026-10-29", 0, 20)]);
    expect((await getBarrier(manager, id, NOW)).removalEvidence).toEqual(removed.removalEvidence);
    // Reopened, it no longer shows removal evidence.
    await changeBarrierStatus(manager, id, "IN_PROGRESS", NOW);
    expect((await getBarrier(manager, id, NOW)).removalEvidence).toBeNull();
  });
});

describe("evidence from observations", () => {
  it("offers the notes of missed observations in the barrier's behaviours and teams from the last 90 days, newest first, without observers", async () => {
    const { s, manager } = await scenario();
    const otherTeam = await buildTeam(db(), s.org.id, { name: "Other team" });
    const b = await buildOrgScenario(db());
    const base = {
      organizationId: s.org.id,
      behaviourId: s.behaviour.id,
      teamId: s.team.id,
      observerId: s.member.membership.id,
    };
    await buildObservations(db(), [
      { ...base, occurredAt: at("2026-10-20"), performed: 0, missed: 1, note: "Queue owner on leave" },
      { ...base, occurredAt: at("2026-10-25"), performed: 3, missed: 1, note: "Batch: release day" },
      { ...base, occurredAt: at("2026-10-26"), performed: 1, missed: 0, note: "Done before stand-up" },
      { ...base, occurredAt: at("2026-10-27"), performed: 0, missed: 1, note: "" },
      { ...base, occurredAt: at("2026-07-01"), performed: 0, missed: 1, note: "Too old" },
      { ...base, teamId: otherTeam.id, occurredAt: at("2026-10-21"), performed: 0, missed: 1, note: "Another team" },
      {
        organizationId: b.org.id,
        behaviourId: b.behaviour.id,
        teamId: b.team.id,
        occurredAt: at("2026-10-22"),
        performed: 0,
        missed: 1,
        note: "Their note",
      },
    ]);
    const notes = await missedNotes(manager, [s.behaviour.id, b.behaviour.id], [s.team.id], NOW);
    expect(notes.map((n) => [n.day, n.team, n.note])).toEqual([
      ["2026-10-25", s.team.name, "Batch: release day"],
      ["2026-10-20", s.team.name, "Queue owner on leave"],
    ]);
    expect(JSON.stringify(notes)).not.toContain(s.member.membership.id);
    // No teams named: every team of the organisation, still never another organisation's.
    expect((await missedNotes(manager, [s.behaviour.id, b.behaviour.id], [], NOW)).map((n) => n.note)).toEqual([
      "Batch: release day",
      "Another team",
      "Queue owner on leave",
    ]);
  });
});
