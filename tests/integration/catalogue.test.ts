import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getBehaviour, listCatalogue } from "@/lib/server/data/catalogue";
import { listBarriers } from "@/lib/server/data/barriers";
import { listMetrics } from "@/lib/server/data/metrics";
import { listRecentObservations } from "@/lib/server/data/observations";
import { NotFoundError } from "@/lib/server/errors";
import { buildObservations, buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

describe("catalogue reads", () => {
  it("lists only the caller's organisation, grouped by value, with the behaviour as one sentence", async () => {
    const a = await buildOrgScenario(db(), { name: "Alpha" });
    const b = await buildOrgScenario(db(), { name: "Beta" });
    const ctx = await contextFor(a.member.user.id, a.org.id);
    const values = await listCatalogue(ctx);
    expect(values.map((v) => v.name)).toEqual([a.value.name]);
    expect(values[0]!.behaviours).toEqual([
      {
        id: a.behaviour.id,
        title: "Behaviour of Alpha",
        status: "ACTIVE",
        ownerName: a.leader.user.name,
        sentence:
          "When a customer reports a defect, the on-call engineer posts the root cause and next step on the customer's ticket within 24 hours.",
      },
    ]);
    expect(JSON.stringify(values)).not.toContain(b.behaviour.id);
  });

  it("shows a behaviour with its 28-day adoption, and another organisation's as not found", async () => {
    const a = await buildOrgScenario(db());
    const b = await buildOrgScenario(db());
    const base = {
      organizationId: a.org.id,
      behaviourId: a.behaviour.id,
      teamId: a.team.id,
      observerId: a.member.membership.id,
    };
    await buildObservations(db(), [
      ...Array.from({ length: 6 }, () => ({ ...base, performed: 1, missed: 0 })),
      ...Array.from({ length: 2 }, () => ({ ...base, performed: 0, missed: 1 })),
      { ...base, performed: 3, missed: 1 }, // a batch
      { ...base, performed: 1, missed: 0, occurredAt: new Date(Date.now() - 40 * 86_400_000) }, // outside the window
    ]);
    const ctx = await contextFor(a.member.user.id, a.org.id);
    const dto = await getBehaviour(ctx, a.behaviour.id);
    expect(dto.adoption28d).toEqual({ performed: 9, opportunities: 12, rate: 0.75 });
    await expect(getBehaviour(ctx, b.behaviour.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBehaviour(ctx, "does-not-exist")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("hides the observer of an anonymous observation", async () => {
    const a = await buildOrgScenario(db());
    const base = { organizationId: a.org.id, behaviourId: a.behaviour.id, teamId: a.team.id };
    await buildObservations(db(), [
      { ...base, observerId: a.member.membership.id, anonymous: true, note: "anon" },
      { ...base, observerId: a.member.membership.id, note: "named" },
    ]);
    const rows = await listRecentObservations(await contextFor(a.manager.user.id, a.org.id));
    expect(rows.find((r) => r.note === "anon")?.observerName).toBeNull();
    expect(rows.find((r) => r.note === "named")?.observerName).toBe(a.member.user.name);
    const stored = await db().observation.findFirstOrThrow({ where: { organizationId: a.org.id, note: "anon" } });
    expect(stored.observerId).toBeNull();
  });

  it("scopes barriers and metrics to the organisation, barriers by priority", async () => {
    const a = await buildOrgScenario(db());
    const b = await buildOrgScenario(db());
    const mk = (orgId: string, createdById: string, title: string, impact: number, reach: number, ease: number) =>
      db().barrier.create({
        data: {
          organizationId: orgId,
          createdById,
          title,
          description: "d",
          comB: "PHYSICAL_OPPORTUNITY",
          determinant: "ACCESS",
          impact,
          reach,
          ease,
        },
      });
    await mk(a.org.id, a.manager.membership.id, "Low", 1, 2, 3);
    await mk(a.org.id, a.manager.membership.id, "High", 5, 4, 3);
    await mk(b.org.id, b.manager.membership.id, "Other org", 5, 5, 5);
    await db().metric.create({
      data: {
        organizationId: b.org.id,
        name: "Retention",
        unit: "%",
        kind: "CUSTOMER_OUTCOME",
        timing: "LAGGING",
        direction: "UP",
      },
    });
    const ctx = await contextFor(a.manager.user.id, a.org.id);
    expect((await listBarriers(ctx)).map((x) => [x.title, x.priority])).toEqual([
      ["High", 60],
      ["Low", 6],
    ]);
    expect(await listMetrics(ctx)).toEqual([]);
  });
});

describe("catalogue filters", () => {
  it("searches every field, word by word and case-insensitively, and filters by value, owner and status", async () => {
    const a = await buildOrgScenario(db(), { name: "Gamma" });
    const other = await buildOrgScenario(db(), { name: "Delta" });
    const { buildBehaviour, buildValue } = await import("../factories");
    const second = await buildValue(db(), a.org.id, { name: "Ownership", position: 1 });
    await buildBehaviour(
      db(),
      { organizationId: a.org.id, valueId: second.id, ownerId: a.manager.membership.id },
      {
        title: "Named owner within 4 h",
        actor: "The support triage lead",
        action: "assigns each new ticket to one named person",
        trigger: "When a ticket arrives",
        status: "DRAFT",
      },
    );
    const ctx = await contextFor(a.member.user.id, a.org.id);
    const titles = async (f: Parameters<typeof listCatalogue>[1]) =>
      (await listCatalogue(ctx, f)).flatMap((v) => v.behaviours.map((b) => b.title));

    expect(await titles({ q: "TRIAGE" })).toEqual(["Named owner within 4 h"]);
    expect(await titles({ q: "ticket ON-CALL" })).toEqual(["Behaviour of Gamma"]); // both words, in different fields
    expect(await titles({ q: "ticket triage" })).toEqual(["Named owner within 4 h"]);
    expect(await titles({ q: "nothing-like-this" })).toEqual([]);
    expect(await titles({ status: "DRAFT" })).toEqual(["Named owner within 4 h"]);
    expect(await titles({ owner: a.leader.membership.id })).toEqual(["Behaviour of Gamma"]);
    expect(await titles({ value: second.id })).toEqual(["Named owner within 4 h"]);
    // Another organisation's value id filters to nothing rather than leaking anything.
    expect(await listCatalogue(ctx, { value: other.value.id })).toEqual([]);
    expect(await titles({})).toHaveLength(2);
    // A team's behaviours are those it was observed doing (or has adapted).
    expect(await titles({ team: a.team.id })).toEqual([]);
    await buildObservations(db(), [{ organizationId: a.org.id, behaviourId: a.behaviour.id, teamId: a.team.id }]);
    expect(await titles({ team: a.team.id })).toEqual(["Behaviour of Gamma"]);
    expect(await titles({ team: other.team.id })).toEqual([]);
  });
});
