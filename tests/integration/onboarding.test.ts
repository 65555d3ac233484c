import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { noteFirstInsight, onboarding } from "@/lib/server/data/onboarding";
import { buildBehaviour, buildMember, buildObservations, buildOrganization, buildTeam, buildValue } from "../factories";
import { contextFor } from "./support/context";

const done = async (ctx: Parameters<typeof onboarding>[0]) =>
  ((await onboarding(ctx)) ?? []).filter((s) => s.done).map((s) => s.key);

describe("the first-run checklist", () => {
  it("ticks itself from what a new organisation holds, and goes once adoption has been seen", async () => {
    const org = await buildOrganization(db());
    const founder = await buildMember(db(), org.id, "ADMIN");
    const admin = await contextFor(founder.user.id, org.id);
    expect(await done(admin)).toEqual([]);

    const value = await buildValue(db(), org.id);
    expect(await done(admin)).toEqual(["values"]);
    const behaviour = await buildBehaviour(
      db(),
      {
        organizationId: org.id,
        valueId: value.id,
        ownerId: founder.membership.id,
      },
      { status: "DRAFT" },
    );
    const team = await buildTeam(db(), org.id);
    expect(await done(admin)).toEqual(["values", "behaviours", "teams"]);

    const colleague = await buildMember(db(), org.id, "MEMBER");
    await db().behaviour.update({ where: { id: behaviour.id }, data: { status: "ACTIVE" } });
    await buildObservations(db(), [
      {
        organizationId: org.id,
        behaviourId: behaviour.id,
        teamId: team.id,
        performed: 1,
        missed: 0,
        occurredAt: new Date(),
      },
    ]);
    expect(await done(admin)).toEqual(["values", "behaviours", "teams", "people", "activeBehaviour", "observations"]);
    // Members log; they are not asked to set the organisation up.
    expect(await onboarding(await contextFor(colleague.user.id, org.id))).toBeNull();

    await noteFirstInsight(admin);
    await noteFirstInsight(admin);
    expect(await onboarding(admin)).toBeNull();
  });
});
