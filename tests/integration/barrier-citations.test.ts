// Issue 18 §2: what got in the way of a missed entry. Citing a barrier from the Log pad (by the
// entry's undo token), the barrier's citation counts, and "something else" texts turned into a
// barrier once, even when two leaders click at the same moment.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { NotFoundError, RuleError } from "@/lib/server/errors";
import { logObservation } from "@/lib/server/data/observation-log";
import { createBarrier } from "@/lib/server/data/barriers";
import {
  barrierCitations,
  barrierFromNotes,
  citationCounts,
  citeBarrier,
  missedBarrierOptions,
  somethingElseGroups,
} from "@/lib/server/data/barrier-citations";
import { BarrierFromNotesInput, CiteBarrierInput } from "@/lib/schemas/barrier-citations";
import { interventionComparisons } from "@/lib/server/data/intervention-comparison";
import { BarrierInput } from "@/lib/schemas/barriers";
import { buildBehaviour, buildOrgScenario, buildTeam, setGroupSize } from "../factories";
import { contextFor } from "./support/context";

let seq = 0;
const key = () => `cite-${Date.now().toString(36)}-${seq++}`;

async function scenario() {
  const s = await buildOrgScenario(db());
  // Teams of one or two: these tests are about other rules (the minimum group size: group-size.test.ts).
  await setGroupSize(db(), s.org.id, 1);
  const second = await buildTeam(db(), s.org.id, { name: `Night shift ${seq++}` });
  await db().teamMember.createMany({
    data: [s.team.id, second.id].map((teamId) => ({
      organizationId: s.org.id,
      teamId,
      membershipId: s.member.membership.id,
    })),
  });
  const member = await contextFor(s.member.user.id, s.org.id);
  const leader = await contextFor(s.leader.user.id, s.org.id);
  const barrier = (title: string, over: Partial<Record<string, unknown>> = {}) =>
    createBarrier(
      leader,
      BarrierInput.parse({
        title,
        description: "Something in the way of the behaviour.",
        comB: "PHYSICAL_OPPORTUNITY",
        determinant: "ACCESS",
        feasibility: "DIFFICULT",
        behaviourIds: [s.behaviour.id],
        teamIds: [],
        ...over,
      }),
    );
  const log = (outcome: "performed" | "missed", teamId = s.team.id) =>
    logObservation(member, {
      behaviourId: s.behaviour.id,
      teamId,
      outcome,
      note: "",
      anonymous: false,
      idempotencyKey: key(),
    });
  const cite = (o: { id: string; undoToken: string }, choice: { barrierId?: string; note?: string }) =>
    citeBarrier(member, CiteBarrierInput.parse({ id: o.id, token: o.undoToken, ...choice }));
  return { s, second, member, leader, barrier, log, cite };
}

describe("citing what got in the way of a missed entry", () => {
  it("stores the barrier or the text on the entry; choosing again replaces it; a retry is the same", async () => {
    const { s, barrier, log, cite } = await scenario();
    const printer = await barrier("Printer out of paper");
    const o = await log("missed");
    await cite(o, { note: "no paper" });
    await cite(o, { barrierId: printer });
    await cite(o, { barrierId: printer });
    expect(await db().observation.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      barrierId: printer,
      barrierNote: null,
      missed: 1,
    });
    await cite(o, { note: "the customer left" });
    expect(await db().observation.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      barrierId: null,
      barrierNote: "the customer left",
    });
    expect(s.org.id).toBeTruthy();
  });

  it("refuses a performed entry, a wrong token, and a barrier not linked to the behaviour or its team", async () => {
    const { s, second, leader, barrier, log, cite } = await scenario();
    const linked = await barrier("Linked");
    const other = await buildBehaviour(db(), {
      organizationId: s.org.id,
      valueId: s.value.id,
      ownerId: s.leader.membership.id,
    });
    const unlinked = await barrier("Other behaviour's", { behaviourIds: [other.id] });
    const nightOnly = await barrier("Night shift only", { teamIds: [second.id] });
    const done = await log("performed");
    await expect(cite(done, { barrierId: linked })).rejects.toThrow(NotFoundError);
    const o = await log("missed");
    await expect(cite({ ...o, undoToken: "x".repeat(32) }, { barrierId: linked })).rejects.toThrow(NotFoundError);
    await expect(cite(o, { barrierId: unlinked })).rejects.toThrow(NotFoundError);
    await expect(cite(o, { barrierId: nightOnly })).rejects.toThrow(NotFoundError);
    await cite(await log("missed", second.id), { barrierId: nightOnly });
    const options = await missedBarrierOptions(leader);
    expect(options[s.behaviour.id]!.map((b) => b.title)).toEqual(["Linked", "Night shift only"]);
    expect(options[s.behaviour.id]![1]!.teamIds).toEqual([second.id]);
    expect(await db().observation.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ barrierId: null });
  });

  it("counts citations per team and period, with the share of missed entries", async () => {
    const { s, second, leader, barrier, log, cite } = await scenario();
    const printer = await barrier("Printer out of paper");
    for (const teamId of [s.team.id, s.team.id, second.id])
      await cite(await log("missed", teamId), { barrierId: printer });
    await log("missed"); // a miss citing nothing
    await log("performed");
    // One citation 8 weeks ago: in the 12 weeks, not in the 4.
    const old = await log("missed");
    await cite(old, { barrierId: printer });
    await db().observation.update({
      where: { id: old.id },
      data: { occurredAt: new Date(Date.now() - 56 * 86_400_000) },
    });
    const counts = await barrierCitations(leader, printer);
    expect(counts.total).toBe(4);
    expect(counts.rows).toEqual([
      { teamId: s.team.id, team: s.team.name, last4: 2, last12: 3, missed12: 4 },
      { teamId: second.id, team: second.name, last4: 1, last12: 1, missed12: 1 },
      { teamId: null, team: "All teams", last4: 3, last12: 4, missed12: 5 },
    ]);
    expect((await citationCounts(leader))[printer]).toBe(4);
  });
});

describe("turning 'something else' texts into a barrier", () => {
  it("groups similar texts per behaviour, then makes one barrier the chosen entries cite", async () => {
    const { s, leader, member, log, cite } = await scenario();
    for (const note of ["Printer out of paper", "printer had no paper again", "Customer hung up"])
      await cite(await log("missed"), { note });
    await expect(somethingElseGroups(member)).rejects.toThrow();
    const { groups, waiting } = await somethingElseGroups(leader);
    expect(waiting).toBe(3);
    expect(groups.map((g) => g.notes.map((n) => n.note))).toEqual([
      ["printer had no paper again", "Printer out of paper"],
      ["Customer hung up"],
    ]);
    const group = groups[0]!;
    expect(group.suggestedTitle).toBe("Printer out of paper");
    const id = await barrierFromNotes(
      leader,
      BarrierFromNotesInput.parse({
        behaviourId: s.behaviour.id,
        observationIds: group.notes.map((n) => n.id),
        title: group.suggestedTitle,
        comB: "PHYSICAL_OPPORTUNITY",
        determinant: "ACCESS",
      }),
    );
    const b = await db().barrier.findUniqueOrThrow({
      where: { id },
      select: { title: true, evidence: true, impact: true, behaviours: { select: { behaviourId: true } } },
    });
    expect(b.title).toBe("Printer out of paper");
    expect(b.impact).toBeNull();
    expect(b.behaviours).toEqual([{ behaviourId: s.behaviour.id }]);
    expect(b.evidence).toContain("“printer had no paper again”");
    expect(b.evidence).toContain("“Printer out of paper”");
    const cited = await db().observation.findMany({ where: { barrierId: id }, select: { barrierNote: true } });
    expect(cited.map((c) => c.barrierNote).sort()).toEqual(["Printer out of paper", "printer had no paper again"]);
    expect((await somethingElseGroups(leader)).waiting).toBe(1);
    expect((await barrierCitations(leader, id)).total).toBe(2);
  });

  it("of two racing clicks on the same texts, exactly one makes a barrier (run many times)", async () => {
    const { s, log, cite } = await scenario();
    const leaderB = await contextFor(s.manager.user.id, s.org.id);
    const leaderA = await contextFor(s.leader.user.id, s.org.id);
    for (let round = 0; round < 12; round++) {
      const ids: string[] = [];
      for (const note of ["Laptop froze", "laptop froze again"]) {
        const o = await log("missed");
        await cite(o, { note });
        ids.push(o.id);
      }
      const input = BarrierFromNotesInput.parse({
        behaviourId: s.behaviour.id,
        observationIds: ids,
        title: `Laptop freezes ${round}`,
        comB: "PHYSICAL_OPPORTUNITY",
        determinant: "ACCESS",
      });
      const results = await Promise.allSettled([barrierFromNotes(leaderA, input), barrierFromNotes(leaderB, input)]);
      const made = results.filter((r) => r.status === "fulfilled");
      expect(made, `round ${round}`).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(RuleError);
      expect(await db().barrier.count({ where: { organizationId: s.org.id, title: `Laptop freezes ${round}` } })).toBe(
        1,
      );
      const owners = await db().observation.findMany({ where: { id: { in: ids } }, select: { barrierId: true } });
      expect(new Set(owners.map((o) => o.barrierId))).toEqual(
        new Set([(made[0] as PromiseFulfilledResult<string>).value]),
      );
    }
  });
});

describe("adoption in teams with an intervention against teams without (observational)", () => {
  it("compares since the start, with the surveys' tested 2×2 statistics", async () => {
    const { s, second, leader, barrier, log } = await scenario();
    const id = await barrier("Printer out of paper");
    await db().intervention.create({
      data: {
        organizationId: s.org.id,
        barrierId: id,
        function: "ENVIRONMENTAL_RESTRUCTURING",
        title: "A paper shelf by the printer",
        ownerId: s.leader.membership.id,
        startDate: new Date(Date.now() - 7 * 86_400_000),
        apease: {},
        teams: { create: { organizationId: s.org.id, teamId: s.team.id } },
      },
    });
    // With it: 3 of 4 performed; without (the night shift): 1 of 4. Fisher (expected counts 2): p = 34/70.
    for (const outcome of ["performed", "performed", "performed", "missed"] as const) await log(outcome);
    for (const outcome of ["performed", "missed", "missed", "missed"] as const) await log(outcome, second.id);
    const [row] = await interventionComparisons(leader, id);
    expect(row).toMatchObject({
      title: "A paper shelf by the printer",
      withIt: { performed: 3, missed: 1, rate: 0.75 },
      without: { performed: 1, missed: 3, rate: 0.25 },
      test: "Fisher exact",
      significant: false,
    });
    expect(row!.pValue).toBeCloseTo(34 / 70, 10);
  });
});
