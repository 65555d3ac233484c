import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { adaptableTeams, createVariant, listVariants } from "@/lib/server/data/behaviour-variants";
import { listCatalogue } from "@/lib/server/data/catalogue";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { buildBehaviour, buildOrgScenario, buildTeam } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";

describe("local variants", () => {
  it("lets a leader or the team's manager adapt an active behaviour for a team, reported under its parent", async () => {
    const s = await buildOrgScenario(db());
    const leader = await contextFor(s.leader.user.id, s.org.id);
    const manager = await contextFor(s.manager.user.id, s.org.id);
    const otherTeam = await buildTeam(db(), s.org.id, { name: "Night shift" });
    await db().teamMember.create({
      data: { organizationId: s.org.id, teamId: s.team.id, membershipId: s.manager.membership.id },
    });

    await createVariant(leader, s.behaviour.id, {
      teamId: otherTeam.id,
      trigger: "When the night queue receives a defect",
      frequency: "before the morning hand-over",
    });
    await createVariant(manager, s.behaviour.id, {
      teamId: s.team.id,
      trigger: "When a customer reports a defect",
      frequency: "within 8 working hours",
    });
    const variants = await listVariants(leader, s.behaviour.id);
    expect(variants.map((v) => [v.teamName, v.sentence])).toEqual([
      [
        "Night shift",
        "When the night queue receives a defect, the on-call engineer posts the root cause and next step on the customer's ticket before the morning hand-over.",
      ],
      [
        s.team.name,
        "When a customer reports a defect, the on-call engineer posts the root cause and next step on the customer's ticket within 8 working hours.",
      ],
    ]);
    // The catalogue lists the parent only.
    expect((await listCatalogue(leader)).flatMap((v) => v.behaviours.map((b) => b.id))).toEqual([s.behaviour.id]);
    expect((await adaptableTeams(manager)).map((t) => t.id)).toEqual([s.team.id]);
  });

  it("refuses what would break the method, writing nothing", async () => {
    const s = await buildOrgScenario(db());
    const other = await buildOrgScenario(db());
    const leader = await contextFor(s.leader.user.id, s.org.id);
    const manager = await contextFor(s.manager.user.id, s.org.id); // not in the team
    const member = await contextFor(s.member.user.id, s.org.id);
    const draft = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { title: "A draft", status: "DRAFT" },
    );
    const ok = { teamId: s.team.id, trigger: "When a customer reports a defect", frequency: "within 8 hours" };
    await createVariant(leader, s.behaviour.id, ok);
    const before = await dataCounts();
    await expect(createVariant(leader, s.behaviour.id, ok)).rejects.toMatchObject({ field: "teamId" });
    await expect(createVariant(leader, s.behaviour.id, { ...ok, teamId: other.team.id })).rejects.toMatchObject({
      field: "teamId",
    });
    await expect(createVariant(leader, s.behaviour.id, { ...ok, frequency: "when possible" })).rejects.toMatchObject({
      field: "frequency",
    });
    await expect(createVariant(leader, draft.id, ok)).rejects.toBeInstanceOf(RuleError);
    await expect(
      createVariant(leader, s.behaviour.id, {
        teamId: s.team.id,
        trigger: s.behaviour.trigger,
        frequency: s.behaviour.frequency,
      }),
    ).rejects.toMatchObject({ field: "trigger" });
    await expect(createVariant(manager, s.behaviour.id, ok)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createVariant(member, s.behaviour.id, ok)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createVariant(leader, other.behaviour.id, ok)).rejects.toBeInstanceOf(NotFoundError);
    expect(await dataCounts()).toEqual(before);
  });
});
