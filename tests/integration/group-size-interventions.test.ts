// Issue 21 on a real database: an intervention's before/after figures are over the teams it was rolled out to,
// and its comparison group over every other team: each is a group of people, so each is hidden under the
// minimum group size when it is too few people, or when with the organisation's figures and the teams shown it
// would give a hidden team's figures away (docs/decisions/039). Hidden evidence cannot mark a barrier removed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { changeBarrierStatus, getBarrier } from "@/lib/server/data/barriers";
import { createIntervention, getIntervention } from "@/lib/server/data/interventions";
import { interventionReport } from "@/lib/server/data/intervention-report";
import { interventionComparisons } from "@/lib/server/data/intervention-comparison";
import { getAction } from "@/lib/server/data/action-lists";
import { InterventionInput } from "@/lib/schemas/barriers";
import { addDays, dayOf } from "@/lib/domain/dates";
import { setGroupSize } from "../factories";
import { world } from "./support/group-size-world";

const plan = (barrierId: string, ownerId: string, title: string, teamIds: string[], startDate: string) =>
  InterventionInput.parse({
    barrierId,
    ownerId,
    teamIds,
    title,
    startDate,
    function: "ENABLEMENT",
    description: "",
    affordabilityScore: "3",
    practicabilityScore: "4",
    effectivenessScore: "4",
    acceptabilityScore: "5",
    sideEffectsScore: "5",
    equityScore: "4",
    techniques: ["7.1"],
  });

describe("minimum group size: interventions", () => {
  it("hides an intervention's figures over too few people, or over teams that would give a hidden one away", async () => {
    const { s, small, mid, big, barrier, ctx, now } = await world();
    await db().barrier.update({ where: { id: barrier.id }, data: { impact: 4, reach: 4, ease: 4 } });
    const start = addDays(dayOf(now, "UTC"), -9);
    const owner = s.manager.membership.id;
    // Teams: the scenario's own (nobody), Small 3 (hidden), Mid 6 (hidden beside it), Big 7 (shown).
    const onSmall = await createIntervention(ctx.leader, plan(barrier.id, owner, "On Small", [small.team.id], start));

    // Too few people: no figures on the barrier, the intervention, the report or the with/without comparison.
    const b = await getBarrier(ctx.leader, barrier.id, now);
    expect(b.interventions[0]).toMatchObject({ result: null, suppressed: "small" });
    expect(b.interventions[0]!.problem).toMatch(/fewer than 5 people together/);
    const i = await getIntervention(ctx.admin, onSmall, now);
    expect(i.rolledOut).toMatchObject({ result: null, suppressed: "small" });
    // Every other team: the organisation's figures minus these are Small's own.
    expect(i.comparison).toMatchObject({ result: null, suppressed: "complement" });
    expect(i.differenceInDifferences).toBeNull();
    expect((await interventionComparisons(ctx.leader, barrier.id, now))[0]).toMatchObject({
      suppressed: "small",
      hiddenSide: "with",
      withIt: { performed: 0, missed: 0, rate: null },
      without: { performed: 0, missed: 0, rate: null },
    });
    expect((await interventionReport(ctx.leader, now)).interventions[0]).toMatchObject({
      result: null,
      suppressed: "small",
    });
    // A removal cannot rest on figures nobody may see: refused, saying why, and nothing changes.
    await expect(changeBarrierStatus(ctx.leader, barrier.id, "REMOVED", now)).rejects.toMatchObject({
      field: "status",
      message: expect.stringMatching(/cannot be the evidence the barrier was removed/),
    });
    expect((await db().barrier.findUniqueOrThrow({ where: { id: barrier.id } })).status).toBe("IN_PROGRESS");

    // Small and Mid together are nine people, and every other team (Big, 7) is enough too: both sides shown.
    const onBoth = await createIntervention(
      ctx.leader,
      plan(barrier.id, owner, "On Small and Mid", [small.team.id, mid.team.id], start),
    );
    const both = await getIntervention(ctx.leader, onBoth, now);
    expect(both.rolledOut).toMatchObject({ suppressed: null, result: { after: { opportunities: 72 } } });
    expect(both.comparison).toMatchObject({ suppressed: null, result: { after: { opportunities: 36 } } });
    expect(both.differenceInDifferences).toBe(0);
    expect((await interventionComparisons(ctx.leader, barrier.id, now))[1]).toMatchObject({
      suppressed: null,
      hiddenSide: null,
      withIt: { performed: 54, missed: 18 },
      without: { performed: 27, missed: 9 },
    });

    // Big with Small: Big's own figure is shown, so this one minus it would be Small's.
    const onBigSmall = await createIntervention(
      ctx.leader,
      plan(barrier.id, owner, "On Big and Small", [big.team.id, small.team.id], start),
    );
    expect((await getIntervention(ctx.leader, onBigSmall, now)).rolledOut.suppressed).toBe("complement");
    // The refusal names each intervention with its own reason: one only did not rise, another is hidden.
    const refusal = changeBarrierStatus(ctx.leader, barrier.id, "REMOVED", now);
    await expect(refusal).rejects.toMatchObject({
      message: expect.stringMatching(
        /“On Small and Mid”: Adoption did not rise.*“On Big and Small”: Its figures are hidden/,
      ),
    });
    // The technique report counts the hidden ones, and pools only the one shown.
    const row = (await interventionReport(ctx.leader, now)).report.rows[0]!;
    expect(row).toMatchObject({ interventions: 3, hidden: 2 });
    expect(row.pooledAfter.opportunities).toBe(72);

    // A removal frozen earlier, on Big and Small's evidence (under a threshold of 1): its figures go, it stands.
    await setGroupSize(db(), s.org.id, 1);
    const evidence = (await getBarrier(ctx.leader, barrier.id, now)).interventions.find(
      (e) => e.interventionId === onBigSmall,
    )!;
    expect(evidence.result).not.toBeNull();
    await db().barrier.update({
      where: { id: barrier.id },
      data: { status: "REMOVED", removalEvidence: { ...evidence, markedAt: now.toISOString() } as object },
    });
    const action = await db().actionItem.create({
      data: {
        organizationId: s.org.id,
        title: "Follow the queue barrier",
        ownerId: owner,
        createdById: owner,
        barrierId: barrier.id,
      },
    });
    expect((await getBarrier(ctx.leader, barrier.id, now)).removalEvidence?.result).not.toBeNull();
    await setGroupSize(db(), s.org.id, 5);
    expect((await getBarrier(ctx.leader, barrier.id, now)).removalEvidence).toMatchObject({
      title: "On Big and Small",
      result: null,
      suppressed: "complement",
    });
    expect((await getAction(ctx.leader, action.id)).barrier?.removalEvidence).toMatchObject({
      result: null,
      suppressed: "complement",
    });
  });
});
